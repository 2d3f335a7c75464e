import Foundation
import InventaExtraction
import InventaModel
import Testing

/// Plain text: encodings detected from bytes, and chunking with overlap so a value
/// across a chunk edge is seen whole by exactly one unit.
@Suite struct PlainTextExtractorTests {
    /// Writes `bytes` to a temporary file and extracts it.
    func extract(_ bytes: [UInt8], chunkSize: Int = 1 << 20, overlap: Int = 256) throws -> (units: [TextUnit], outcome: Outcome) {
        let path = NSTemporaryDirectory() + "inventa-text-\(UUID().uuidString).txt"
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let file = FileRef(pathBytes: Array(path.utf8), root: NSTemporaryDirectory(), relativePath: "t.txt",
                           size: Int64(bytes.count), mtime: 0)
        var units: [TextUnit] = []
        let result = Extraction(limits: ExtractionLimits(chunkSize: chunkSize, chunkOverlap: overlap)).extract(file) { units.append($0) }
        return (units, result.outcome)
    }

    func owned(_ units: [TextUnit]) -> String {
        units.map { unit in
            let bytes = Array(unit.text.utf8)[unit.ownedRange]
            return String(decoding: bytes, as: UTF8.self)
        }.joined()
    }

    static let swedish = "Åsa Öberg bor på Ängsvägen 3 i Växjö. Kostnad 100 €."

    static func encoded(_ name: String) -> [UInt8] {
        switch name {
        case "UTF-8": return Array(swedish.utf8)
        case "UTF-8 with BOM": return [0xEF, 0xBB, 0xBF] + Array(swedish.utf8)
        case "UTF-16LE": return [0xFF, 0xFE] + swedish.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        case "UTF-16BE": return [0xFE, 0xFF] + swedish.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        default: return swedish.unicodeScalars.map { $0 == "€" ? UInt8(0x80) : UInt8($0.value) }
        }
    }

    @Test("decodes", arguments: ["UTF-8", "UTF-8 with BOM", "UTF-16LE", "UTF-16BE", "Windows-1252"])
    func decodes(name: String) throws {
        let bytes = Self.encoded(name)
        let (units, outcome) = try extract(bytes)
        #expect(outcome == .scanned)
        #expect(owned(units) == Self.swedish)
    }

    @Test func chunksCoverTheFileExactlyOnce() throws {
        let text = (0..<500).map { "Rad \($0): Åsa Öberg, ärende \($0 * 7)\n" }.joined()
        let (units, _) = try extract(Array(text.utf8), chunkSize: 100, overlap: 40)
        #expect(units.count > 100)
        #expect(owned(units) == text)
    }

    @Test func multiByteCharactersAreNeverSplit() throws {
        let text = String(repeating: "åäö€", count: 300)
        let (units, _) = try extract(Array(text.utf8), chunkSize: 64, overlap: 16)
        for unit in units { #expect(!unit.text.contains("\u{FFFD}")) }
        #expect(owned(units) == text)
    }

    @Test func lineNumbersFollowTheChunks() throws {
        let text = (1...200).map { "rad \($0)\n" }.joined()
        let (units, _) = try extract(Array(text.utf8), chunkSize: 64, overlap: 16)
        var fileOffset = 0
        for unit in units {
            let bytes = Array(unit.text.utf8)
            let lineAtOwnedStart = try #require(unit.location.line) + bytes[..<unit.ownedRange.lowerBound].filter { $0 == 0x0A }.count
            let expected = 1 + text.utf8.prefix(fileOffset).filter { $0 == 0x0A }.count
            #expect(lineAtOwnedStart == expected)
            fileOffset += unit.ownedRange.count
        }
        #expect(fileOffset == text.utf8.count)
    }

    @Test func binaryGetsAStringsPassThatFindsNothingHere() throws {
        let (units, outcome) = try extract([0x00, 0x01, 0x02, 0xFF, 0x00, 0x10] + Array(repeating: 0, count: 100))
        #expect(units.isEmpty)
        #expect(outcome == .scanned)
    }

    @Test func emptyFileIsScanned() throws {
        let (units, outcome) = try extract([])
        #expect(units.isEmpty)
        #expect(outcome == .scanned)
    }
}
