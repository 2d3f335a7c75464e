import CCairo
import CPoppler

/// Renders one PDF page for OCR: poppler draws it with cairo onto a white RGB surface at
/// the OCR resolution (300 dpi by default; lower for a page so large that it would pass
/// the pixel limit, so a poster is read rather than refused), and the pixels become an
/// 8-bit grey leptonica image. Only pages without a text layer are rendered.
enum PDFPageRenderer {
    static func render(_ document: PDFDocument, page index: Int, dpi: Int, maxPixels: Int) throws(ExtractionError) -> OCRImage {
        guard let page = poppler_document_get_page(document.handle, Int32(index)) else {
            throw ExtractionError.corrupt("page \(index + 1) could not be opened")
        }
        defer { g_object_unref(UnsafeMutableRawPointer(page)) }
        var widthPoints = 0.0, heightPoints = 0.0
        poppler_page_get_size(page, &widthPoints, &heightPoints)
        guard widthPoints > 0, heightPoints > 0, widthPoints < 1e6, heightPoints < 1e6 else {
            throw ExtractionError.corrupt("page \(index + 1) has no size")
        }
        var scale = Double(dpi) / 72
        let area = widthPoints * heightPoints * scale * scale
        if area > Double(maxPixels) { scale *= (Double(maxPixels) / area).squareRoot() }
        let width = max(1, Int(widthPoints * scale)), height = max(1, Int(heightPoints * scale))
        guard let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32(width), Int32(height)) else {
            throw ExtractionError.limitExceeded("page \(index + 1) too large to render for OCR")
        }
        defer { cairo_surface_destroy(surface) }
        guard cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS, let cr = cairo_create(surface) else {
            throw ExtractionError.limitExceeded("page \(index + 1) too large to render for OCR")
        }
        cairo_set_source_rgb(cr, 1, 1, 1)
        cairo_paint(cr)
        cairo_scale(cr, scale, scale)
        poppler_page_render(page, cr)
        cairo_destroy(cr)
        cairo_surface_flush(surface)
        guard let data = cairo_image_surface_get_data(surface) else { throw ExtractionError.corrupt("page \(index + 1) did not render") }
        let stride = Int(cairo_image_surface_get_stride(surface))
        let ppi = Int((scale * 72).rounded())
        let image = OCRImage.grey(width: width, height: height, resolution: ppi) { row, out in
            // RGB24: one native-endian 32-bit word per pixel, 0x00RRGGBB.
            let pixels = UnsafeRawPointer(data + row * stride).assumingMemoryBound(to: UInt32.self)
            for x in 0..<out.count {
                let p = pixels[x]
                let r = (p >> 16) & 0xFF, g = (p >> 8) & 0xFF, b = p & 0xFF
                out[x] = UInt8((r * 77 + g * 150 + b * 29) >> 8)
            }
        }
        guard let image else { throw ExtractionError.limitExceeded("page \(index + 1) too large to render for OCR") }
        return image
    }
}
