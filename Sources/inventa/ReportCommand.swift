import ArgumentParser
import Foundation
import InventaReport
#if canImport(Glibc)
import Glibc
#endif

/// `inventa report …`: reads a report and prints one section as a table, CSV or
/// JSON Lines. The JSON Lines fields are a stable contract (README). Every section
/// shows the files valid in the chosen scan (default: the latest), masked values only.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Show a scan report: summary, departments, files, findings, problems, diff, retention; or write it as XLSX or HTML.",
        subcommands: [Summary.self, Departments.self, Files.self, Findings.self, Problems.self, Diff.self, Retention.self,
                      Workbook.self, HTML.self]
    )

    struct Common: ParsableArguments {
        @OptionGroup var location: ReportLocation

        @Option(name: .long, help: "Scan id to show (default: the latest scan).")
        var scan: Int64?

        @Option(name: .long, help: "Output format: table (fitted to the terminal's width; full when piped), csv or jsonl.")
        var format: OutputFormat = .table

        @OptionGroup var colorOption: ColorOption

        func show(_ make: (ReportReader) throws(ReportError) -> ReportTable) throws {
            Terminal.use(colorOption.color)
            let report = try location.reportPath()
            do {
                let reader = try ReportReader(path: report, scanID: scan)
                if reader.storesValues {
                    printError("inventa: warning: scan \(reader.scanID) ran with --store-values: values are shown in clear; handle this output as personal data")
                }
                print(format.render(try make(reader), style: TableStyle.forStdout()), terminator: "")
            } catch {
                throw Fatal(message: error.description)
            }
        }
    }

    /// Filters shared by `files` and `retention`.
    struct Filters: ParsableArguments {
        @Option(name: .long, help: "Only this department (as named in the profile, or Okänd).")
        var department: String?

        @Option(name: .long, help: "Only files of at least this risk: low, medium or high.")
        var risk: String?

        @Option(name: .long, help: "Only files with a finding of this category, e.g. personnummer.")
        var category: String?

        @Option(name: .long, help: ArgumentHelp("Only files not modified for this long, e.g. 5y, 18m, 90d.", valueName: "age"))
        var olderThan: String?

        @Option(name: .customLong("format-filter"), help: ArgumentHelp("Only files of this format, e.g. docx.", valueName: "format"))
        var fileFormat: String?

        func validate() throws {
            if let risk, !["none", "low", "medium", "high"].contains(risk) {
                throw ValidationError("--risk '\(risk)' is not a risk level; use low, medium or high")
            }
            if let olderThan, Age.seconds(olderThan) == nil {
                throw ValidationError("--older-than '\(olderThan)' is not an age; use e.g. 5y, 18m or 90d")
            }
        }

        var filter: FileFilter {
            FileFilter(department: department, minimumRisk: risk, category: category,
                       olderThan: olderThan.flatMap(Age.seconds), format: fileFormat)
        }
    }

    struct Summary: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Totals: files by status and change, findings by category and level, files by risk, department and format, problems.")
        @OptionGroup var common: Common
        func run() throws { try common.show { reader throws(ReportError) in try reader.summary() } }
    }

    struct Departments: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Per department: files, files with personal data, high-risk files, problems, bytes, oldest file, categories.")
        @OptionGroup var common: Common
        func run() throws { try common.show { reader throws(ReportError) in try reader.departments() } }
    }

    struct Files: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "One row per file: department, path, format, status, risk, findings per category, owner, modified.")
        @OptionGroup var common: Common
        @OptionGroup var filters: Filters
        func run() throws {
            let filter = filters.filter
            try common.show { reader throws(ReportError) in try reader.files(filter: filter) }
        }
    }

    struct Findings: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "One row per finding: path, category, value (null unless --store-values), masked, confidence, level, rule, location.")
        @OptionGroup var common: Common
        func run() throws { try common.show { reader throws(ReportError) in try reader.findings() } }
    }

    struct Problems: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Everything not fully scanned, and why (skipped, failed, partial).")
        @OptionGroup var common: Common
        func run() throws { try common.show { reader throws(ReportError) in try reader.problems() } }
    }

    struct Diff: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Files with personal data that are new, resolved or changed since an earlier scan.")
        @OptionGroup var common: Common
        @Option(name: .long, help: "The earlier scan id (default: the scan before --scan).")
        var from: Int64?
        func run() throws {
            let from = self.from
            try common.show { reader throws(ReportError) in try reader.diff(from: from) }
        }
    }

    struct Retention: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Files with personal data not modified for a long time (gallring), oldest first.")
        @OptionGroup var common: Common
        @OptionGroup var filters: Filters
        func validate() throws {
            if filters.olderThan == nil { throw ValidationError("give --older-than, e.g. --older-than 5y") }
        }
        func run() throws {
            let filter = filters.filter
            let age = filter.olderThan ?? 0
            try common.show { reader throws(ReportError) in try reader.retention(olderThan: age, filter: filter) }
        }
    }

    /// Options of the documents people read: where to write, which language.
    struct Document: ParsableArguments {
        @Option(name: .shortAndLong, help: ArgumentHelp("File to write (created mode 0600: it describes personal data).", valueName: "file"))
        var output: String

        @Option(name: .long, help: "Language: sv (default) or en.")
        var lang: ReportLanguage = .sv

        func write(_ data: [UInt8]) throws {
            // O_NOFOLLOW: a link planted at the output's name is refused, never truncated through.
            let fd = open(output, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, 0o600)
            guard fd >= 0 else {
                if errno == ELOOP { throw Fatal(message: "refusing to write \(output): it is a symbolic link; remove it or pass another --output") }
                throw Fatal(message: "cannot write \(output): \(String(cString: strerror(errno))) (check the folder exists)")
            }
            defer { close(fd) }
            fchmod(fd, 0o600) // an existing, wider file is tightened too: it describes personal data
            var offset = 0
            while offset < data.count {
                let n = data.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + offset, data.count - offset) }
                guard n > 0 else { throw Fatal(message: "cannot write \(output): \(String(cString: strerror(errno)))") }
                offset += n
            }
            print("Wrote \(output)")
        }
    }

    struct Workbook: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "xlsx",
            abstract: "Write the report as an Excel workbook: one sheet per section, masked values only.")
        @OptionGroup var location: ReportLocation
        @Option(name: .long, help: "Scan id (default: the latest scan).")
        var scan: Int64?
        @OptionGroup var document: Document
        @Option(name: .long, help: ArgumentHelp("Age for the retention sheet (default 5y).", valueName: "age"))
        var olderThan: String = "5y"

        func validate() throws {
            if Age.seconds(olderThan) == nil { throw ValidationError("--older-than '\(olderThan)' is not an age; use e.g. 5y, 18m or 90d") }
        }

        func run() throws {
            let language = document.lang
            let t = { (key: String) in language.label(key) }
            let age = Age.seconds(olderThan) ?? 0
            var sheets: [XLSXWriter.Sheet] = []
            let report = try location.reportPath()
            do {
                let reader = try ReportReader(path: report, scanID: scan)
                let sections: [(String, ReportTable)] = [
                    (t("sheet.summary"), try reader.summary()),
                    (t("sheet.departments"), try reader.departments()),
                    (t("sheet.files"), try reader.files(filter: FileFilter(withFindings: true))),
                    (t("sheet.retention"), try reader.retention(olderThan: age)),
                    (t("sheet.diff"), try reader.diff()),
                    (t("sheet.problems"), try reader.problems()),
                    (t("sheet.findings"), try reader.findings().keeping(["path", "category", "masked", "confidence", "level", "rule", "location"])),
                ]
                sheets = sections.map { XLSXWriter.Sheet(name: $0.0, table: $0.1.localized(document.lang)) }
            } catch {
                throw Fatal(message: error.description)
            }
            let bytes = try XLSXWriter.workbook(sheets)
            try document.write(Array(bytes))
        }
    }

    struct HTML: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "html",
            abstract: "Write a self-contained HTML report (charts, sortable tables, masked values only) to e-mail or print.")
        @OptionGroup var location: ReportLocation
        @Option(name: .long, help: "Scan id (default: the latest scan).")
        var scan: Int64?
        @OptionGroup var document: Document

        func run() throws {
            let html: String
            let report = try location.reportPath()
            do {
                let reader = try ReportReader(path: report, scanID: scan)
                html = try HTMLReport(language: document.lang).render(reader)
            } catch {
                throw Fatal(message: error.description)
            }
            try document.write(Array(html.utf8))
        }
    }
}

extension ReportLanguage: ExpressibleByArgument {}

/// Ages such as `5y`, `18m`, `90d` (a year is 365.25 days, a month a twelfth of that).
enum Age {
    static func seconds(_ text: String) -> Double? {
        guard let unit = text.last, let number = Double(text.dropLast()), number >= 0 else { return nil }
        let day = 86400.0
        switch unit {
        case "y", "å": return number * 365.25 * day
        case "m": return number * 365.25 / 12 * day
        case "w": return number * 7 * day
        case "d": return number * day
        default: return nil
        }
    }
}

extension OutputFormat: ExpressibleByArgument {}

extension TableStyle {
    /// Fitted and coloured when stdout is a terminal; full and plain when it is piped.
    static func forStdout() -> TableStyle {
        TableStyle(width: Terminal.width(), color: Terminal.colorEnabled())
    }
}
