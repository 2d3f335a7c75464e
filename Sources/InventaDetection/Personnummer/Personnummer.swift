import InventaModel

/// A validated Swedish personal identity number or coordination number.
public struct Personnummer: Sendable, Equatable {
    /// Twelve digits with the century resolved, e.g. `198501012382`: the form every
    /// written variant normalises to, so the keyed hash of one person is always the same.
    public var normalized: String
    /// True for a samordningsnummer (birth day + 60).
    public var isSamordningsnummer: Bool
    /// The birth date; month or day is 0 when a samordningsnummer leaves it unknown.
    public var birthDate: CivilDate

    public var category: Category { isSamordningsnummer ? .samordningsnummer : .personnummer }
}

/// Why a personnummer-shaped string is not one. Recorded in evidence and tests.
public enum PersonnummerRejection: String, Sendable, Equatable, Error {
    case checksum
    case impossibleDate = "impossible_date"
    case futureDate = "future_date"
    case organisationsnummer
    case centuryMismatch = "century_mismatch"
    case birthNumber = "birth_number"
    case malformed
}
