/// Which XLSX cell styles show numbers as dates, so a birth date stored as the serial
/// number 31048 is read as `1985-01-01`, as a Swedish Excel shows it, and date detectors
/// can see it. Built-in date formats are known by id; custom formats (`numFmt`) are
/// dates when their code has day or year letters outside quotes and brackets. Time-only
/// formats stay numbers.
struct XlsxStyles {
    /// Indexes into `cellXfs` (a cell's `s` attribute) whose number format is a date.
    var dateStyles: Set<Int> = []
    /// Workbooks from old Mac Excel count days from 1904-01-01.
    var date1904 = false

    static let builtInDateFormats: Set<Int> = Set([14, 15, 16, 17, 22] + Array(27...36) + Array(50...58))

    static func read(_ package: OOXMLPackage, part: String) throws(ExtractionError) -> XlsxStyles {
        var styles = XlsxStyles()
        guard let reader = try package.reader(part) else { return styles }
        var customDates: Set<Int> = []
        var inCellFormats = false
        var index = 0
        while try reader.read() {
            switch (reader.nodeType, reader.localName) {
            case (.element, "numFmt"):
                if let id = reader.attribute("numFmtId").flatMap({ Int($0) }), isDateCode(reader.attribute("formatCode") ?? "") {
                    customDates.insert(id)
                }
            case (.element, "cellXfs"): inCellFormats = !reader.isEmptyElement
            case (.endElement, "cellXfs"): inCellFormats = false
            case (.element, "xf") where inCellFormats:
                let format = reader.attribute("numFmtId").flatMap { Int($0) } ?? 0
                if builtInDateFormats.contains(format) || customDates.contains(format) { styles.dateStyles.insert(index) }
                index += 1
            default: break
            }
        }
        return styles
    }

    /// True for a format code that shows a date: `yyyy-mm-dd`, `d/m/yy`, `[$-41D]d mmmm yyyy`.
    static func isDateCode(_ code: String) -> Bool {
        var quoted = false, bracket = false, escaped = false
        for character in code.lowercased() {
            if escaped { escaped = false; continue }
            switch character {
            case "\\": escaped = true
            case "\"": quoted.toggle()
            case "[" where !quoted: bracket = true
            case "]" where !quoted: bracket = false
            case "d", "y": if !quoted && !bracket { return true }
            default: break
            }
        }
        return false
    }

    /// `1985-01-01` for the serial day number 31048 (1900 system, with Excel's phantom
    /// 29 February 1900), or nil when the value is not a plausible date.
    func dateText(_ raw: String) -> String? {
        guard let serial = Double(raw), serial >= 1, serial < 2_958_466 else { return nil }
        var days = Int(serial)
        if date1904 { days += 1462 } else if days < 60 { days += 1 }
        // Days since 1899-12-30 → civil date (Howard Hinnant's algorithm, shifted to 1970).
        let z = days - 25569 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(year)-\(two(month))-\(two(day))"
    }
}
