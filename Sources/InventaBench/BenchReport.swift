import Foundation
import InventaCorpus
import InventaModel

/// Renders a `BenchResult` as the terminal table `inventa bench` prints and as
/// the JSON document `--json` writes. Both carry the same numbers.
public enum BenchReport {
    public static let matchingNote = """
        Matching: a gold value is found when a finding of its category in the same file matches it after \
        normalisation. Identifiers: digits only (personnummer: last 10 digits). Phone: digits, +46 → 0. \
        Names: lower case, punctuation dropped; the finding must contain every word of the gold name, in any \
        order; a finding of part of a gold name is not a false positive. Addresses and sensitive terms: one \
        value contains the other.
        """

    public static func text(_ result: BenchResult) -> String {
        var out = "Accuracy (entity level, distinct values per file)\n"
        var rows = [["category", "gold", "found", "findings", "correct", "precision", "recall", "F1", "status"]]
        for row in result.scores.categories where row.gold > 0 || row.findings > 0 {
            let scored = row.status == "scored"
            rows.append([row.category.rawValue, String(row.gold), String(row.found), String(row.findings), String(row.correct),
                         scored || row.gold == 0 ? percent(row.precision) : "—", scored ? percent(row.recall) : "—",
                         scored ? number(row.f1) : "—", row.status])
        }
        out += table(rows)
        let silent = result.scores.categories.filter { $0.gold == 0 && $0.findings == 0 }.map(\.category.rawValue)
        if !silent.isEmpty { out += "No gold and no findings: \(silent.joined(separator: ", "))\n" }
        let detected = result.scores.categories.filter { $0.findings > 0 }.map(\.category.rawValue)
        out += "\nRecall by format (over the categories with findings: \(detected.isEmpty ? "none" : detected.joined(separator: ", ")))\n"
        var formatRows = [["format", "gold", "found", "recall"]]
        for score in result.scores.formats.values.sorted(by: { $0.format < $1.format }) {
            formatRows.append([score.format, String(score.gold), String(score.found), percent(score.recall)])
        }
        out += table(formatRows)
        let risk = result.scores.risk
        out += "\nFile risk: \(risk.correct) of \(risk.files) files rated as expected (\(percent(risk.accuracy)))"
        out += risk.missing > 0 ? ", \(risk.missing) not in the report\n" : "\n"
        let confusion = risk.confusion.filter { $0.key.split(separator: "→").count == 2 && !isDiagonal($0.key) }
        if !confusion.isEmpty {
            out += "  expected→reported: " + confusion.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ") + "\n"
        }
        out += "\nThroughput (\(result.jobs) jobs)\n"
        out += String(format: "  %lld files, %.1f MB in %.2f s: %.0f files/s, %.1f MB/s\n", result.files,
                      Double(result.bytes) / 1_000_000, result.seconds, result.filesPerSecond, result.megabytesPerSecond)
        out += String(format: "  %.1f MB of it in files an extractor read (skipped files are not read)\n", Double(result.scannedBytes) / 1_000_000)
        out += String(format: "  peak RSS %.0f MB (the process after the scan, before the truth is loaded)\n", Double(result.peakResidentBytes) / 1_000_000)
        out += "\nProblems (files and members not scanned cleanly)\n"
        if result.scores.problems.isEmpty {
            out += "  none\n"
        } else {
            for (reason, count) in result.scores.problems.sorted(by: { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }) {
                out += "  \(count)\t\(reason)\n"
            }
        }
        return out + "\n" + matchingNote + "\n"
    }

    public static func json(_ result: BenchResult) -> String {
        func string(_ text: String) -> String {
            let data = try? JSONSerialization.data(withJSONObject: [text], options: [])
            return data.flatMap { String(data: $0, encoding: .utf8) }.map { String($0.dropFirst().dropLast()) } ?? "\"\""
        }
        let categories = result.scores.categories.map { row in
            "{\"category\":\(string(row.category.rawValue)),\"gold\":\(row.gold),\"found\":\(row.found),\"findings\":\(row.findings),"
                + "\"correct\":\(row.correct),\"precision\":\(number(row.precision)),\"recall\":\(number(row.recall)),"
                + "\"f1\":\(number(row.f1)),\"status\":\(string(row.status))}"
        }
        let formats = result.scores.formats.values.sorted { $0.format < $1.format }.map {
            "{\"format\":\(string($0.format)),\"gold\":\($0.gold),\"found\":\($0.found),\"recall\":\(number($0.recall))}"
        }
        let risk = result.scores.risk
        let confusion = risk.confusion.sorted { $0.key < $1.key }.map { "\(string($0.key)):\($0.value)" }
        let problems = result.scores.problems.sorted { $0.key < $1.key }.map { "\(string($0.key)):\($0.value)" }
        return "{\"corpus\":\(string(result.corpus)),\n\"categories\":[\n" + categories.joined(separator: ",\n") + "],\n"
            + "\"formats\":[" + formats.joined(separator: ",") + "],\n"
            + "\"risk\":{\"files\":\(risk.files),\"correct\":\(risk.correct),\"missing\":\(risk.missing),\"accuracy\":\(number(risk.accuracy)),"
            + "\"confusion\":{\(confusion.joined(separator: ","))}},\n"
            + "\"throughput\":{\"files\":\(result.files),\"bytes\":\(result.bytes),\"seconds\":\(number(result.seconds)),"
            + "\"scanned_bytes\":\(result.scannedBytes),\"files_per_second\":\(number(result.filesPerSecond)),\"mb_per_second\":\(number(result.megabytesPerSecond)),"
            + "\"peak_rss_bytes\":\(result.peakResidentBytes),\"jobs\":\(result.jobs)},\n"
            + "\"problems\":{\(problems.joined(separator: ","))}}\n"
    }

    static func isDiagonal(_ key: String) -> Bool {
        let parts = key.split(separator: "→")
        return parts.count == 2 && parts[0] == parts[1]
    }

    static func percent(_ value: Double) -> String { String(format: "%.1f%%", value * 100) }
    static func number(_ value: Double) -> String { String(format: "%.3f", value) }

    /// Left-aligned columns separated by two spaces.
    static func table(_ rows: [[String]]) -> String {
        var widths = [Int](repeating: 0, count: rows.map(\.count).max() ?? 0)
        for row in rows { for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.count) } }
        return rows.map { row in
            "  " + row.enumerated().map { index, cell in
                index == row.count - 1 ? cell : cell.padding(toLength: widths[index], withPad: " ", startingAt: 0)
            }.joined(separator: "  ")
        }.joined(separator: "\n") + "\n"
    }
}
