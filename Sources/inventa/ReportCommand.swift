import ArgumentParser
import InventaReport

/// `inventa report summary|files|findings`: reads a report and prints it as a
/// table, CSV or JSON Lines. The JSON Lines fields are a stable contract (README).
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Show a scan report: summary, files or findings.",
        subcommands: [Summary.self, Files.self, Findings.self]
    )

    struct Common: ParsableArguments {
        @Option(name: .long, help: "Report file to read.")
        var report: String = "inventa-report.sqlite"

        @Option(name: .long, help: "Scan id to show (default: the latest scan).")
        var scan: Int64?

        @Option(name: .long, help: "Output format: table, csv or jsonl.")
        var format: OutputFormat = .table

        func show(_ make: (ReportReader) throws(ReportError) -> ReportTable) throws {
            do {
                let reader = try ReportReader(path: report, scanID: scan)
                print(format.render(try make(reader)), terminator: "")
            } catch {
                throw Fatal(message: error.description)
            }
        }
    }

    struct Summary: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Totals: files by status, findings by category and level, files by risk, problems.")
        @OptionGroup var common: Common
        func run() throws { try common.show { reader throws(ReportError) in try reader.summary() } }
    }

    struct Files: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "One row per file: path, format, status, reason, risk, counts per category.")
        @OptionGroup var common: Common
        func run() throws { try common.show { reader throws(ReportError) in try reader.files() } }
    }

    struct Findings: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "One row per finding: path, category, value (null unless --store-values), masked, confidence, level, rule, location.")
        @OptionGroup var common: Common
        func run() throws { try common.show { reader throws(ReportError) in try reader.findings() } }
    }
}

extension OutputFormat: ExpressibleByArgument {}
