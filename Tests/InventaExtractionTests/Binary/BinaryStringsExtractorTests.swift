import Testing
@testable import InventaExtraction
import InventaModel

/// Files of no known format: mostly-text files are read as text, real binary data gets a strings pass.
@Suite struct BinaryStringsExtractorTests {
    /// Every byte value, a control byte after every second one (no printable run of six).
    static let noise: [UInt8] = (0..<256).flatMap { $0 % 2 == 1 ? [UInt8($0), 0x01] : [UInt8($0)] }

    @Test func textWithABinaryRunIsReadAsText() throws {
        // A log line, then a run of bytes 0x00–0xFF, then more log lines.
        var bytes = Array("2019-03-01 12:00 kund \(Vector.pnr) loggade in\n".utf8) + Self.noise + Array("\n".utf8)
        for i in 0..<60 { bytes += Array("2019-03-01 12:\(i) åtgärd utförd av handläggare\n".utf8) }
        let extracted = try Fixture.extract(bytes: bytes, name: "system.log")
        #expect(extracted.result.format == .text)
        #expect(extracted.result.outcome == .scanned)
        #expect(extracted.text.contains("kund \(Vector.pnr) loggade in"))
        #expect(extracted.text.contains("åtgärd utförd"))
    }

    @Test func binaryBlobYieldsItsStrings() throws {
        var bytes: [UInt8] = []
        for _ in 0..<20 { bytes += Self.noise }
        bytes += Array("PNR=\(Vector.pnr);".utf8) + Self.noise
        bytes += Array("Namn: \(Vector.name)".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] } + [0, 0] + Self.noise
        let extracted = try Fixture.extract(bytes: bytes, name: "export.dat")
        #expect(extracted.result.format == .binary)
        #expect(extracted.result.outcome == .scanned)
        #expect(extracted.text.split(separator: "\n").contains("PNR=\(Vector.pnr);"))
        #expect(extracted.text.split(separator: "\n").contains("Namn: \(Vector.name)")) // UTF-16LE run
        #expect(extracted.units.allSatisfy { $0.location.part == "strings" })
    }

    @Test func shortRunsAreNoise() throws {
        var bytes: [UInt8] = []
        for _ in 0..<40 { bytes += Self.noise + Array("abc".utf8) }
        let extracted = try Fixture.extract(bytes: bytes, name: "blob.bin")
        #expect(!extracted.text.contains("abc"))
    }

    @Test func onlyTheFirstBytesOfAHugeBlobAreRead() throws {
        var bytes: [UInt8] = Array("början \(Vector.pnr)".utf8)
        for _ in 0..<10 { bytes += Self.noise }
        bytes += Array("slutet 19850209-2383".utf8)
        let limits = ExtractionLimits()
        let registry = ExtractorRegistry(limits: limits)
        let context = ExtractionContext(limits: limits, registry: registry)
        var units: [TextUnit] = []
        #expect(throws: ExtractionError.self) {
            try BinaryStringsExtractor(maxBytes: 1024).extract(MemorySource(bytes), context: context) { units.append($0) }
        }
        let text = units.map(\.text).joined()
        #expect(text.contains(Vector.pnr))
        #expect(!text.contains("19850209-2383"))
    }
}
