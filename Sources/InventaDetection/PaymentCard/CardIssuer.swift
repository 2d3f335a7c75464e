/// Issuer identification (IIN) ranges and lengths of the card schemes seen in Sweden.
/// A number outside these ranges is not treated as a card, whatever its Luhn digit.
enum CardIssuer: String, Sendable {
    case visa, mastercard, amex, maestro, discover, unionpay, jcb, diners

    /// `[rawValue]`, the candidate's tags: one shared array per issuer, not one per number.
    var tags: [String] {
        switch self {
        case .visa: return Self.visaTags
        case .mastercard: return Self.mastercardTags
        case .amex: return Self.amexTags
        case .maestro: return Self.maestroTags
        case .discover: return Self.discoverTags
        case .unionpay: return Self.unionpayTags
        case .jcb: return Self.jcbTags
        case .diners: return Self.dinersTags
        }
    }

    private static let visaTags = [CardIssuer.visa.rawValue]
    private static let mastercardTags = [CardIssuer.mastercard.rawValue]
    private static let amexTags = [CardIssuer.amex.rawValue]
    private static let maestroTags = [CardIssuer.maestro.rawValue]
    private static let discoverTags = [CardIssuer.discover.rawValue]
    private static let unionpayTags = [CardIssuer.unionpay.rawValue]
    private static let jcbTags = [CardIssuer.jcb.rawValue]
    private static let dinersTags = [CardIssuer.diners.rawValue]

    static func issuer(of digits: [UInt8]) -> CardIssuer? {
        guard digits.count >= 13 else { return nil }
        func prefix(_ count: Int) -> Int { digits.prefix(count).reduce(0) { $0 * 10 + Int($1) } }
        let length = digits.count
        let two = prefix(2)
        let four = prefix(4)
        switch true {
        case digits[0] == 4: return [13, 16, 19].contains(length) ? .visa : nil
        case (51...55).contains(two) || (2221...2720).contains(four): return length == 16 ? .mastercard : nil
        case two == 34 || two == 37: return length == 15 ? .amex : nil
        case two == 36 || (300...305).contains(prefix(3)) || two == 38 || two == 39: return length >= 14 ? .diners : nil
        case (3528...3589).contains(four): return length >= 16 ? .jcb : nil
        case four == 6011 || two == 65 || (644...649).contains(prefix(3)): return length >= 16 ? .discover : nil
        case two == 62: return length >= 16 ? .unionpay : nil
        case two == 50 || (56...69).contains(two): return .maestro
        default: return nil
        }
    }
}
