/// The kinds of personal data Inventa reports, with stable ids that the report,
/// the JSON Lines contract and the benchmarks rely on. Do not rename an id:
/// add a new case instead.
public enum Category: String, Sendable, CaseIterable, Codable, Hashable {
    case personnummer
    case samordningsnummer
    case name
    case address
    case phone
    case email
    case iban
    case bankgiro
    case plusgiro
    case bankAccount = "bank_account"
    case paymentCard = "payment_card"
    case health
    case ethnicity
    case religion
    case politics
    case union
    case sexuality
    case geneticBiometric = "genetic_biometric"
    case criminal
    case protectedIdentity = "protected_identity"

    /// GDPR Art. 9 special categories, Art. 10 criminal data and protected identity:
    /// the categories that make a file high risk when a person is identifiable.
    public var isSensitive: Bool {
        switch self {
        case .health, .ethnicity, .religion, .politics, .union, .sexuality,
             .geneticBiometric, .criminal, .protectedIdentity:
            return true
        default:
            return false
        }
    }

    /// Categories that point to one identifiable person on their own.
    public var isDirectIdentifier: Bool {
        switch self {
        case .personnummer, .samordningsnummer: return true
        default: return false
        }
    }
}
