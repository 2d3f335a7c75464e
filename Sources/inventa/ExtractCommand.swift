import ArgumentParser
import Foundation
import InventaExtraction
import InventaModel
import InventaReport

/// `inventa extract FILE`: shows the text units the scanner would see in one file,
/// with their locations and member paths, and the file's outcome. A debugging aid:
/// nothing is detected or written. The output holds the file's text in clear.
struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Print the text Inventa extracts from a file, with locations and the outcome.",
        discussion: """
            Shows exactly what detection would see: one block per text unit (page, row and column, \
            member of a container…), then the outcome (scanned, skipped or failed, and why). \
            The output contains the file's text in clear; do not redirect it into shared places.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, jsonl
    }

    @Argument(help: "The file to read.")
    var file: String

    @Option(name: .long, help: "Output format: text or jsonl (one object per unit, then one with the outcome).")
    var format: Format = .text

    @OptionGroup var extraction: ExtractionOptions

    func run() throws {
        var st = stat()
        guard stat(file, &st) == 0 else {
            throw Fatal(message: "cannot read \(file): \(String(cString: strerror(errno)))")
        }
        guard (st.st_mode & S_IFMT) == S_IFREG else {
            throw Fatal(message: "\(file) is not a regular file; give a file, not a folder or device")
        }
        let ref = FileRef(pathBytes: Array(file.utf8), root: "", relativePath: file, size: Int64(st.st_size),
                          mtime: Double(st.st_mtim.tv_sec))
        Extraction.prepareLibraries()
        var units = 0
        var bytes = 0
        let result = Extraction(limits: extraction.limits()).extract(ref) { unit in
            units += 1
            bytes += unit.ownedRange.count
            print(render(unit))
        }
        print(render(result, units: units, bytes: bytes))
    }

    private func render(_ unit: TextUnit) -> String {
        let utf8 = Array(unit.text.utf8)
        let owned = String(decoding: utf8[unit.ownedRange.clamped(to: 0..<utf8.count)], as: UTF8.self)
        switch format {
        case .jsonl:
            return JSONText.object([
                ("member", JSONText.string(unit.member.joined(separator: "!"))),
                ("location", JSONText.location(unit.location)),
                ("text", JSONText.string(owned)),
            ])
        case .text:
            let place = unit.location.description.isEmpty ? "text" : unit.location.description
            let member = unit.member.isEmpty ? "" : TerminalText.escaped(unit.member.joined(separator: "!")) + ": "
            return "── \(member)\(place) ──\n" + owned + (owned.hasSuffix("\n") ? "" : "\n")
        }
    }

    private func render(_ result: ExtractionResult, units: Int, bytes: Int) -> String {
        let reason = result.outcome.reason
        switch format {
        case .jsonl:
            let members = result.members.map { member in
                JSONText.object([
                    ("member", JSONText.string(member.member.joined(separator: "!"))),
                    ("format", JSONText.stringOrNull(member.format?.rawValue)),
                    ("status", JSONText.string(member.outcome.status)),
                    ("reason", JSONText.stringOrNull(member.outcome.reason)),
                ])
            }
            return JSONText.object([
                ("format", JSONText.stringOrNull(result.format?.rawValue)),
                ("status", JSONText.string(result.outcome.status)),
                ("reason", JSONText.stringOrNull(reason)),
                ("units", String(units)),
                ("text_bytes", String(bytes)),
                ("members", JSONText.array(members)),
            ])
        case .text:
            var lines = ["══ \(file): \(result.format?.rawValue ?? "unknown format"), \(result.outcome.status)"
                         + (reason.map { " (\($0))" } ?? "") + ", \(units) units, \(bytes) bytes of text"]
            for member in result.members {
                lines.append("   \(member.path(in: file)): \(member.format?.rawValue ?? "unknown format"), \(member.outcome.status)"
                             + (member.outcome.reason.map { " (\($0))" } ?? ""))
            }
            return lines.joined(separator: "\n")
        }
    }
}
