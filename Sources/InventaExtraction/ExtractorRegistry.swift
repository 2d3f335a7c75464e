import InventaModel

/// The one list of extractors by format. Sniffs a document and runs the extractor
/// for its format; recognised formats without an extractor end as
/// `skipped: unsupported: <format>`, so the report counts them.
struct ExtractorRegistry: Sendable {
    let limits: ExtractionLimits

    func extractor(for format: FileFormat) -> Extractor? {
        switch format {
        case .text, .csv: return PlainTextExtractor(chunkSize: limits.chunkSize, overlap: limits.chunkOverlap)
        case .zip: return ZipExtractor()
        case .docx: return DocxExtractor()
        case .xlsx: return XlsxExtractor()
        case .pptx: return PptxExtractor()
        case .odt, .odp: return OpenDocumentTextExtractor()
        case .ods: return OdsExtractor()
        case .eml: return EmlExtractor()
        case .mbox: return MboxExtractor()
        default: return nil
        }
    }

    func extract(_ input: ExtractionInput, name: String, context: ExtractionContext,
                 emit: (TextUnit) -> Void) -> (FileFormat?, Outcome) {
        let head: [UInt8]
        do {
            head = try input.read(at: 0, count: FormatSniffer.headLength)
        } catch {
            return (nil, .failed(error.message))
        }
        var format = FormatSniffer.sniff(head: head, fileName: name)
        if format == .zip { format = ZipSniffer.refine(input) }
        if format == .binary, let claimed = ZipSniffer.claimedFormat(fileName: name) {
            return (claimed, .failed("corrupt: not a valid \(claimed.rawValue) file (damaged, or not really \(claimed.rawValue))"))
        }
        guard let extractor = extractor(for: format) else {
            return (format, .skipped(.unsupported(format: format.rawValue)))
        }
        do {
            try extractor.extract(input, context: context, emit: emit)
            return (format, .scanned)
        } catch {
            return (format, error.outcome)
        }
    }
}
