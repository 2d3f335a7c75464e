import Foundation
import InventaModel
import Testing
@testable import InventaDetection

/// The hand-checked evaluation set of the name detector's hard cases (issue 20): capital
/// headings, acronyms, company and product names, OCR-damaged prose, call logs and class
/// lists, one text unit a line with the names marked `«…»` (`\t` stands for a tab, `#` starts a
/// comment). Written for the project with synthetic names; never used for training.
///
/// Scored span by span at the default level (confidence ≥ the medium threshold): a reported
/// span counts only when it covers exactly a marked name. The floors sit a little under the
/// measured figures so a regression fails; the issue's target is P ≥ 0.95, R ≥ 0.90.
@Suite struct NameEvalSetTests {
    static let directory: URL = {
        var url = URL(fileURLWithPath: #filePath)
        url.deleteLastPathComponent()
        return url.appendingPathComponent("EvalSet")
    }()

    /// Precision and recall floors of the whole set.
    static let minimumPrecision = 0.95 // measured 0.966 (logistic model + office-shape rules, decision 0503; was 0.872)
    static let minimumRecall = 0.92 // measured 0.939 (was 0.811)

    struct Score {
        var truePositives = 0, falsePositives = 0, falseNegatives = 0
        var precision: Double { truePositives + falsePositives == 0 ? 1 : Double(truePositives) / Double(truePositives + falsePositives) }
        var recall: Double { truePositives + falseNegatives == 0 ? 1 : Double(truePositives) / Double(truePositives + falseNegatives) }
        mutating func add(_ other: Score) {
            truePositives += other.truePositives; falsePositives += other.falsePositives; falseNegatives += other.falseNegatives
        }
    }

    /// Plain text and the UTF-8 byte ranges of the marked names.
    static func parse(_ line: String) -> (text: String, spans: Set<Range<Int>>) {
        var text = ""
        var spans: Set<Range<Int>> = []
        var start: Int?
        for c in line.replacingOccurrences(of: "\\t", with: "\t") {
            switch c {
            case "«": start = text.utf8.count
            case "»": if let s = start { spans.insert(s..<text.utf8.count) }; start = nil
            default: text.append(c)
            }
        }
        return (text, spans)
    }

    static func score(file: URL, misses: inout [String]) throws -> Score {
        var score = Score()
        let medium = LevelThresholds().medium
        for line in try String(contentsOf: file, encoding: .utf8).split(separator: "\n") where !line.hasPrefix("#") {
            let (text, expected) = parse(String(line))
            let found = Set(names(in: text).filter { $0.baseScore >= medium }.map(\.span))
            score.truePositives += found.intersection(expected).count
            score.falsePositives += found.subtracting(expected).count
            score.falseNegatives += expected.subtracting(found).count
            if found != expected { misses.append("\(file.lastPathComponent): \(line)  → found \(values(found, in: text))") }
        }
        return score
    }

    static func values(_ spans: Set<Range<Int>>, in text: String) -> [String] {
        let bytes = Array(text.utf8)
        return spans.sorted { $0.lowerBound < $1.lowerBound }.map { String(decoding: bytes[$0], as: UTF8.self) }
    }

    @Test("the evaluation set holds at least 300 lines of every error class")
    func setIsLargeEnough() throws {
        let files = try FileManager.default.contentsOfDirectory(at: Self.directory, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "txt" }
        let lines = try files.map { try String(contentsOf: $0, encoding: .utf8).split(separator: "\n").filter { !$0.hasPrefix("#") }.count }
        #expect(files.count >= 6)
        #expect(lines.reduce(0, +) >= 300)
    }

    @Test("name precision and recall on the evaluation set stay above their floors")
    func precisionAndRecall() throws {
        let files = try FileManager.default.contentsOfDirectory(at: Self.directory, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "txt" }.sorted { $0.path < $1.path }
        var total = Score()
        var misses: [String] = []
        for file in files {
            let s = try Self.score(file: file, misses: &misses)
            print(String(format: "name eval set %-16@ P %.3f R %.3f (tp %d fp %d fn %d)",
                         file.lastPathComponent as NSString, s.precision, s.recall, s.truePositives, s.falsePositives, s.falseNegatives))
            total.add(s)
        }
        print(String(format: "name eval set total            P %.3f R %.3f (tp %d fp %d fn %d)",
                     total.precision, total.recall, total.truePositives, total.falsePositives, total.falseNegatives))
        if ProcessInfo.processInfo.environment["NAME_EVAL_SHOW"] != nil { misses.forEach { print($0) } }
        #expect(total.precision >= Self.minimumPrecision)
        #expect(total.recall >= Self.minimumRecall)
    }
}
