/// File formats Inventa recognises by content. The raw values are stable report values.
public enum FileFormat: String, Sendable, Codable, CaseIterable {
    case text, csv, pdf, docx, xlsx, pptx, odt, ods, odp, html, rtf, eml, mbox, zip
    case doc, xls, ppt, msg, image, binary, unknown
}
