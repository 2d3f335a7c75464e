/// Reads clearing number + account number at a four-digit run. Stateless; used by
/// `BankAccountMatcher`.
enum BankAccountParser {
    struct Parsed {
        var span: Range<Int>
        var clearing: [UInt8]
        var account: [UInt8]
        var bank: ClearingNumbers.Bank
        /// Digits of the clearing number as written (5 for Swedbank `8xxx-x`), kept by the mask.
        var clearingDigitsWritten: Int
    }

    static func parse(_ text: UnsafeBufferPointer<UInt8>, clearingStart start: Int) -> Parsed? {
        var number = 0
        for index in start..<(start + 4) { number = number * 10 + Int(ByteClass.value(text[index])) }
        guard number >= 1100 else { return nil }
        var position = start + 4
        var clearingDigits = 4
        // Swedbank writes a fifth, check digit: 8327-9.
        if text[start] == UInt8(ascii: "8"), position + 2 < text.count, text[position] == UInt8(ascii: "-"),
           DigitRuns.isRun(text, from: position + 1, length: 1), isSeparator(text, at: position + 2) {
            position += 2
            clearingDigits = 5
        }
        // Most four-digit runs (years, amounts) have no account after them: that is checked
        // before the bank is looked up and any array is built.
        guard let accountStart = skipSeparator(text, at: position),
              let bank = ClearingNumbers.bank(clearing: number),
              bank.rule.accountLengths.contains(accountLength(text, from: accountStart, limit: bank.rule.accountLengths.upperBound)),
              let (account, end) = readAccount(text, from: accountStart, limit: bank.rule.accountLengths.upperBound),
              bank.rule.accountLengths.contains(account.count), NumberBoundary.endsClean(text, at: end) else { return nil }
        let clearing = text[start..<(start + 4)].map(ByteClass.value)
        let padded = bank.rule == .handelsbanken || bank.rule == .type2Comment3
            ? [UInt8](repeating: 0, count: bank.rule.accountLengths.upperBound - account.count) + account : account
        return Parsed(span: start..<end, clearing: clearing, account: padded, bank: bank, clearingDigitsWritten: clearingDigits)
    }

    private static func isSeparator(_ text: UnsafeBufferPointer<UInt8>, at position: Int) -> Bool {
        position < text.count && (text[position] == UInt8(ascii: " ") || text[position] == UInt8(ascii: ",")
                                  || text[position] == UInt8(ascii: "-") || text[position] == 0x09)
    }

    /// `-`, ` `, `,`, `, ` or ` - ` between clearing and account, or a cell gap (`⇥Kontonr: `)
    /// when the account is in the next column of a table row; the account starts with a digit.
    private static func skipSeparator(_ text: UnsafeBufferPointer<UInt8>, at position: Int) -> Int? {
        // The same order as the list `, `, ` - `, `,`, `-`, ` ` (longest first), tested byte by byte:
        // this runs for every four-digit run (years, amounts).
        guard position < text.count else { return nil }
        var next = position
        func byte(_ offset: Int) -> UInt8? { position + offset < text.count ? text[position + offset] : nil }
        switch text[position] {
        case UInt8(ascii: ","): next += byte(1) == UInt8(ascii: " ") ? 2 : 1
        case UInt8(ascii: " "): next += byte(1) == UInt8(ascii: "-") && byte(2) == UInt8(ascii: " ") ? 3 : 1
        case UInt8(ascii: "-"): next += 1
        case 0x09: next = CellGap.skip(text, at: position) ?? position + 1
        default: return nil
        }
        guard next < text.count, ByteClass.isDigit(text[next]) else { return nil }
        return next
    }

    /// How many digits `readAccount` would read, without copying them (most candidates fail on it).
    private static func accountLength(_ text: UnsafeBufferPointer<UInt8>, from start: Int, limit: Int) -> Int {
        var count = 0
        var position = start
        while position < text.count && ByteClass.isDigit(text[position]) {
            var groupEnd = position
            while groupEnd < text.count && ByteClass.isDigit(text[groupEnd]) { groupEnd += 1 }
            if count + groupEnd - position > limit { return count }
            count += groupEnd - position
            guard groupEnd + 1 < text.count, text[groupEnd] == UInt8(ascii: " ") || text[groupEnd] == UInt8(ascii: "-"),
                  ByteClass.isDigit(text[groupEnd + 1]) else { break }
            position = groupEnd + 1
        }
        return count
    }

    /// Digit groups separated by single spaces or dashes, at most `limit` digits in all.
    private static func readAccount(_ text: UnsafeBufferPointer<UInt8>, from start: Int, limit: Int) -> ([UInt8], Int)? {
        var digits: [UInt8] = []
        digits.reserveCapacity(limit)
        var position = start
        var end = start
        while position < text.count && ByteClass.isDigit(text[position]) {
            var groupEnd = position
            while groupEnd < text.count && ByteClass.isDigit(text[groupEnd]) { groupEnd += 1 }
            if digits.count + groupEnd - position > limit { return digits.isEmpty ? nil : (digits, end) }
            for index in position..<groupEnd { digits.append(ByteClass.value(text[index])) }
            end = groupEnd
            guard groupEnd + 1 < text.count, text[groupEnd] == UInt8(ascii: " ") || text[groupEnd] == UInt8(ascii: "-"),
                  ByteClass.isDigit(text[groupEnd + 1]) else { break }
            position = groupEnd + 1
        }
        return (digits, end)
    }
}
