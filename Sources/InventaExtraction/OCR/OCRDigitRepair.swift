/// Repairs the usual OCR misreadings inside digit-like tokens of OCR'd text before it
/// reaches detection: `O`/`o` → 0, `l`/`I`/`|` → 1, `S` → 5, `B` → 8, a doubled hyphen
/// made single, a hyphen read as a word of its own (`850101 - 2382`) joined, doubled
/// spaces between digit groups made single. Validation is untouched: a repaired
/// personnummer must still pass Luhn and its date, so a repair can only recover a value
/// the scan holds, never invent one.
///
/// Only tokens that are numbers already are touched: a whitespace-separated token with
/// at least four digits, nothing but digits, look-alikes and `-+/` inside, and fewer
/// look-alikes than digits; or a short group (≤ 3 characters, a digit among them) next
/// to such a number (the groups of `070-174 O6 05`). Words are never changed, so names
/// and addresses (`12B`) keep their text. The repaired text *is* the unit's text (what
/// `inventa extract` shows), so finding spans point into it. Runs on OCR units only.
enum OCRDigitRepair {
    static func repair(_ text: String) -> String {
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { repairLine(Substring($0)) }.joined(separator: "\n")
    }

    private static func mapped(_ c: Character) -> Character? {
        switch c {
        case "O", "o": return "0"
        case "l", "I", "|": return "1"
        case "S": return "5"
        case "B": return "8"
        default: return nil
        }
    }

    private static func isInner(_ c: Character) -> Bool { c == "-" || c == "+" || c == "/" }
    private static func isEdge(_ c: Character) -> Bool { "(),.:;".contains(c) }

    /// A token split into edge punctuation and its core.
    private struct Token {
        var lead: Substring
        var core: [Character]
        var trail: Substring
        var digits: Int { core.filter(\.isASCIIDigit).count }
        var lookAlikes: Int { core.filter { mapped($0) != nil }.count }
        var pure: Bool { core.allSatisfy { $0.isASCIIDigit || isInner($0) || mapped($0) != nil } }
        var numeric: Bool { !core.isEmpty && core.allSatisfy { $0.isASCIIDigit || isInner($0) } && digits >= 2 }
        var text: String { String(lead) + String(core) + String(trail) }

        init(_ raw: Substring) {
            var start = raw.startIndex, end = raw.endIndex
            while start < end, isEdge(raw[start]) { start = raw.index(after: start) }
            while end > start, isEdge(raw[raw.index(before: end)]) { end = raw.index(before: end) }
            lead = raw[raw.startIndex..<start]
            core = Array(raw[start..<end])
            trail = raw[end..<raw.endIndex]
        }

        mutating func convert() {
            core = core.map { mapped($0) ?? $0 }
            var collapsed: [Character] = []
            for c in core where !(c == "-" && collapsed.last == "-") { collapsed.append(c) }
            core = collapsed
        }
    }

    private static func repairLine(_ line: Substring) -> String {
        var tokens = line.split(separator: " ", omittingEmptySubsequences: true).map(Token.init)
        guard !tokens.isEmpty else { return String(line) }
        for i in tokens.indices where tokens[i].pure && tokens[i].digits >= 4 && tokens[i].lookAlikes < tokens[i].digits {
            tokens[i].convert()
        }
        for i in tokens.indices where tokens[i].pure && tokens[i].core.count <= 3 && tokens[i].digits >= 1 && tokens[i].lookAlikes >= 1 {
            let before = i > 0 && tokens[i - 1].numeric
            let after = i + 1 < tokens.count && tokens[i + 1].numeric
            if before || after { tokens[i].convert() }
        }
        // Rebuild: single spaces between tokens, a lone hyphen between two numbers joined to both.
        // Lines without numbers keep their spacing exactly (layout columns, indentation).
        guard tokens.contains(where: \.numeric) else { return String(line) }
        var out = ""
        let indent = line.prefix(while: { $0 == " " })
        out += indent
        var i = 0
        while i < tokens.count {
            if i > 0 {
                let joinHyphen = tokens[i].core == ["-"] && tokens[i].lead.isEmpty && tokens[i].trail.isEmpty
                    && tokens[i - 1].numeric && i + 1 < tokens.count && tokens[i + 1].numeric
                if joinHyphen {
                    out += "-" + tokens[i + 1].text
                    i += 2
                    continue
                }
                out += " "
            }
            out += tokens[i].text
            i += 1
        }
        return out
    }
}

private extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
