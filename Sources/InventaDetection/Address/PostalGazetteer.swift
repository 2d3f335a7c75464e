#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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
        guard let bytes = Self.read(path) else { throw LoadError.unreadable(path: path) }
        var table: [Int32: [UInt8]] = [:]
        var lineNumber = 0
        for line in bytes.split(separator: 0x0A, omittingEmptySubsequences: true) {
            lineNumber += 1
            if lineNumber == 1 { continue }
            let fields = line.split(separator: 0x09, maxSplits: 3, omittingEmptySubsequences: false)
            guard fields.count >= 3, let code = Self.code(fields[1]) else {
                throw LoadError.malformed(path: path, line: lineNumber)
            }
            table[code] = ByteClass.lowered(fields[2])
        }
        self.towns = table
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

    private static func read(_ path: String) -> [UInt8]? {
        guard let file = fopen(path, "rb") else { return nil }
        defer { fclose(file) }
        var out: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = fread(&buffer, 1, buffer.count, file)
            if count > 0 { out.append(contentsOf: buffer[0..<count]) }
            if count < buffer.count { break }
        }
        return ferror(file) == 0 ? out : nil
    }
}
