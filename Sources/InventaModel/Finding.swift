/// One detected piece of personal data. A finding carries the cleartext value
/// only while it travels from detection to the report writer; the writer decides
/// (from `--store-values`) whether the value is stored or only its mask and hash.
public struct Finding: Sendable, Equatable {
    public var category: Category
    /// The value as written in the text.
    public var value: String
    /// A canonical form used for the keyed hash, e.g. a personnummer as 12 digits,
    /// so every written form of the same value hashes the same.
    public var normalized: String
    /// The value with the identifying part hidden, e.g. `850101-****`.
    public var masked: String
    /// UTF-8 byte range of the value in its text unit.
    public var span: Range<Int>
    public var confidence: Double
    public var level: Level
    public var rule: String
    public var location: Location
    public var member: [String]
    public var evidence: Evidence

    public init(category: Category, value: String, normalized: String, masked: String, span: Range<Int>,
                confidence: Double, level: Level, rule: String, location: Location = Location(),
                member: [String] = [], evidence: Evidence) {
        self.category = category
        self.value = value
        self.normalized = normalized
        self.masked = masked
        self.span = span
        self.confidence = confidence
        self.level = level
        self.rule = rule
        self.location = location
        self.member = member
        self.evidence = evidence
    }
}
