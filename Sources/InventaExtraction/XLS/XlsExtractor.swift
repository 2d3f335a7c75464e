import InventaModel

/// Excel 97–2003 workbooks (`.xls`, `.xlt`; BIFF8, and BIFF5 from Excel 5/95): the
/// `Workbook` (or `Book`) stream of the compound file, read record by record. Every
/// sheet, hidden ones too, under the name the user sees (BOUNDSHEET), one unit per
/// non-empty cell located as `Blad1!C7`, through the same `SpreadsheetRow` as XLSX and
/// ODS, so the row's other cells and the column header are its context.
///
/// Cells: shared strings (SST with its CONTINUE records), LABEL, RSTRING, NUMBER, RK,
/// MULRK and FORMULA results (numbers, or the cached string in the STRING record after
/// it). Numbers read as the digits a user sees (`NumberText`) and date-formatted numbers
/// (the cell's XF → FORMAT) as ISO dates, with the XLSX date logic (`XlsxStyles`).
/// Sheet headers and footers are read as part `header`/`footer`. Booleans, errors and
/// charts carry no personal data and are left out; cell comments (NOTE/TXO) are not read.
/// A workbook with a FILEPASS record is `encrypted`.
public struct XlsExtractor: Extractor {
    public init() {}

    public func extract(_ input: ExtractionInput, context: ExtractionContext, emit: (TextUnit) -> Void) throws(ExtractionError) {
        let file = try CompoundFile(input, maxStreamBytes: context.limits.maxMemberBytes)
        let name = file.child(named: "Workbook") != nil ? "Workbook" : "Book"
        guard let stream = try file.stream(named: name) else {
            throw ExtractionError.corrupt("xls: no Workbook stream")
        }
        var workbook = XlsWorkbook(stream: stream)
        try workbook.read(context: context, emit: emit)
    }
}

/// One workbook stream being read: the globals (sheet names, strings, formats), then
/// each sheet's cells.
struct XlsWorkbook {
    private var records: BIFFRecords
    private var biff5 = false
    private var shared: [String] = []
    private var sheetNames: [Int: String] = [:]
    /// XF index → number format index, and the format indexes that show dates.
    private var cellFormats: [Int] = []
    private var dateFormats = XlsxStyles.builtInDateFormats
    private var styles = XlsxStyles()

    init(stream: [UInt8]) {
        records = BIFFRecords(stream)
    }

    mutating func read(context: ExtractionContext, emit: (TextUnit) -> Void) throws(ExtractionError) {
        guard let first = records.next(), first.type == 0x0809 || first.type == 0x0409 || first.type == 0x0209 else {
            throw ExtractionError.corrupt("xls: the Workbook stream does not start with a BOF record")
        }
        biff5 = records.u16(first.data.lowerBound) == 0x0500
        try readGlobals()
        var sheetIndex = 0
        while let record = records.next() {
            guard record.type == 0x0809 else { continue }
            try context.checkBudget()
            sheetIndex += 1
            let name = sheetNames[record.data.lowerBound - 4] ?? "Sheet\(sheetIndex)"
            readSheet(name: name, emit: emit)
        }
    }

    private mutating func readGlobals() throws(ExtractionError) {
        while let record = records.next() {
            let at = record.data.lowerBound
            switch record.type {
            case 0x000A: return // EOF
            case 0x002F: throw ExtractionError.encrypted // FILEPASS
            case 0x0085: // BOUNDSHEET
                let offset = Int(records.u32(at))
                sheetNames[offset] = biff5 ? byteString(at + 6, in: record) : shortString(at + 6, in: record)
            case 0x00FC: // SST
                var reader = ContinuedReader(bytes: records.bytes, segments: [record.data] + records.continuations())
                _ = reader.u32()
                let unique = Int(reader.u32())
                shared.reserveCapacity(min(unique, record.data.count))
                while shared.count < unique, !reader.atEnd { shared.append(reader.richString()) }
            case 0x00E0: // XF
                cellFormats.append(Int(records.u16(at + 2)))
            case 0x041E: // FORMAT
                let index = Int(records.u16(at))
                let code = biff5 ? byteString(at + 2, in: record) : unicodeString(at + 2, in: record)
                if XlsxStyles.isDateCode(code) { dateFormats.insert(index) } else { dateFormats.remove(index) }
            case 0x0022: // DATEMODE
                styles.date1904 = records.u16(at) == 1
            default: break
            }
        }
    }

