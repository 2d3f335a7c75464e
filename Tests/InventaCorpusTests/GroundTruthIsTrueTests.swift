import Foundation
import InventaExtraction
import InventaModel
import Testing
@testable import InventaCorpus

/// The truth is true: every gold value is in the text the extraction stage gets
/// from its file (or container member), in every format the extraction stage
/// supports. Written over whatever the extractor registry handles, so it covers
/// more formats as extractors are added; formats it does not handle yet are
/// listed in the test output, and text and CSV must always be covered.
@Suite struct GroundTruthIsTrueTests {
    @Test func everyGoldValueIsInTheExtractedTextOfItsFile() throws {
        let corpus = try CorpusFixture.generate(documents: 150, seed: 11, name: "truth")
        defer { try? FileManager.default.removeItem(atPath: corpus) }
        let truth = try GroundTruth.load(corpus: corpus)
        let share = corpus + "/" + GroundTruth.shareFolder
        let extraction = Extraction()
        var texts: [String: [String]] = [:]
        var outcomes: [String: Outcome] = [:]
        var formats: [String: FileFormat?] = [:]
        for line in truth.files where !line.path.contains("!") {
            let path = share + "/" + line.path
            let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
            let file = FileRef(pathBytes: Array(path.utf8), root: share, relativePath: line.path, size: Int64(size), mtime: 0)
            let result = extraction.extract(file) { unit in
                texts[([line.path] + unit.member).joined(separator: "!"), default: []].append(unit.text)
            }
            outcomes[line.path] = result.outcome
            formats[line.path] = result.format
            for member in result.members {
                outcomes[member.path(in: line.path)] = member.outcome
                formats[member.path(in: line.path)] = member.format
            }
        }

        // A file counts as covered when the registry recognised its format and has an
        // extractor for it; an e-mail read as plain text (no EML extractor yet) is not.
        var covered = Set<String>(), uncovered = Set<String>(), coveredPaths = Set<String>()
        for line in truth.files {
            guard let outcome = outcomes[line.path], formats[line.path]??.rawValue == line.format else {
                uncovered.insert(line.format)
                continue
            }
            if case .skipped(.unsupported) = outcome { uncovered.insert(line.format); continue }
            #expect(outcome == .scanned, "\(line.path) (\(line.format)) extracts but ended \(outcome)")
            covered.insert(line.format)
            coveredPaths.insert(line.path)
        }
        #expect(covered.isSuperset(of: ["text", "csv"]), "covered: \(covered.sorted())")
        print("Ground truth checked in formats: \(covered.sorted()); not extracted yet: \(uncovered.subtracting(covered).sorted())")

        var checked = 0
        for entity in truth.entities where coveredPaths.contains(entity.path) {
            let found = (texts[entity.path] ?? []).contains { $0.contains(entity.value) }
            #expect(found, "\(entity.category) '\(entity.value)' not in the extracted text of \(entity.path)")
            checked += 1
        }
        #expect(checked > 500)
    }

    @Test func fileLinesDescribeEveryWrittenFile() throws {
        let corpus = try CorpusFixture.generate(documents: 40, seed: 5, name: "files")
        defer { try? FileManager.default.removeItem(atPath: corpus) }
        let truth = try GroundTruth.load(corpus: corpus)
        let written = Set(CorpusFixture.contents(of: corpus + "/share").keys)
        let topLevel = Set(truth.files.map(\.path).filter { !$0.contains("!") })
        #expect(written == topLevel)
        let entityPaths = Set(truth.entities.map(\.path))
        #expect(entityPaths.isSubset(of: Set(truth.files.map(\.path))))
        for line in truth.files where line.docType == "policy" {
            #expect(!line.hasPersonalData && line.expectedRisk == "none", "\(line.path)")
        }
        for line in truth.files where line.docType == "case_note" {
            #expect(line.expectedRisk == "high", "\(line.path)")
        }
    }
}
