import InventaModel

/// Finds IBANs (ISO 13616): two capital letters, two check digits and the BBAN, written in
/// one piece (`SE4550000000058398257466`) or in groups of four (`SE45 5000 0000 0583 9825 7466`).
///
/// Validation: the country must be known and the length must be that country's (SE 24),
/// a Swedish BBAN must be digits only, and the mod-97 check must give 1. Shapes that fail
/// mod-97 are reported as rejected (the engine drops them) so `explain` can show why.
///
/// Score: 0.90 base for a valid IBAN (mod-97 makes chance matches rare: about 1 in 97).
/// Normalised to capitals without spaces; masked keeping the country, the check digits and
/// the last four characters (`SE45 **** **** **** **** 7466`).
public struct IBANMatcher: Matcher {
    public var name: String { "iban" }

    public init() {}

    public func candidates(in text: UnsafeBufferPointer<UInt8>, visit: (Candidate) -> Void) {
        candidates(in: text, runs: DigitRunIndex(text), visit: visit)
    }

    public func candidates(in text: UnsafeBufferPointer<UInt8>, runs: DigitRunIndex, visit: (Candidate) -> Void) {
        // Anchored on the check digits: a digit run right after two capital letters.
        guard text.count >= 15 else { return }
        DigitRuns.forEach(in: text, runs: runs, only: .iban) { start, end in
            guard start >= 2, ByteClass.isUpper(text[start - 2]), ByteClass.isUpper(text[start - 1]), end - start >= 2,
                  NumberBoundary.startsClean(text, at: start - 2),
                  let length = IBANCountries.length(text[start - 2], text[start - 1]),
                  let read = read(text, from: start - 2, length: length) else { return end }
            visit(candidate(text, span: (start - 2)..<read.end, characters: read.characters))
            return read.end
        }
    }

    private func candidate(_ text: UnsafeBufferPointer<UInt8>, span: Range<Int>, characters: [UInt8]) -> Candidate {
        let value = String(decoding: text[span], as: UTF8.self)
        let normalized = String(decoding: characters, as: UTF8.self)
        let swedishDigits = characters[0] != UInt8(ascii: "S") || characters[1] != UInt8(ascii: "E")
            || characters[4...].allSatisfy(ByteClass.isDigit)
        let valid = swedishDigits && Self.mod97(characters) == 1
        return Candidate(category: .iban, span: span, value: value, normalized: normalized,
                         masked: ValueMasking.alphanumerics(value, keepFirst: 4, keepLast: 4),
                         validation: valid ? .confirmed : .rejected, checks: valid ? ["length", "mod97"] : ["length"],
                         baseScore: 0.90)
    }

    /// Reads `length` letters and digits, allowing one space after every group of four.
    private func read(_ text: UnsafeBufferPointer<UInt8>, from start: Int, length: Int) -> (end: Int, characters: [UInt8])? {
        var characters: [UInt8] = []
        characters.reserveCapacity(length)
        var position = start
        var group = 0
        while characters.count < length && position < text.count {
            let byte = text[position]
            if ByteClass.isUpper(byte) || ByteClass.isDigit(byte) {
                characters.append(byte)
                group += 1
                position += 1
            } else if byte == UInt8(ascii: " ") && group == 4 && position + 1 < text.count
                        && ByteClass.isAlphanumeric(text[position + 1]) {
                group = 0
                position += 1
            } else {
                return nil
            }
        }
        guard characters.count == length, NumberBoundary.endsClean(text, at: position) else { return nil }
        return (position, characters)
    }

    /// ISO 7064 mod 97-10 over the rearranged IBAN (country and check digits moved to the end,
    /// letters as 10–35), computed digit by digit so no big integers are needed.
    static func mod97(_ characters: [UInt8]) -> Int {
        var remainder = 0
        for byte in characters[4...] + characters[..<4] {
            if ByteClass.isDigit(byte) {
                remainder = (remainder * 10 + Int(byte - 0x30)) % 97
            } else {
                remainder = (remainder * 100 + Int(byte - 0x41 + 10)) % 97
            }
        }
        return remainder
    }
}
