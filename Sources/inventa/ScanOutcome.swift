import Foundation
import InventaPipeline
import InventaReport
#if canImport(Glibc)
import Glibc
#endif

/// How a scan ended, for its exit code and for `--summary-json`: the exit code a cron job
/// or systemd timer sees, a stable reason word, and the one-line message if there is one.
/// The JSON (one object, stable field names, README) is what monitoring reads; it holds
/// totals and problem counts by reason, never a path or a value.
struct ScanOutcome {
    /// `completed`, `fail_on`, `interrupted_sigint`, `interrupted_sigterm`, `fatal`.
    var reason: String
    var exitCode: Int32
    var message: String?
    var summary: ScanSummary?

    func json(report: String, finishedAt: String) -> String {
        var pairs: [(String, String)] = [
            ("exit_code", String(exitCode)),
            ("exit_reason", JSONText.string(reason)),
            ("message", JSONText.stringOrNull(message)),
            ("report", JSONText.string(report)),
            ("finished_at", JSONText.string(finishedAt)),
        ]
        if let summary {
            let t = summary.totals, run = summary.run
            pairs += [
                ("scan_id", String(summary.scanID)),
                ("status", JSONText.string(summary.interrupted ? "interrupted" : "completed")),
                ("resumed", String(summary.resumed)),
                ("started_at", JSONText.string(summary.startedAt)),
                ("seconds", JSONText.number((summary.seconds * 1000).rounded() / 1000)),
                ("key_fingerprint", JSONText.string(summary.keyFingerprint)),
                ("totals", JSONText.object([
                    ("files", String(t.files)), ("new_or_changed", String(t.new)), ("unchanged", String(t.unchanged)),
                    ("removed", String(t.removed)), ("scanned", String(t.scanned)), ("skipped", String(t.skipped)),
                    ("failed", String(t.failed)), ("findings", String(t.findings)), ("bytes", String(t.bytes)),
                    ("files_with_findings", String(t.withFindings)), ("high_risk_files", String(t.highRisk)),
                    ("medium_risk_files", String(t.mediumRisk)),
                ])),
                ("this_run", JSONText.object([
                    ("files", String(run.files)), ("read", String(run.scanned + run.skipped + run.failed)),
                    ("unchanged", String(run.unchanged - run.alreadyDone)), ("already_done", String(run.alreadyDone)),
                    ("bytes_read", String(run.bytes)), ("findings", String(run.findings)),
                ])),
                ("problems", JSONText.object(t.problems.sorted { $0.key < $1.key }.map { ($0.key, String($0.value)) })),
            ]
        }
        return JSONText.object(pairs) + "\n"
    }

    /// Writes the JSON to `path` through a temporary file and a rename, so a monitor never
    /// reads half of it. Failing to write it is reported but does not change the exit code.
    func write(to path: String, report: String) {
        let text = json(report: report, finishedAt: Timestamp.now())
        let temporary = path + ".tmp-\(getpid())"
        do {
            try text.write(toFile: temporary, atomically: false, encoding: .utf8)
            guard rename(temporary, path) == 0 else { throw Fatal(message: String(cString: strerror(errno))) }
        } catch {
            unlink(temporary)
            printError("inventa: cannot write --summary-json \(path): \(error); check the folder exists and is writable")
        }
    }
}
