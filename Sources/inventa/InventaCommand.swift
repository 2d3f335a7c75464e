import ArgumentParser
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
            Exit codes: 0 the command completed (file-level problems are in the report), \
            1 a fatal error (e.g. the report cannot be written), 2 a usage error.
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
        do {
            var command = try Inventa.parseAsRoot()
            try command.run()
        } catch let failure as Fatal {
            printError("inventa: \(failure.message)")
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

func printError(_ text: String) {
    writeStderr(text + "\n")
}

/// Writes to stderr with one system call, so lines from threads do not interleave.
func writeStderr(_ text: String) {
    var bytes = Array(text.utf8)
    _ = bytes.withUnsafeMutableBytes { write(STDERR_FILENO, $0.baseAddress, $0.count) }
}
