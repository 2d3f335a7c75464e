import ArgumentParser
import Foundation
import InventaDetection
import InventaExtraction
import InventaModel
import InventaReport

/// `inventa explain FILE`: scans one file with the current rules and prints every
/// finding with its location, rule, score steps, checks and the context words that
/// moved it, plus the file's risk. Values are masked unless `--show-values`.
/// Writes no report and keeps nothing.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Scan one file and explain each finding: location, rule, score steps and context words.",
        discussion: "Nothing is written. Values are shown masked unless --show-values is given."
    )

    @Argument(help: "The file to explain.")
    var file: String

    @OptionGroup var rulesOption: RulesOption

    @Flag(name: .long, help: "Show found values in clear text (they are personal data).")
    var showValues = false

    func run() throws {
        let detection = try rulesOption.detection()
        let reference = try fileRef(for: file)
        var findings: [Finding] = []
        var columns = TableEvidence(options: detection.engine.options) // as the scan does
        var documents = NamedDocuments()
        let result = Extraction().extract(reference) { unit in
            let first = findings.count
            findings += detection.detect(unit, documents: &documents)
            if unit.table != nil { columns.observe(unit, findings: findings, from: first) }
        }
        columns.apply(to: &findings)
        switch result.outcome {
        case .skipped(let reason):
            print("\(file): skipped (\(reason.description)); nothing to explain")
            return
        case .failed(let reason):
            throw Fatal(message: "\(file): \(reason)")
        case .scanned, .partial:
            break
        }
        let risk = RiskPolicy().risk(of: findings)
        let format = result.format.map { " \($0.rawValue)," } ?? ""
        print("\(file):\(format) \(findings.count) finding\(findings.count == 1 ? "" : "s"), risk \(risk.rawValue)")
        if case .partial(let why) = result.outcome { print("note: \(why)") }
        for finding in findings {
            print("")
            print(describe(finding))
        }
    }

    private func describe(_ finding: Finding) -> String {
        var place = finding.location.description
        if !finding.member.isEmpty { place = TerminalText.escaped(finding.member.joined(separator: "!")) + (place.isEmpty ? "" : ", " + place) }
        var lines = ["\(place.isEmpty ? "text" : place)  \(finding.category.rawValue)  \(finding.level.rawValue) "
                     + "\(String(format: "%.2f", finding.confidence))  rule \(finding.rule)"]
        lines.append("  value:    \(showValues ? finding.value : finding.masked)")
        if !finding.evidence.checks.isEmpty { lines.append("  checks:   \(finding.evidence.checks.joined(separator: ", "))") }
        lines.append("  score:    \(finding.evidence.steps.joined(separator: " → "))")
        if !finding.evidence.context.isEmpty { lines.append("  context:  \(finding.evidence.context.joined(separator: ", "))") }
        if !finding.evidence.tags.isEmpty { lines.append("  tags:     \(finding.evidence.tags.joined(separator: ", "))") }
        return lines.joined(separator: "\n")
    }

    /// A `FileRef` for a path given on the command line; only regular files are explained.
    private func fileRef(for path: String) throws -> FileRef {
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw Fatal(message: "\(path): \(String(cString: strerror(errno))); give the path of a readable file")
        }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            throw Fatal(message: "\(path): not a regular file; explain takes one file (use 'inventa scan' for folders)")
        }
        let name = URL(fileURLWithPath: path).lastPathComponent
        return FileRef(pathBytes: Array(path.utf8), root: path, relativePath: name, size: Int64(info.st_size),
                       mtime: Double(info.st_mtim.tv_sec), device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
    }
}
