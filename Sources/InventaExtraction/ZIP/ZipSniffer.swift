import InventaModel

/// Tells Office Open XML and OpenDocument files from plain zip archives by their
/// members, whatever the file is called: `word/document.xml` makes a DOCX,
/// `xl/workbook.xml` an XLSX, `ppt/presentation.xml` a PPTX, and the `mimetype`
/// member names the OpenDocument kind. A damaged directory leaves it a zip, whose
/// extractor then reports the damage.
enum ZipSniffer {
    static func refine(_ input: ExtractionInput) -> FileFormat {
        guard let archive = try? ZipArchive(input) else { return .zip }
        var names = Set<String>()
        for entry in archive.entries { names.insert(entry.name) }
        if names.contains("word/document.xml") { return .docx }
        if names.contains("xl/workbook.xml") { return .xlsx }
        if names.contains("ppt/presentation.xml") { return .pptx }
        if let entry = archive.entry("mimetype"), entry.uncompressedSize < 200,
           let bytes = try? archive.read(entry, budget: ExtractionBudget(limits: ExtractionLimits())) {
            switch String(decoding: bytes, as: UTF8.self) {
            case "application/vnd.oasis.opendocument.text", "application/vnd.oasis.opendocument.text-template": return .odt
            case "application/vnd.oasis.opendocument.spreadsheet", "application/vnd.oasis.opendocument.spreadsheet-template": return .ods
            case "application/vnd.oasis.opendocument.presentation", "application/vnd.oasis.opendocument.presentation-template": return .odp
            default: break
            }
        }
        return .zip
    }
}
