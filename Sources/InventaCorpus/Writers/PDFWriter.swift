import CCairo

/// Real PDFs through cairo's PDF surface and its "toy" text API: cairo embeds a
/// subset of DejaVu Sans with a ToUnicode map, so å, ä and ö come out of pdftotext
/// and poppler as written. Creation and modification dates are fixed, so a seed
/// gives the same bytes on the same machine (the embedded font depends on the
/// installed DejaVu version). Lines are laid out as given: generators keep lines
/// short, and a long line is wrapped only at ". ", never inside an entity.
enum PDFWriter {
    static let pageWidth = 595.0, pageHeight = 842.0, margin = 50.0

    final class Sink {
        var bytes: [UInt8] = []
    }

    static func pdf(_ document: Document, isoDate: String) -> [UInt8] {
        let sink = Sink()
        let closure = Unmanaged.passUnretained(sink).toOpaque()
        let write: cairo_write_func_t = { closure, data, length in
            guard let closure, let data else { return CAIRO_STATUS_WRITE_ERROR }
            let sink = Unmanaged<Sink>.fromOpaque(closure).takeUnretainedValue()
            sink.bytes.append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length)))
            return CAIRO_STATUS_SUCCESS
        }
        let hasWideTable = document.blocks.contains { if case .table(let header, _) = $0 { return header.count > 3 } else { return false } }
        let (width, height) = hasWideTable ? (pageHeight, pageWidth) : (pageWidth, pageHeight)
        guard let surface = cairo_pdf_surface_create_for_stream(write, closure, width, height) else { return [] }
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, document.title)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "Exempelby kommun")
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, isoDate)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_MOD_DATE, isoDate)
        let cr = cairo_create(surface)
        cairo_select_font_face(cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL)
        let size = 9.0
        let maxChars = Int((width - 2 * margin) / (size * 0.6))
        var y = margin
        func show(_ text: String, fontSize: Double) {
            for line in wrap(text, maxChars: maxChars) {
                if y + fontSize > height - margin {
                    cairo_show_page(cr)
                    y = margin
                }
                y += fontSize * 1.4
                cairo_set_font_size(cr, fontSize)
                cairo_move_to(cr, margin, y)
                cairo_show_text(cr, line)
            }
        }
        for line in headedLines(document) {
            show(line.text, fontSize: line.heading ? 13 : size)
        }
        cairo_destroy(cr)
        cairo_surface_finish(surface)
        cairo_surface_destroy(surface)
        return withExtendedLifetime(sink) { sink.bytes }
    }

    static func headedLines(_ document: Document) -> [(text: String, heading: Bool)] {
        var lines: [(String, Bool)] = []
        for block in document.blocks {
            switch block {
            case .heading(let text): lines.append((text, true))
            case .paragraph(let paragraph): lines += paragraph.map { ($0, false) } + [(" ", false)]
            case .table(let header, let rows):
                lines.append((header.joined(separator: "   "), false))
                lines += rows.map { ($0.map { $0.text.replacingOccurrences(of: "\n", with: " / ") }.joined(separator: "   "), false) }
                lines.append((" ", false))
            }
        }
        return lines
    }

    /// Splits at ". " while a line is longer than `maxChars`.
    static func wrap(_ text: String, maxChars: Int) -> [String] {
        guard text.count > maxChars else { return [text] }
        var lines: [String] = []
        var current = ""
        for sentence in text.components(separatedBy: ". ") {
            let piece = current.isEmpty ? sentence : current + ". " + sentence
            if piece.count > maxChars && !current.isEmpty {
                lines.append(current + ".")
                current = sentence
            } else {
                current = piece
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }
}
