/// Swedish postcode → postort, from GeoNames (CC BY 4.0), shipped in
/// `Rules/datasets/geonames-postal-SE/SE_postal_codes.tsv`. Used to confirm that a postcode
/// and the town written after it belong together. Immutable after loading.
public struct PostalGazetteer: Sendable {
    public static let relativePath = "datasets/geonames-postal-SE/SE_postal_codes.tsv"

    /// Postcode as a five-digit number → postort lower-cased (UTF-8 bytes).
    private let towns: [Int32: [UInt8]]

    public var count: Int { towns.count }

    public enum LoadError: Error, CustomStringConvertible, Equatable {
        case unreadable(path: String)
        case malformed(path: String, line: Int)

        public var description: String {
            switch self {
            case .unreadable(let path):
                return "cannot read the postcode gazetteer \(path); reinstall the rule set or pass --rules DIR"
            case .malformed(let path, let line):
                return "\(path):\(line): expected tab-separated country_code, postal_code (NNN NN), place_name"
            }
        }
    }

    public init(towns: [Int: String]) {
        var table: [Int32: [UInt8]] = [:]
        for (code, town) in towns { table[Int32(code)] = ByteClass.lowered(Array(town.utf8)) }
        self.towns = table
    }

    /// Loads `SE_postal_codes.tsv` below `rulesDirectory`.
    public init(rulesDirectory: String) throws {
        let path = rulesDirectory.hasSuffix("/") ? rulesDirectory + Self.relativePath : rulesDirectory + "/" + Self.relativePath
        guard let data = DatasetBytes(path: path) else { throw LoadError.unreadable(path: path) }
        var table: [Int32: [UInt8]] = [:]
        table.reserveCapacity(20_000)
        var lineNumber = 0
        try data.forEachLine { line, _ in
            lineNumber += 1
            if lineNumber == 1 { return }
            // country_code TAB postal_code TAB place_name [TAB …]
            let fields = Self.firstThreeFields(data.bytes, line)
            guard let fields, let code = Self.code(data.bytes[fields.code]) else {
                throw LoadError.malformed(path: path, line: lineNumber)
            }
            table[code] = ByteClass.lowered(data.bytes[fields.town])
        }
        self.towns = table
    }

    /// The postcode and place-name fields (2nd and 3rd, possibly empty), or nil with fewer than three fields.
    private static func firstThreeFields(_ bytes: [UInt8], _ line: Range<Int>) -> (code: Range<Int>, town: Range<Int>)? {
        guard let tab1 = bytes[line].firstIndex(of: 0x09),
              let tab2 = bytes[(tab1 + 1)..<line.upperBound].firstIndex(of: 0x09) else { return nil }
        let townEnd = bytes[(tab2 + 1)..<line.upperBound].firstIndex(of: 0x09) ?? line.upperBound
        return ((tab1 + 1)..<tab2, (tab2 + 1)..<townEnd)
    }

    /// The lower-cased postort for a postcode, or nil when the postcode does not exist.
    func town(for code: Int32) -> [UInt8]? { towns[code] }

    /// `NNN NN` or `NNNNN` → the five-digit number.
    private static func code(_ field: ArraySlice<UInt8>) -> Int32? {
        var value: Int32 = 0
        var digits = 0
        for byte in field where byte != UInt8(ascii: " ") {
            guard ByteClass.isDigit(byte) else { return nil }
            value = value * 10 + Int32(byte - 0x30)
            digits += 1
        }
        return digits == 5 ? value : nil
    }
}
