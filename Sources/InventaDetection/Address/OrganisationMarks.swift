/// Tells an organisation's address from a person's by what is written beside it: an
/// organisation number, VAT number, bankgiro, F-skatt or switchboard (`växel`) label on the
/// address's own lines or on the line directly before or after it (not across a blank line).
/// Invoice letterheads (`Energigatan 60, 514 26 Västerby  Org.nr 556633-7761`), buyer lines
/// (`Köpare Småstads kommun, Box 100, …, org.nr 212000-7329`), supplier-register rows and letter
/// footers (`Postadress: Box 100, … · Växel 0980-…`) are organisations' (decision 0405).
///
/// Not a context word list: the rule's `negative` words are weighed by the proximity rule,
/// which gives a label that has its own value (`Org.nr 556…`) to that value, so the address
/// kept its score. Here the label is not weighed against this value; its presence on the
/// same block says whose address the block is. Plusgiro is left out: people have them too.
/// A sole trader's block (`Org.nr: 660515-9968 (enskild firma)`) is a person's.
/// Runs only on a found address, so its byte walk is off the hot path.
enum OrganisationMarks {
    /// How far before and after the address the block is read, in bytes.
    static let reach = 320

    /// Lower-case marks read at a word start; `exact` ones must end there (`växel`, not `växeln`).
    /// `numberLabels` are followed by the organisation number, which tells a sole trader.
    private static let numberLabels: [[UInt8]] = ["org.nr", "org. nr", "org.-nr", "org-nr", "orgnr", "org nr",
                                                 "organisationsnummer", "organisationsnr"].map { Array($0.utf8) }
    private static let prefixes: [[UInt8]] = ["momsreg", "bankgiro", "f-skatt"].map { Array($0.utf8) }
    private static let exact: [[UInt8]] = ["växel", "vat", "vat-nr", "vat nr"].map { Array($0.utf8) }
    private static let soleTraderWords: [[UInt8]] = ["enskild firma", "enskild näringsidkare"].map { Array($0.utf8) }

    /// Whether the block around `span` carries an organisation mark and no sign of a sole
    /// trader: an enskild firma's organisation number is its owner's personnummer (month
    /// digits 01–12, where a legal person's are 20 or more), and the address on its invoice is
    /// usually the owner's home, personal data like the number (the personnummer rule's
    /// `sole_trader` tag says the same of the number).
    static func near(_ text: UnsafeBufferPointer<UInt8>, _ span: Range<Int>) -> Bool {
        let start = blockStart(text, before: span.lowerBound)
        let end = blockEnd(text, after: span.upperBound)
        let block = ByteClass.lowered(text[start..<end])
        var marked = false
        var index = 0
        while index < block.count {
            defer { index += 1 }
            guard index == 0 || !isWordByte(block[index - 1]) else { continue }
            if let label = numberLabels.first(where: { has(block, $0, at: index) }) {
                if isPersonnummerShaped(block, after: index + label.count) { return false }
                marked = true
            } else if soleTraderWords.contains(where: { has(block, $0, at: index) }) {
                return false
            } else if prefixes.contains(where: { has(block, $0, at: index) })
                        || exact.contains(where: { has(block, $0, at: index) && !(index + $0.count < block.count && isWordByte(block[index + $0.count])) }) {
                marked = true
            }
        }
        return marked
    }

    /// Whether the number after an organisation-number label (`: 660515-9968`, `556633-7761`,
    /// `19660515-9968`) has a month of 01–12 where a legal person's number has 20 or more.
    private static func isPersonnummerShaped(_ block: [UInt8], after labelEnd: Int) -> Bool {
        var index = labelEnd
        while index < block.count && index - labelEnd < 4 && !ByteClass.isDigit(block[index]) {
            guard block[index] == UInt8(ascii: " ") || block[index] == UInt8(ascii: ":") || block[index] == UInt8(ascii: ".") else { return false }
            index += 1
        }
        var digits: [UInt8] = []
        while index < block.count && digits.count < 13 {
            if ByteClass.isDigit(block[index]) { digits.append(block[index] - 0x30) } else if block[index] != UInt8(ascii: "-") { break }
            index += 1
        }
        guard digits.count == 10 || digits.count == 12 else { return false }
        let month = Int(digits[digits.count - 8]) * 10 + Int(digits[digits.count - 7])
        return (1...12).contains(month)
    }

    /// Start of the line before the one holding `position` (the block's first line), within `reach`.
    private static func blockStart(_ text: UnsafeBufferPointer<UInt8>, before position: Int) -> Int {
        let limit = max(0, position - reach)
        var start = position
        while start > limit && text[start - 1] != 0x0A { start -= 1 }
        // One more line, unless it is blank (a blank line ends a block).
        guard start > limit, start >= 2 else { return start }
        var previous = start - 1
        while previous > limit && text[previous - 1] != 0x0A { previous -= 1 }
        return isBlank(text, previous..<(start - 1)) ? start : previous
    }

    /// End of the line after the one holding `position` (the block's last line), within `reach`.
    private static func blockEnd(_ text: UnsafeBufferPointer<UInt8>, after position: Int) -> Int {
        let limit = min(text.count, position + reach)
        var end = position
        while end < limit && text[end] != 0x0A { end += 1 }
        guard end < limit else { return end }
        var next = end + 1
        while next < limit && text[next] != 0x0A { next += 1 }
        return isBlank(text, (end + 1)..<next) ? end : next
    }

    private static func isBlank(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        text[range].allSatisfy { $0 == UInt8(ascii: " ") || $0 == 0x09 || $0 == 0x0D }
    }

    private static func has(_ block: [UInt8], _ mark: [UInt8], at index: Int) -> Bool {
        guard index + mark.count <= block.count else { return false }
        for offset in 0..<mark.count where block[index + offset] != mark[offset] { return false }
        return true
    }

    /// ASCII letters and digits and any byte of a multi-byte character.
    private static func isWordByte(_ byte: UInt8) -> Bool { ByteClass.isAlphanumeric(byte) || byte >= 0x80 }
}
