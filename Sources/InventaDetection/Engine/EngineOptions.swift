import InventaModel

/// The engine's tunable policy, beyond what rule files say: level thresholds, the
/// unit-level steps (density, co-occurrence) and which findings an
/// organisationsnummer suppresses. Defaults are documented in
/// `docs/decisions/0302-unit-level-scoring.md`.
public struct EngineOptions: Sendable {
    public var thresholds: LevelThresholds
    /// The date birth dates are checked against.
    public var today: CivilDate
    public var density: DensityPolicy
    public var list: ListPolicy
    public var cooccurrence: CooccurrencePolicy
    /// Categories never reported where an organisationsnummer was found.
    public var suppressedByOrganisationsnummer: Set<Category>
    /// Findings whose final confidence is below this are dropped, not reported as low:
    /// e.g. a bare ten-digit number under `Fakturanr:`, or a nationality word with no
    /// person in sight. Low findings at or above it are reported as hints.
    public var minimumConfidence: Double

    public init(thresholds: LevelThresholds = LevelThresholds(), today: CivilDate = .today,
                density: DensityPolicy = DensityPolicy(), list: ListPolicy = ListPolicy(), cooccurrence: CooccurrencePolicy = CooccurrencePolicy(),
                suppressedByOrganisationsnummer: Set<Category> = [.personnummer, .samordningsnummer, .phone, .bankgiro,
                                                                  .plusgiro, .bankAccount],
                minimumConfidence: Double = 0.20) {
        self.thresholds = thresholds
        self.today = today
        self.density = density
        self.list = list
        self.cooccurrence = cooccurrence
        self.suppressedByOrganisationsnummer = suppressedByOrganisationsnummer
        self.minimumConfidence = minimumConfidence
    }
}

/// Tables of reference numbers: when a text unit holds many personnummer-shaped
/// numbers but only a chance fraction of them validate (Luhn + date), the valid ones
/// are most likely reference numbers that pass by luck, not people: lower them.
/// A real list of people validates almost completely and is not touched.
public struct DensityPolicy: Sendable, Equatable {
    /// Builtin matchers whose candidates are counted (valid and rejected).
    public var matchers: Set<String>
    /// Fewer shaped numbers than this in a unit: no density step.
    public var minimumNumbers: Int
    /// A unit whose valid fraction is at most this is a table of reference numbers.
    public var maximumValidFraction: Double
    public var penalty: Double

    public init(matchers: Set<String> = ["personnummer"], minimumNumbers: Int = 10, maximumValidFraction: Double = 0.3,
                penalty: Double = 0.40) {
        self.matchers = matchers
        self.minimumNumbers = minimumNumbers
        self.maximumValidFraction = maximumValidFraction
        self.penalty = penalty
    }
}

/// The reverse of the density step, for identifiers whose shape alone is ambiguous but whose
/// check digit passes by chance only rarely (bank accounts: 1 in 11): when a text unit holds
/// several numbers of the shape and most of them pass, it is a list of such values, e.g. the
/// account column of a payroll list on a page after the one with the `Konto` header. Such a
/// unit counts as context for its confirmed numbers: the rule reports them even without its
/// keywords, with the `list` step. Numbers the check cannot decide (`unknown`, e.g. digit
/// groups of an IBAN read as a Swedbank account) count against the share and still need a keyword. See docs/decisions/0411-account-lists-and-zero-padded-plusgiro.md.
public struct ListPolicy: Sendable, Equatable {
    /// Builtin matchers whose candidates are counted.
    public var matchers: Set<String>
    /// Fewer confirmed numbers than this in a unit: not a list.
    public var minimumConfirmed: Int
    /// The confirmed share of all numbers of the shape (failures included) a list needs.
    public var minimumConfirmedFraction: Double
    public var boost: Double

    public init(matchers: Set<String> = ["bank_account"], minimumConfirmed: Int = 5, minimumConfirmedFraction: Double = 0.6,
                boost: Double = 0.10) {
        self.matchers = matchers
        self.minimumConfirmed = minimumConfirmed
        self.minimumConfirmedFraction = minimumConfirmedFraction
        self.boost = boost
    }
}

/// A sensitive term (GDPR Art. 9/10, protected identity) alone says little; next to
/// something that identifies a person in the same text unit it is strong.
public struct CooccurrencePolicy: Sendable, Equatable {
    /// Added to sensitive findings when an identifying finding is in the same unit.
    public var boost: Double
    /// Categories that identify a person, counted when at least medium confidence.
    public var identifying: Set<Category>

    public init(boost: Double = 0.50,
                identifying: Set<Category> = [.personnummer, .samordningsnummer, .name, .address, .email, .phone]) {
        self.boost = boost
        self.identifying = identifying
    }
}
