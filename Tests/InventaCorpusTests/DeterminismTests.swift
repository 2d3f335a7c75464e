import Foundation
import Testing
@testable import InventaCorpus

/// The same seed gives the same corpus, byte for byte, in every format
/// (ZIP entry dates, PDF dates, e-mail boundaries and ids come from the seed).
@Suite struct DeterminismTests {
    @Test func sameSeedGivesByteIdenticalCorpus() throws {
        let first = try CorpusFixture.generate(documents: 80, seed: 42, name: "a")
        let second = try CorpusFixture.generate(documents: 80, seed: 42, name: "b")
        defer { try? FileManager.default.removeItem(atPath: first); try? FileManager.default.removeItem(atPath: second) }
        let a = CorpusFixture.contents(of: first), b = CorpusFixture.contents(of: second)
        #expect(a.count > 80)
        #expect(Set(a.keys) == Set(b.keys))
        let different = a.keys.filter { a[$0] != b[$0] }.sorted()
        #expect(different.isEmpty, "differ: \(different.prefix(5))")
        let extensions = Set(a.keys.compactMap { $0.split(separator: ".").last.map(String.init) })
        #expect(extensions.isSuperset(of: ["txt", "csv", "docx", "xlsx", "pdf", "eml", "zip", "jsonl"]), "\(extensions)")
    }

    @Test func anotherSeedGivesAnotherCorpus() throws {
        let first = try CorpusFixture.generate(documents: 10, seed: 1, name: "c")
        let second = try CorpusFixture.generate(documents: 10, seed: 2, name: "d")
        defer { try? FileManager.default.removeItem(atPath: first); try? FileManager.default.removeItem(atPath: second) }
        let a = FileManager.default.contents(atPath: first + "/ground-truth.jsonl")
        let b = FileManager.default.contents(atPath: second + "/ground-truth.jsonl")
        #expect(a != b)
    }

    @Test func refusesToWriteIntoANonEmptyFolder() throws {
        let folder = try CorpusFixture.generate(documents: 2, seed: 1, name: "e")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var generator = CorpusGenerator(options: CorpusOptions(documents: 2, seed: 1),
                                        datasets: try CorpusDatasets(directory: CorpusFixture.datasets))
        #expect(throws: CorpusError.self) { try generator.generate(into: folder) }
    }

    @Test func splitMix64MatchesTheReferenceSequence() {
        // First outputs of SplitMix64 seeded with 0 (reference implementation by Vigna).
        var rng = SplitMix64(seed: 0)
        #expect(rng.next() == 0xE220_A839_7B1D_CDAF)
        #expect(rng.next() == 0x6E78_9E6A_A1B9_65F4)
    }
}
