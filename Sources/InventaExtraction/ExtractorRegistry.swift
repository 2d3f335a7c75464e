import InventaModel

/// The one list of extractors by format. Sniffs a document and runs the extractor
/// for its format; recognised formats without an extractor end as
/// `skipped: unsupported: <format>`, so the report counts them.
struct ExtractorRegistry: Sendable {
    let limits: ExtractionLimits

    func extractor(for format: FileFormat) -> Extractor? {
        switch format {
        case .text: return PlainTextExtractor(chunkSize: limits.chunkSize, overlap: limits.chunkOverlap)
        case .csv: return CSVExtractor(maxCellBytes: limits.chunkSize)
        case .pdf: return PDFExtractor(maxPages: limits.maxPages)
        case .html: return HTMLExtractor(chunkSize: limits.chunkSize, maxBytes: limits.maxMarkupBytes)
        case .rtf: return RTFExtractor(chunkSize: limits.chunkSize)
        case .zip: return ZipExtractor()
        case .docx: return DocxExtractor()
        case .xlsx: return XlsxExtractor()
        case .pptx: return PptxExtractor()
        case .odt, .odp: return OpenDocumentTextExtractor()
        case .ods: return OdsExtractor()
        case .eml: return EmlExtractor()
        case .mbox: return MboxExtractor()
        case .xls: return XlsExtractor()
        case .doc: return DocExtractor()
        case .ppt: return PptExtractor()
        case .msg: return MsgExtractor()
        case .binary: return BinaryStringsExtractor()
        case .image: return ImageExtractor()
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
        var format = FormatSniffer.sniff(input, head: head, fileName: name)
        if format == .zip { format = ZipSniffer.refine(input) }
        if format == .ole, CompoundFile.holdsEncryptedPackage(input) {
            // A password-protected .docx/.xlsx/.pptx: named for what its extension claims, if it does.
            let claimed = FormatSniffer.claimedFormat(fileName: name)
            return ([.docx, .xlsx, .pptx].contains(claimed) ? claimed : .ole, .skipped(.encrypted))
        }
        if format == .ole, let claimed = FormatSniffer.claimedFormat(fileName: name), [.doc, .xls, .ppt, .msg].contains(claimed) {
            // A compound file whose directory could not be read but whose name says what it is:
            // its extractor reads it and says what is wrong with it.
            format = claimed
        }
        if format == .binary, let claimed = FormatSniffer.claimedFormat(fileName: name), ![.doc, .xls, .ppt, .msg].contains(claimed) {
            // (A binary `.doc` that is no compound file is often Word 2 or WordPerfect: the strings pass reads it.)
            return (claimed, .failed("corrupt: not a valid \(claimed.rawValue) file (damaged, or not really \(claimed.rawValue))"))
        }
        guard let extractor = extractor(for: format) else {
            return (format, .skipped(.unsupported(format: format.rawValue)))
        }
        let budget = context.budget
        let isMember = context.depth > 0
        do {
            try extractor.extract(input, context: context) { unit in
                // Units are counted once, on their way out of the outermost document.
                if isMember {
                    emit(unit)
                } else if let admitted = budget.admit(unit) {
                    emit(admitted)
                }
            }
        } catch {
            // A limit hit inside (even while a member was read) outranks the error it caused.
            return (format, (budget.exceeded ?? error).outcome)
        }
        return (format, budget.exceeded?.outcome ?? .scanned)
    }
}
