import Foundation

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

    private let numbers: Set<String>

    public init(numbers: Set<String> = []) {
        self.numbers = numbers
    }

    public init(rulesDirectory: String) throws {
        var numbers: Set<String> = []
        for file in Self.files {
            let path = "\(rulesDirectory)/\(Self.folder)/\(file)"
            guard let data = FileManager.default.contents(atPath: path) else {
                throw TestIdentitiesError(path: path)
            }
            for line in data.split(separator: 0x0A) {
                let first = line.prefix { $0 != 0x09 && $0 != 0x0D }
                if first.count == 12 && first.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
                    numbers.insert(String(decoding: first, as: UTF8.self))
                }
            }
        }
        self.numbers = numbers
    }

    public var count: Int { numbers.count }

    public func contains(_ normalized: String) -> Bool { numbers.contains(normalized) }
}

public struct TestIdentitiesError: Error, CustomStringConvertible {
    public var path: String
    public var description: String {
        "\(path): cannot read Skatteverket's test-number list; copy the bundled Rules/datasets/ folder along with the rule files"
    }
}
