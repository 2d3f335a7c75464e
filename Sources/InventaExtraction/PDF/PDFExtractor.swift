#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CPoppler
import InventaModel

/// Reads a PDF with poppler-glib: one text unit per page, located by page number, its text
/// rebuilt from the glyph layout so words, table cells and columns stay apart (decision 0214).
///
/// Files are read through a duplicate of their read-only descriptor (poppler streams
/// from it, so a 2 GB PDF is never held in memory); container members through a
/// `GBytes` copy. Never a URI, so poppler can never reach the network. Outcomes:
/// password-protected (after poppler tried the empty user password) → `encrypted`;
/// pages without text are read by OCR (`PDFPageOCR`), and with OCR off, no text on any
/// page → `needs_ocr`; more pages than
/// `limits.maxPages` → the first pages are read and the file is `limit_exceeded`.
///
/// The document is created, used and released inside one call, so it never crosses
/// threads. Call `Extraction.prepareLibraries()` on the main thread before workers start.
public struct PDFExtractor: Extractor {
    public var maxPages: Int

    public init(maxPages: Int = ExtractionLimits().maxPages) {
        self.maxPages = max(1, maxPages)
    }

    public func extract(_ input: ExtractionInput, context: ExtractionContext, emit: (TextUnit) -> Void) throws(ExtractionError) {
        let document = try PDFDocument(input)
        let pages = document.pageCount
        var textPages = 0
        for index in 0..<min(pages, maxPages) {
            try context.checkBudget()
            let text = document.text(ofPage: index)
            guard text.utf8.contains(where: { $0 > 0x20 }) else { // bytes, not Characters: cheap
                // No text layer: a scanned page, read by OCR (docs/decisions/0230-ocr.md).
                if try PDFPageOCR.read(document, page: index, context: context, emit: emit) { textPages += 1 }
                continue
            }
            textPages += 1
            emit(TextUnit(text: text, location: Location(page: index + 1)))
        }
        if pages > maxPages {
            throw ExtractionError.limitExceeded("more than \(maxPages) pages, the first \(maxPages) were read; raise --max-pages to read them all")
        }
        if let error = PDFPageOCR.budgetError(context) { throw error }
        if textPages == 0 && pages > 0 { throw ExtractionError.needsOCR }
    }
}

/// An open poppler document, owned by one call and released on deinit.
final class PDFDocument {
    let handle: OpaquePointer

    init(_ input: ExtractionInput) throws(ExtractionError) {
        var error: UnsafeMutablePointer<GError>?
        var document: OpaquePointer?
        if let file = input as? FileSource {
            let fd = dup(file.fd)
            guard fd >= 0 else { throw ExtractionError.unreadable(errno: errno) }
            guard lseek(fd, 0, SEEK_SET) == 0 else { close(fd); throw ExtractionError.unreadable(errno: errno) }
            // poppler takes ownership of the descriptor and closes it with the document (or on failure).
            document = poppler_document_new_from_fd(fd, nil, &error)
        } else {
            let bytes = try input.readAll(limit: Int64(Int32.max))
            let gbytes = bytes.withUnsafeBytes { raw in g_bytes_new(raw.baseAddress, gsize(raw.count)) }
            document = poppler_document_new_from_bytes(gbytes, nil, &error)
            g_bytes_unref(gbytes)
        }
        guard let document else {
            let failure = PDFDocument.classify(error)
            if error != nil { g_error_free(error) }
            throw failure
        }
        handle = document
    }

    deinit { g_object_unref(UnsafeMutableRawPointer(handle)) }

    var pageCount: Int { Int(poppler_document_get_n_pages(handle)) }

    /// The page's text in reading order, built from its layout (`PDFLayoutText`); poppler's
    /// own text where the layout does not match it; empty for a page without a text layer.
    func text(ofPage index: Int) -> String {
        guard let page = poppler_document_get_page(handle, Int32(index)) else { return "" }
        defer { g_object_unref(UnsafeMutableRawPointer(page)) }
        guard let text = poppler_page_get_text(page) else { return "" }
        defer { g_free(text) }
        let count = strlen(text)
        guard count > 0 else { return "" }
        // The layout reuses the text page poppler cached on `page` for the call above.
        var rectangles: UnsafeMutablePointer<PopplerRectangle>?
        var rectangleCount: guint = 0
        guard poppler_page_get_text_layout(page, &rectangles, &rectangleCount) != 0, let rectangles else {
            return String(cString: text)
        }
        defer { g_free(rectangles) }
        var boxes = [PDFBox]()
        boxes.reserveCapacity(Int(rectangleCount))
        for k in 0..<Int(rectangleCount) {
            let r = rectangles[k]
            boxes.append(PDFBox(x1: r.x1, y1: r.y1, x2: r.x2, y2: r.y2))
        }
        let utf8 = UnsafeBufferPointer(start: UnsafeRawPointer(text).assumingMemoryBound(to: UInt8.self), count: count)
        let laidOut = boxes.withUnsafeBufferPointer { PDFLayoutText.text(utf8: utf8, boxes: $0) }
        guard let laidOut else { return String(cString: text) }
        return String(decoding: laidOut, as: UTF8.self)
    }

    private static func classify(_ error: UnsafeMutablePointer<GError>?) -> ExtractionError {
        guard let error else { return .corrupt("PDF could not be opened") }
        if error.pointee.domain == poppler_error_quark() && error.pointee.code == Int32(POPPLER_ERROR_ENCRYPTED.rawValue) {
            return .encrypted
        }
        let message = error.pointee.message.map { String(cString: $0) } ?? "PDF could not be opened"
        return .corrupt(message)
    }
}
