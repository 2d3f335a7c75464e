/// Swedish clearing-number ranges and how each bank's account numbers are checked, from
/// Bankgirot's "Bankernas kontonummeruppbyggnad" (as known to us in 2026; see
/// docs/decisions/0404-bank-account-validation.md). A clearing number outside every range
/// is not treated as a bank account.
///
/// - Type 1, comment 1: 7-digit account; mod 11 over the last 3 clearing digits + account.
/// - Type 1, comment 2: 7-digit account; mod 11 over all 4 clearing digits + account.
/// - Type 2, comment 1: 10-digit account, mod 10 (Luhn) over the account.
/// - Type 2, comment 2: Handelsbanken, 9-digit account, mod 11 over the account.
/// - Type 2, comment 3: Swedbank 8xxxx and Plusgirot, up to 10 digits, mod 10 over the account;
///   some old Swedbank accounts do not satisfy it, so a failure there means "unknown", not "rejected".
enum ClearingNumbers {
    enum Rule: Sendable, Equatable {
        case type1Comment1, type1Comment2, type2Comment1, handelsbanken, type2Comment3

        /// Account digits the rule expects (type 2 comment 3 allows shorter, zero-padded numbers).
        var accountLengths: ClosedRange<Int> {
            switch self {
            case .type1Comment1, .type1Comment2: return 7...7
            case .type2Comment1: return 10...10
            case .handelsbanken: return 8...9
            case .type2Comment3: return 6...10
            }
        }
    }

    struct Bank: Sendable, Equatable {
        var name: String
        var rule: Rule
    }

    static let ranges: [(ClosedRange<Int>, String, Rule)] = [
        (1100...1199, "Nordea", .type1Comment1), (1200...1399, "Danske Bank", .type1Comment1),
        (1400...2099, "Nordea", .type1Comment1), (2300...2399, "Ålandsbanken", .type1Comment2),
        (2400...2499, "Danske Bank", .type1Comment1), (3000...3299, "Nordea", .type1Comment1),
        (3300...3300, "Nordea personkonto", .type2Comment1), (3301...3399, "Nordea", .type1Comment1),
        (3400...3409, "Länsförsäkringar Bank", .type1Comment1), (3410...3781, "Nordea", .type1Comment1),
        (3782...3782, "Nordea personkonto", .type2Comment1), (3783...3999, "Nordea", .type1Comment1),
        (4000...4999, "Nordea", .type1Comment2), (5000...5999, "SEB", .type1Comment1),
        (6000...6999, "Handelsbanken", .handelsbanken), (7000...7999, "Swedbank", .type1Comment1),
        (8000...8999, "Swedbank", .type2Comment3), (9020...9029, "Länsförsäkringar Bank", .type1Comment2),
        (9040...9049, "Citibank", .type1Comment2), (9060...9069, "Länsförsäkringar Bank", .type1Comment1),
        (9070...9079, "Multitude Bank", .type1Comment1), (9100...9109, "Nordnet Bank", .type1Comment2),
        (9120...9124, "SEB", .type1Comment1), (9130...9149, "SEB", .type1Comment1),
        (9150...9169, "Skandiabanken", .type1Comment2), (9170...9179, "Ikano Bank", .type1Comment1),
        (9180...9189, "Danske Bank", .type2Comment1), (9190...9199, "DNB Bank", .type1Comment2),
        (9230...9239, "Marginalen Bank", .type1Comment1), (9250...9259, "SBAB", .type1Comment1),
        (9260...9269, "DNB Bank", .type1Comment2), (9270...9279, "ICA Banken", .type1Comment1),
        (9280...9289, "Resurs Bank", .type1Comment1), (9300...9349, "Swedbank", .type2Comment1),
        (9390...9399, "Landshypotek", .type1Comment2), (9400...9449, "Forex Bank", .type1Comment1),
        (9460...9469, "Santander Consumer Bank", .type1Comment1), (9470...9479, "BNP Paribas", .type1Comment2),
        (9500...9549, "Nordea (Plusgirot)", .type2Comment3), (9550...9569, "Avanza Bank", .type1Comment2),
        (9570...9579, "Sparbanken Syd", .type2Comment1), (9590...9599, "Erik Penser", .type1Comment2),
        (9630...9639, "Lån & Spar Bank", .type1Comment1), (9640...9649, "Nordax Bank", .type1Comment2),
        (9650...9659, "MedMera Bank", .type1Comment2), (9660...9669, "Svea Bank", .type1Comment2),
        (9670...9679, "JAK Medlemsbank", .type1Comment2), (9680...9689, "Bluestep Bank", .type1Comment1),
        (9700...9709, "Ekobanken", .type1Comment2), (9750...9759, "Northmill Bank", .type1Comment2),
        (9780...9789, "Klarna Bank", .type1Comment2), (9880...9889, "Riksgälden", .type1Comment2),
        (9890...9899, "Riksgälden", .type2Comment1), (9960...9969, "Nordea (Plusgirot)", .type2Comment3),
    ]

    /// The bank for a four-digit clearing number, or nil when no bank uses it.
    static func bank(clearing: Int) -> Bank? {
        guard (0..<10_000).contains(clearing) else { return nil }
        let slot = rangeOf[clearing]
        return slot == noRange ? nil : banks[Int(slot)]
    }

    /// Every clearing number's entry in `ranges` (`noRange` for none), looked up directly: the
    /// parser asks for every four-digit run followed by a separator and a digit (dates too).
    private static let noRange = UInt8.max
    private static let rangeOf: [UInt8] = {
        precondition(ranges.count < Int(noRange), "clearing ranges fit the UInt8 table")
        var table = [UInt8](repeating: noRange, count: 10_000)
        // The first range that holds a number wins, as a scan of `ranges` in order would give.
        for (index, entry) in ranges.enumerated().reversed() {
            for clearing in entry.0 { table[clearing] = UInt8(index) }
        }
        return table
    }()
    private static let banks: [Bank] = ranges.map { Bank(name: $0.1, rule: $0.2) }

    enum Outcome: Equatable { case confirmed, rejected, unknown }

    /// Checks `account` (digit values) against the bank's rule for `clearing` (four digit values).
    static func check(clearing: [UInt8], account: [UInt8], rule: Rule) -> Outcome {
        switch rule {
        case .type1Comment1:
            return mod11(Array(clearing.dropFirst()) + account) ? .confirmed : .rejected
        case .type1Comment2:
            return mod11(clearing + account) ? .confirmed : .rejected
        case .type2Comment1:
            return Luhn.isValid(account) ? .confirmed : .rejected
        case .handelsbanken:
            return mod11(account) ? .confirmed : .rejected
        case .type2Comment3:
            return Luhn.isValid(account) ? .confirmed : .unknown
        }
    }

    /// Weights 1, 2, 3 … 10, 1 from the right; the weighted sum is divisible by 11.
    static func mod11(_ digits: [UInt8]) -> Bool {
        var sum = 0
        for (offset, digit) in digits.reversed().enumerated() { sum += Int(digit) * (offset % 10 + 1) }
        return sum % 11 == 0
    }
}
