import CCairo
import Foundation

/// Writes PDFs with cairo at test time, the way real producers do (embedded, subset
/// TrueType fonts, compressed streams), so the tests do not rest only on hand-made files.
enum CairoPDF {
    /// One page per entry: lines of text, or nil for a page with only a drawn "scan".
    static func make(pages: [[String]?]) -> [UInt8] {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("cairo-\(UUID().uuidString).pdf").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let surface = cairo_pdf_surface_create(path, 595, 842)
        let cr = cairo_create(surface)
        cairo_select_font_face(cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL)
        cairo_set_font_size(cr, 12)
        for page in pages {
            if let lines = page {
                for (index, line) in lines.enumerated() {
                    cairo_move_to(cr, 72, 72 + Double(index) * 16)
                    cairo_show_text(cr, line)
                }
            } else {
                cairo_set_source_rgb(cr, 0.3, 0.3, 0.3)
                cairo_rectangle(cr, 72, 72, 400, 600)
                cairo_fill(cr)
                cairo_set_source_rgb(cr, 0, 0, 0)
            }
            cairo_show_page(cr)
        }
        cairo_destroy(cr)
        cairo_surface_finish(surface)
        cairo_surface_destroy(surface)
        return Array(FileManager.default.contents(atPath: path) ?? Data())
    }
}
