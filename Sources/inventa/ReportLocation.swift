import ArgumentParser
import InventaPipeline
import InventaReport

/// `--report` and `--config` for the commands that read a report: the report (and the key
/// file, for searches) come from the option, else from the scan profile, else the default,
/// so a profile's paths never have to be repeated.
struct ReportLocation: ParsableArguments {
    @Option(name: .long, help: "Report file to read (default: the profile's report, else inventa-report.sqlite).")
    var report: String?

    @Option(name: .long, help: ArgumentHelp("Scan profile (TOML) whose report and key_file to use.", valueName: "file"))
    var config: String?

    func profile() throws -> ScanProfile? {
        guard let config else { return nil }
        do throws(ProfileError) { return try ScanProfile.load(path: config) } catch { throw Fatal(message: error.description) }
    }

    func reportPath() throws -> String {
        if let report { return report }
        return try profile()?.report ?? "inventa-report.sqlite"
    }

    /// The key file: `explicit`, else the profile's, else the default.
    func keyPath(explicit: String?) throws -> String {
        if let explicit { return explicit }
        return try profile()?.keyFile ?? KeyedHasher.defaultKeyPath
    }
}
