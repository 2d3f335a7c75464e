import ArgumentParser
import InventaReport
#if canImport(Glibc)
import Glibc
#endif

/// The `inventa` command line: parses arguments, calls the pipeline or the report
/// reader, prints results. Nothing else lives here.
struct Inventa: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "inventa",
        abstract: "Find personal data on Swedish file shares and write a queryable SQLite report.",
        discussion: """
            Exit codes: 0 the command completed (file-level problems are in the report); \
            1 a fatal error (one line on stderr says what to do; e.g. the report is locked by another scan, \
            the key does not match the report, a root is missing or empty); 2 a usage error; \
            3 a floor or --fail-on condition was met (bench --min-f1, scan --fail-on); \
            130 interrupted by SIGINT, 143 by SIGTERM (the report is consistent; continue with scan --resume). \
            The manual page is docs/man/inventa.1 (scripts/generate-manual).
            """,
        version: version,
        subcommands: [ScanCommand.self, ReportCommand.self, SubjectCommand.self, ExtractCommand.self, RulesCommand.self,
                      ExplainCommand.self, CorpusCommand.self, BenchCommand.self, BenchDetectCommand.self]
    )
}

/// Entry point: maps ArgumentParser's usage errors to exit code 2 and fatal errors to 1,
/// each with one line on stderr.
@main
enum Main {
    static func main() {
        MallocTuning.applyForScan()
        // `-V`, the short form of `--version` that other tools take.
        let arguments = Array(CommandLine.arguments.dropFirst())
        if arguments == ["-V"] {
            print(Inventa.version)
            exit(0)
        }
        do {
            var command = try Inventa.parseAsRoot()
            try command.run()
        } catch let failure as Fatal {
            writeStderr(Terminal.paint("inventa:", "31", fd: STDERR_FILENO) + " " + TerminalText.escaped(failure.message) + "\n")
            exit(1)
        } catch let code as ExitCode where code != .success && code != .validationFailure {
            // A command that already said why (e.g. `bench` with an unmet floor) ends with its own code.
            exit(code.rawValue)
        } catch {
            let code = Inventa.exitCode(for: error)
            if code == .success {
                print(Inventa.fullMessage(for: error))
                exit(0)
            }
            if code == .validationFailure {
                printError(Inventa.fullMessage(for: error))
                exit(2)
            }
            let message = Inventa.fullMessage(for: error)
            if !message.isEmpty { printError("inventa: \(message)") }
            exit(code.rawValue == 64 ? 2 : code.rawValue)
        }
    }
}

/// A fatal error with its one-line message; ends the program with exit code 1.
struct Fatal: Error {
    let message: String
}

/// One line to stderr, its control characters escaped: messages carry file names, which
/// the share's users choose (see `TerminalText`).
func printError(_ text: String) {
    writeStderr(TerminalText.escaped(text) + "\n")
}

/// Writes to stderr with one system call, so lines from threads do not interleave.
func writeStderr(_ text: String) {
    var bytes = Array(text.utf8)
    _ = bytes.withUnsafeMutableBytes { write(STDERR_FILENO, $0.baseAddress, $0.count) }
}
