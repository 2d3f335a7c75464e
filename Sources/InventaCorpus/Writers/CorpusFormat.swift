import InventaModel

/// The file formats the generator writes; `--formats` takes these names.
public enum CorpusFormat: String, Sendable, CaseIterable {
    case txt, csv, docx, xlsx, pptx, odt, ods, pdf, html, rtf, eml, zip

    /// The format the scanner should report for such a file (the report's `format` column).
    public var fileFormat: FileFormat {
        switch self {
        case .txt: return .text
        case .csv: return .csv
        case .docx: return .docx
        case .xlsx: return .xlsx
        case .pptx: return .pptx
        case .odt: return .odt
        case .ods: return .ods
        case .pdf: return .pdf
        case .html: return .html
        case .rtf: return .rtf
        case .eml: return .eml
        case .zip: return .zip
        }
    }

    public var fileExtension: String { rawValue }
}

/// How a TXT document's bytes are encoded; all three occur on Windows shares.
enum TextEncodingVariant: CaseIterable {
    case utf8, windows1252, utf16LE
}
