/// Skatteverket's published test personnummer and samordningsnummer, as a set of
/// normalised 12-digit strings. Numbers in it exist only in test environments, so a
/// finding carrying one is tagged `test_identity`: test data, not a real person.
///
/// Loaded from `<rules>/datasets/pnr-testdata/*.tsv` (first column, header skipped);
/// see the `SOURCE.md` there for provenance.
public struct TestIdentities: Sendable {
    public static let tag = "test_identity"
    public static let folder = "datasets/pnr-testdata"
    public static let files = ["skatteverket_testpersonnummer.tsv", "skatteverket_testsamordningsnummer.tsv"]

    /// Twelve digits fit in an integer; a set of 43 000 integers loads in a blink, where
    /// the same set of strings cost more start-up than everything else together.
    private let numbers: Set<UInt64>

    public init(numbers: Set<String> = []) {
        self.numbers = Set(numbers.compactMap { Self.key(Array($0.utf8)[...]) })
    }

    public init(rulesDirectory: String) throws {
        var numbers: Set<UInt64> = []
        numbers.reserveCapacity(44_000)
        for file in Self.files {
            let path = "\(rulesDirectory)/\(Self.folder)/\(file)"
            guard let data = DatasetBytes(path: path) else { throw TestIdentitiesError(path: path) }
            data.forEachLine { line, _ in
                var end = line.lowerBound
                while end < line.upperBound && data.bytes[end] != 0x09 { end += 1 }
                if let key = Self.key(data.bytes[line.lowerBound..<end]) { numbers.insert(key) }
            }
        }
        self.numbers = numbers
    }

    public var count: Int { numbers.count }

    public func contains(_ normalized: String) -> Bool {
        // Read through a buffer: the generic loop over `String.UTF8View` costs several times more.
        let key = normalized.utf8.withContiguousStorageIfAvailable { Self.key($0) } ?? Self.key(normalized.utf8)
        return key.map(numbers.contains) ?? false
    }

    /// The number of a twelve-digit string, or nil for anything else (a header line).
    private static func key<Digits: Collection<UInt8>>(_ digits: Digits) -> UInt64? {
        guard digits.count == 12 else { return nil }
        var value: UInt64 = 0
        for byte in digits {
            guard byte >= 0x30 && byte <= 0x39 else { return nil }
            value = value * 10 + UInt64(byte - 0x30)
        }
        return value
    }
}

public struct TestIdentitiesError: Error, CustomStringConvertible {
    public var path: String
    public var description: String {
        "\(path): cannot read Skatteverket's test-number list; copy the bundled Rules/datasets/ folder along with the rule files"
    }
}
