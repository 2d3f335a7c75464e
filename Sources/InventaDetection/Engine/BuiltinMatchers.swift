import InventaModel

/// The registry of built-in, validator-backed matchers that rule files name with
/// `matcher = { builtin = "NAME" }`. This file holds THE list: one entry per matcher,
/// nothing else registers matchers. A test checks that every entry builds and
/// answers to its name, and that every builtin a bundled rule file names is here.
public enum BuiltinMatchers {
    /// What a factory may use: the rule directory (for data under `datasets/`) and the
    /// date birth dates are checked against.
    public struct Environment: Sendable {
        public var rulesDirectory: String
        public var today: CivilDate

        public init(rulesDirectory: String, today: CivilDate = .today) {
            self.rulesDirectory = rulesDirectory
            self.today = today
        }
    }

    public typealias Factory = @Sendable (Environment) throws -> any Matcher

    /// The name whose candidates are never reported, only used to suppress overlapping
    /// identifier findings (an organisationsnummer is not personal data).
    public static let organisationsnummer = "organisationsnummer"

    /// Every builtin matcher, by the name rule files use.
    public static let all: [(name: String, make: Factory)] = [
        ("personnummer", { try PersonnummerMatcher(rulesDirectory: $0.rulesDirectory, today: $0.today) }),
        (organisationsnummer, { _ in OrganisationsnummerMatcher() }),
        ("phone", { PhoneMatcher(today: $0.today) }),
        ("email", { _ in EmailMatcher() }),
        ("iban", { _ in IBANMatcher() }),
        ("bankgiro", { _ in BankgiroMatcher() }),
        ("plusgiro", { _ in PlusgiroMatcher() }),
        ("bank_account", { _ in BankAccountMatcher() }),
        ("payment_card", { _ in PaymentCardMatcher() }),
        ("address", { try AddressMatcher(rulesDirectory: $0.rulesDirectory) }),
        ("name", { try NameMatcher(rulesDirectory: $0.rulesDirectory) }),
    ]

    public static var names: Set<String> { Set(all.map(\.name)) }

    /// Builds the matcher called `name`, or nil when there is none.
    public static func make(_ name: String, environment: Environment) throws -> (any Matcher)? {
        guard let entry = all.first(where: { $0.name == name }) else { return nil }
        return try entry.make(environment)
    }
}
