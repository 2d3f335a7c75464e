/// File formats Inventa recognises by content. The raw values are stable report values.
public enum FileFormat: String, Sendable, Codable, CaseIterable {
    case text, csv, pdf, docx, xlsx, pptx, odt, ods, odp, html, rtf, eml, mbox, zip
    case doc, xls, ppt, msg, image, binary, unknown
    /// An OLE2 compound file that is none of doc, xls, ppt or msg (e.g. a Visio drawing or a `Thumbs.db`).
    case ole
}
