/// Spreadsheet cell references (`C7`): column letters from a zero-based column
/// index and back, as shown in Excel and LibreOffice.
enum CellReference {
    /// `A` for 0, `Z` for 25, `AA` for 26.
    static func column(_ index: Int) -> String {
        var n = index + 1
        var letters: [UInt8] = []
        while n > 0 {
            let remainder = (n - 1) % 26
            letters.append(UInt8(65 + remainder))
            n = (n - 1) / 26
        }
        return String(decoding: letters.reversed(), as: UTF8.self)
    }

    /// `C7` for column 2, row 7 (rows are one-based).
    static func cell(column: Int, row: Int) -> String { "\(CellReference.column(column))\(row)" }

    /// The zero-based column and one-based row of `C7`, or nil when it is not a reference.
    static func parse(_ reference: String) -> (column: Int, row: Int)? {
        var column = 0, row = 0, letters = 0, digits = 0
        for byte in reference.utf8 {
            switch byte {
            case 65...90 where digits == 0: column = column * 26 + Int(byte - 64); letters += 1
            case 97...122 where digits == 0: column = column * 26 + Int(byte - 96); letters += 1
            case 48...57 where letters > 0 && digits < 8: row = row * 10 + Int(byte - 48); digits += 1
            case 36: continue // `$C$7`
            default: return nil
            }
        }
        guard letters > 0, letters <= 3, digits > 0 else { return nil }
        return (column - 1, row)
    }
}
