import Foundation
@testable import InventaExtraction
import InventaModel
import Testing

/// Files that change while they are read (issue 19 point 1): readers read to end of
/// file and never trust `fstat`'s size, and a file whose size or mtime moved during
/// the read ends `partial: changed while scanned`, never a crash.
@Suite struct ChangingFileTests {
    /// Bytes whose claimed size is wrong, as `fstat`'s is once a file shrinks or grows.
    final class MisreportedSize: ExtractionInput {
        let bytes: [UInt8]
        let size: Int64
        init(_ bytes: [UInt8], claimedSize: Int64) { self.bytes = bytes; self.size = claimedSize }
        func read(at offset: Int64, count: Int) throws(ExtractionError) -> [UInt8] {
            try MemorySource(bytes).read(at: offset, count: count)
        }
    }

    static let text = (0..<200).map { "Rad \($0): Åsa Öberg, ärende \($0 * 7)\n" }.joined()

    @Test("reads to end of file whatever the size claims",
          arguments: [("shrunk: claims ten times the bytes", 10.0), ("grown: claims a tenth", 0.1), ("claims nothing", 0.0)])
    func readsToEndOfFile(_ label: String, factor: Double) throws {
        let bytes = Array(Self.text.utf8)
        let input = MisreportedSize(bytes, claimedSize: Int64(Double(bytes.count) * factor))
        let limits = ExtractionLimits(chunkSize: 100, chunkOverlap: 40)
        let context = ExtractionContext(limits: limits, registry: ExtractorRegistry(limits: limits))
        var owned = ""
        try PlainTextExtractor(chunkSize: 100, overlap: 40).extract(input, context: context) { unit in
            owned += String(decoding: Array(unit.text.utf8)[unit.ownedRange], as: UTF8.self)
        }
        #expect(owned == Self.text, "\(label)")
    }

    enum Change: String, CaseIterable { case truncated, grown }

    /// The change happens between two reads of the scan (in the emit callback, so the race is
    /// deterministic): the file really shrinks or grows under the open descriptor.
    @Test(arguments: Change.allCases)
    func aFileChangedWhileReadIsPartial(_ change: Change) throws {
        let path = NSTemporaryDirectory() + "inventa-changing-\(UUID().uuidString).txt"
        let bytes = Array(String(repeating: Self.text, count: 20).utf8)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let file = FileRef(pathBytes: Array(path.utf8), root: NSTemporaryDirectory(), relativePath: "t.txt",
                           size: Int64(bytes.count), mtime: 0)
        var units = 0
        let result = Extraction(limits: ExtractionLimits(chunkSize: 1024, chunkOverlap: 64)).extract(file) { _ in
            units += 1
            guard units == 2 else { return }
            let handle = FileHandle(forUpdatingAtPath: path)!
            switch change {
            case .truncated: handle.truncateFile(atOffset: UInt64(bytes.count / 3))
            case .grown: handle.seekToEndOfFile(); handle.write(Data(Self.text.utf8))
            }
            handle.closeFile()
        }
        #expect(result.outcome == .partial("changed while scanned"))
        #expect(units > 2)
    }

    @Test func anUnchangedFileIsScanned() throws {
        let path = NSTemporaryDirectory() + "inventa-steady-\(UUID().uuidString).txt"
        try Data(Self.text.utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let file = FileRef(pathBytes: Array(path.utf8), root: NSTemporaryDirectory(), relativePath: "t.txt",
                           size: Int64(Self.text.utf8.count), mtime: 0)
        #expect(Extraction().extract(file) { _ in }.outcome == .scanned)
    }
}
