import InventaModel

/// A minimal organisationsnummer check, in one place, until the full
/// `OrganisationsnummerMatcher` (matchers branch) is registered instead: ten digits
/// written `NNNNNN-NNNN` or `NNNNNNNNNN`, third digit 2 or more, Luhn-valid, optionally
/// prefixed `16`. It never reports anything; the engine uses its spans to suppress
/// overlapping identifier findings (so the candidate category is irrelevant and never
/// shown). An enskild firma uses the owner's personnummer
/// (third digit 0 or 1), which this check leaves alone, so it stays a personnummer.
struct InterimOrganisationsnummerMatcher: Matcher {
    var name: String { BuiltinMatchers.organisationsnummer }

    func candidates(in text: UnsafeBufferPointer<UInt8>, visit: (Candidate) -> Void) {
        var index = 0
        let count = text.count
        while index < count {
            guard isDigit(text[index]) else { index += 1; continue }
            let start = index
            var end = index
            while end < count && isDigit(text[end]) { end += 1 }
            let run = end - start
            if run == 6 || run == 8, end + 5 <= count, text[end] == UInt8(ascii: "-"),
               (1...4).allSatisfy({ isDigit(text[end + $0]) }), end + 5 == count || !isDigit(text[end + 5]) {
                end += 5
            } else if run != 10 && run != 12 {
                index = end
                continue
            }
            let digits = text[start..<end].compactMap { isDigit($0) ? $0 - 0x30 : nil }
            if start > 0 && (isDigit(text[start - 1]) || isLetter(text[start - 1])) { index = end; continue }
            if end < count && isLetter(text[end]) { index = end; continue }
            var short = digits[...]
            if digits.count == 12 && digits[0] == 1 && digits[1] == 6 { short = digits[2...] }
            if short.count == 10 && short[short.startIndex + 2] >= 2 && Luhn.isValid(short) {
                let value = String(decoding: text[start..<end], as: UTF8.self)
                visit(Candidate(category: .bankAccount, span: start..<end, value: value,
                                normalized: short.map { String($0) }.joined(), masked: value,
                                validation: .confirmed, checks: ["luhn", "third_digit>=2"], baseScore: 0.9))
            }
            index = end
        }
    }

    @inline(__always) private func isDigit(_ byte: UInt8) -> Bool { byte &- 0x30 < 10 }
    @inline(__always) private func isLetter(_ byte: UInt8) -> Bool { ((byte | 0x20) &- 0x61) < 26 }
}