    /// One sheet's records up to its EOF (charts inside it have their own BOF…EOF).
    private mutating func readSheet(name: String, emit: (TextUnit) -> Void) {
        var cells: [(row: Int, column: Int, text: String)] = []
        var pendingFormula: (row: Int, column: Int)?
        var depth = 1
        while depth > 0, let record = records.next() {
            let at = record.data.lowerBound
            let row = Int(records.u16(at)), column = Int(records.u16(at + 2)), xf = Int(records.u16(at + 4))
            switch record.type {
            case 0x0809: depth += 1
            case 0x000A: depth -= 1
            case 0x00FD where record.data.count >= 10: // LABELSST
                let index = Int(records.u32(at + 6))
                if shared.indices.contains(index) { cells.append((row, column, shared[index])) }
            case 0x0204 where record.data.count >= 8, 0x00D6 where record.data.count >= 8: // LABEL, RSTRING
                cells.append((row, column, biff5 ? wordString(at + 6, in: record) : unicodeString(at + 6, in: record)))
            case 0x0203 where record.data.count >= 14: // NUMBER
                cells.append((row, column, number(records.f64(at + 6), xf: xf)))
            case 0x027E where record.data.count >= 10: // RK
                cells.append((row, column, number(XlsWorkbook.rk(records.u32(at + 6)), xf: xf)))
            case 0x00BD where record.data.count >= 6: // MULRK: (xf, rk) pairs from the first column on
                var offset = at + 4, index = column
                while offset + 6 <= record.data.upperBound - 2 {
                    cells.append((row, index, number(XlsWorkbook.rk(records.u32(offset + 2)), xf: Int(records.u16(offset)))))
                    offset += 6
                    index += 1
                }
            case 0x0006 where record.data.count >= 20: // FORMULA: the cached result
                if records.u16(at + 12) == 0xFFFF {
                    if records.bytes[at + 6] == 0 { pendingFormula = (row, column) }
                } else {
                    cells.append((row, column, number(records.f64(at + 6), xf: xf)))
                }
            case 0x0207: // STRING: the text result of the formula before it
                if let cell = pendingFormula {
                    var reader = ContinuedReader(bytes: records.bytes, segments: [record.data] + records.continuations())
                    let count = Int(reader.u16())
                    let text = biff5 ? TextEncoding.decodeWindows1252(ArraySlice((0..<count).map { _ in reader.byte() }))
                        : reader.characters(count, highByte: reader.byte() & 1 != 0)
                    cells.append((cell.row, cell.column, text))
                    pendingFormula = nil
                }
            case 0x0014, 0x0015: // HEADER, FOOTER
                guard record.data.count >= 3 else { break }
                let text = biff5 ? byteString(at, in: record) : unicodeString(at, in: record)
                if text.utf8.contains(where: { $0 > 0x20 }) {
                    emit(TextUnit(text: text, location: Location(sheet: name, part: record.type == 0x0014 ? "header" : "footer")))
                }
            default: break
            }
        }
        // Cells come row by row in practice; sorting makes the rows right whatever the writer did.
        let ordered = cells.enumerated().sorted { ($0.element.row, $0.element.column, $0.offset) < ($1.element.row, $1.element.column, $1.offset) }
        var sheetRow = SpreadsheetRow()
        sheetRow.startSheet()
        var current = -1
        for (_, cell) in ordered {
            if cell.row != current {
                sheetRow.flush(sheet: name, emit: emit)
                current = cell.row
            }
            sheetRow.add(reference: CellReference.cell(column: cell.column, row: cell.row + 1), text: cell.text)
        }
        sheetRow.flush(sheet: name, emit: emit)
    }

    /// A number as the cell shows it: a date when its format is one, else plain digits.
    private func number(_ value: Double, xf: Int) -> String {
        guard value.isFinite else { return "" }
        let raw = "\(value)"
        if cellFormats.indices.contains(xf), dateFormats.contains(cellFormats[xf]), let date = styles.dateText(raw) { return date }
        return NumberText.display(raw)
    }

    /// An RK number (MS-XLS 2.5.217): a 30-bit integer or the top 30 bits of a double, maybe ×100.
    static func rk(_ raw: UInt32) -> Double {
        var value = raw & 2 != 0 ? Double(Int32(bitPattern: raw) >> 2) : Double(bitPattern: UInt64(raw & 0xFFFF_FFFC) << 32)
        if raw & 1 != 0 { value /= 100 }
        return value
    }

    // MARK: Strings inside one record

    /// XLUnicodeString: two-byte length, option byte, characters (BIFF8).
    private func unicodeString(_ at: Int, in record: BIFFRecords.Record) -> String {
        var reader = ContinuedReader(bytes: records.bytes, segments: [at..<max(at, record.data.upperBound)])
        let count = Int(reader.u16())
        return reader.characters(count, highByte: reader.byte() & 1 != 0)
    }

    /// ShortXLUnicodeString: one-byte length, option byte, characters (BIFF8 sheet names).
    private func shortString(_ at: Int, in record: BIFFRecords.Record) -> String {
        var reader = ContinuedReader(bytes: records.bytes, segments: [at..<max(at, record.data.upperBound)])
        let count = Int(reader.byte())
        return reader.characters(count, highByte: reader.byte() & 1 != 0)
    }

    /// BIFF5: one-byte length and Windows-1252 bytes.
    private func byteString(_ at: Int, in record: BIFFRecords.Record) -> String {
        guard at < record.data.upperBound else { return "" }
        let count = Int(records.bytes[at])
        return TextEncoding.decodeWindows1252(records.bytes[(at + 1)..<min(record.data.upperBound, at + 1 + count)])
    }

    /// BIFF5: two-byte length and Windows-1252 bytes (LABEL).
    private func wordString(_ at: Int, in record: BIFFRecords.Record) -> String {
        let count = Int(records.u16(at))
        let start = min(at + 2, record.data.upperBound)
        return TextEncoding.decodeWindows1252(records.bytes[start..<min(record.data.upperBound, start + count)])
    }
}
