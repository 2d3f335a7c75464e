import InventaModel

/// Finds payment card numbers (PAN): 13–19 digits with a valid Luhn check digit and a known
/// issuer range (see `CardIssuer`), written in one piece or in the usual groupings
/// (4-4-4-4, 4-4-4-4-3, 4-6-5 and 4-6-4) with spaces or dashes used consistently.
///
/// Rejects numbers glued to other digits or words (a 16-digit window in a 20-digit reference is
/// not a card), Luhn failures, unknown issuer ranges and lengths the issuer does not use.
/// Score: grouped 0.85, one piece 0.70. The issuer is added as a tag (`visa`, `mastercard` …).
/// Normalised to the digits; masked keeping only the last four (`**** **** **** 1111`).
public struct PaymentCardMatcher: Matcher {
    public var name: String { "payment_card" }

    public init() {}

    public func candidates(in text: UnsafeBufferPointer<UInt8>, visit: (Candidate) -> Void) {
        candidates(in: text, runs: DigitRunIndex(text), visit: visit)
    }

    public func candidates(in text: UnsafeBufferPointer<UInt8>, runs: DigitRunIndex, visit: (Candidate) -> Void) {
        DigitRuns.forEach(in: text, runs: runs, only: .card) { start, end in
            guard NumberBoundary.startsClean(text, at: start), let found = read(text, start: start, firstEnd: end),
                  NumberBoundary.endsClean(text, at: found.end), Luhn.isValid(found.digits),
                  let issuer = CardIssuer.issuer(of: found.digits) else { return end }
            let span = start..<found.end
            let value = String(decoding: text[span], as: UTF8.self)
            visit(Candidate(category: .paymentCard, span: span, value: value,
                            normalized: String(digitValues: found.digits),
                            masked: ValueMasking.digits(value, keepFirst: 0, keepLast: 4), validation: .confirmed,
                            checks: Self.checks, baseScore: found.grouped ? 0.85 : 0.70, tags: issuer.tags))
            return found.end
        }
    }

    /// Shared: an array literal per number would allocate each time.
    private static let checks = ["luhn", "iin"]

    private static let groupings: [[Int]] = [[4, 4, 4, 4], [4, 4, 4, 4, 3], [4, 6, 5], [4, 6, 4]]
    /// Each grouping as (group count, lengths packed five bits each), compared without an array per number.
    private static let packedGroupings: [(count: Int, packed: Int)] = groupings.map { ($0.count, $0.reduce(0) { $0 &* 32 &+ $1 }) }

    /// One run of 13–19 digits, or a known grouping with one separator kind.
    private func read(_ text: UnsafeBufferPointer<UInt8>, start: Int, firstEnd: Int) -> (end: Int, digits: [UInt8], grouped: Bool)? {
        let first = firstEnd - start
        if (13...19).contains(first) { return (firstEnd, text[start..<firstEnd].map(ByteClass.value), false) }
        guard first == 4, firstEnd + 1 < text.count else { return nil }
        let separator = text[firstEnd]
        guard separator == UInt8(ascii: " ") || separator == UInt8(ascii: "-") else { return nil }
        // Group lengths packed into one integer (this runs for every four-digit run followed by a
        // space or dash, mostly years and amounts); a group longer than 31 digits matches no grouping.
        var count = 1
        var packed = first
        var oversized = false
        var position = firstEnd
        while count < 5, position + 1 < text.count, text[position] == separator, ByteClass.isDigit(text[position + 1]) {
            var end = position + 1
            while end < text.count && ByteClass.isDigit(text[end]) { end += 1 }
            let length = end - position - 1
            if length > 31 { oversized = true }
            packed = packed &* 32 &+ min(length, 31)
            count += 1
            position = end
        }
        // The groups must be exactly a known grouping: a fifth group of four means a longer reference.
        guard !oversized, let index = Self.packedGroupings.firstIndex(where: { $0.count == count && $0.packed == packed }) else {
            return nil
        }
        var digits: [UInt8] = []
        digits.reserveCapacity(19)
        var cursor = start
        for length in Self.groupings[index] {
            for offset in cursor..<(cursor + length) { digits.append(ByteClass.value(text[offset])) }
            cursor += length + 1
        }
        return (cursor - 1, digits, true)
    }
}
