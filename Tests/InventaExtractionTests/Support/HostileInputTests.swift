import Testing
@testable import InventaExtraction
import InventaModel

/// Damaged copies of every good fixture (bytes flipped, cut at many points) must end
/// with an outcome, never a crash or a hang. Deterministic: a fixed seed per fixture.
@Suite struct HostileInputTests {
    static let fixtures = [
        "docx/good/vector.docx", "docx/good/libreoffice.docx", "xlsx/good/vector.xlsx", "xlsx/good/libreoffice.xlsx",
        "pptx/good/vector.pptx", "odt/good/vector.odt", "ods/good/vector.ods", "odp/good/vector.odp",
        "eml/nested/with-attachment.eml", "mbox/good/box.mbox", "zip/nested/mixed.zip", "docx/nested/vector-in-zip-in-zip.zip",
        "doc/good/libreoffice.doc", "xls/good/libreoffice.xls", "ppt/good/libreoffice.ppt", "msg/good/plain.msg", "msg/good/rtf-only.msg",
    ]

    /// Extracts in memory, as a container member would be.
    static func outcome(_ bytes: [UInt8], name: String) -> Outcome {
        let limits = ExtractionLimits()
        let registry = ExtractorRegistry(limits: limits)
        let context = ExtractionContext(limits: limits, registry: registry)
        return registry.extract(MemorySource(bytes), name: name, context: context) { _ in }.1
    }

    @Test(arguments: fixtures)
    func flippedBytesNeverCrash(fixture: String) throws {
        let original = try Fixture.bytes(fixture)
        var random = SplitMix64(seed: UInt64(original.count))
        for _ in 0..<60 {
            var bytes = original
            for _ in 0..<(1 + Int(random.next() % 8)) {
                bytes[Int(random.next() % UInt64(bytes.count))] = UInt8(truncatingIfNeeded: random.next())
            }
            _ = HostileInputTests.outcome(bytes, name: fixture)
        }
    }

    @Test(arguments: fixtures)
    func truncationAnywhereNeverCrashes(fixture: String) throws {
        let original = try Fixture.bytes(fixture)
        for cut in stride(from: 0, to: original.count, by: max(1, original.count / 40)) {
            let outcome = HostileInputTests.outcome(Array(original[..<cut]), name: fixture)
            // A zip-based file cut before its central directory's end can only be damaged.
            if [".zip", ".docx", ".xlsx", ".pptx", ".odt", ".ods", ".odp"].contains(where: fixture.hasSuffix), cut > 0 {
                #expect(outcome != .scanned || cut > original.count - 22, "cut at \(cut) of \(original.count)")
            }
        }
    }
}

/// A small deterministic generator for test mutations.
struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
