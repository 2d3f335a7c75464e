import ArgumentParser
import InventaPipeline
import InventaReport

/// `inventa subject PERSONNUMMER` / `inventa subject --name "Förnamn Efternamn"`: where does
/// this one person occur (registerutdrag, DSAR)? Normalises what is typed exactly as the
/// detectors do, hashes it with the same key, and looks the hash up: no cleartext needed.
struct SubjectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "subject",
        abstract: "Find every file and location where one person's personnummer or name occurs (registerutdrag).",
        discussion: """
            The personnummer may be written in any form: 10 or 12 digits, with '-', '+', a space or nothing. \
            The search uses keyed hashes, so it needs the key file the scans used. Output shows masked values only.
            """
    )

    @Argument(help: "The personnummer or samordningsnummer, e.g. 19900101-9802 or 900101+9802.")
    var personnummer: String?

    @Option(name: .long, help: "Search for a name instead, e.g. \"Anna Andersson\".")
    var name: String?

    @OptionGroup var location: ReportLocation

    @Option(name: .long, help: "Key file the scans used (default: the profile's key_file, else ~/.config/inventa/hmac.key, or $INVENTA_KEY_FILE).")
    var keyFile: String?

    @Option(name: .long, help: "Scan id to search (default: the latest scan).")
    var scan: Int64?

    @Option(name: .long, help: "Output format: table, csv or jsonl.")
    var format: OutputFormat = .table

    @OptionGroup var colorOption: ColorOption

    func validate() throws {
        guard (personnummer == nil) != (name == nil) else {
            throw ValidationError("give either a personnummer or --name \"Förnamn Efternamn\"")
        }
    }

    func run() throws {
        let normalized: String
        if let name {
            normalized = SubjectKey.name(name)
            guard normalized.contains(" ") else { throw ValidationError("--name needs a full name: first name and surname") }
        } else {
            switch SubjectKey.personnummer(personnummer ?? "") {
            case .success(let value): normalized = value
            case .failure(let error): throw ValidationError(error.description)
            }
        }
        Terminal.use(colorOption.color)
        let keyPath = try location.keyPath(explicit: keyFile)
        let report = try location.reportPath()
        do {
            let reader = try ReportReader(path: report, scanID: scan)
            let hasher = try KeyedHasher.load(path: keyPath)
            // A wrong key would answer "nobody" to a registerutdrag: refuse it instead.
            try reader.checkKey(hasher, keyPath: keyPath)
            let table = try reader.subject(hash: hasher.hash(normalized))
            print(format.render(table, style: TableStyle.forStdout()), terminator: "")
            if format == .table {
                let files = Set(table.rows.map { $0[1].display + "/" + $0[2].display }).count
                print("\(table.rows.count) occurrence(s) in \(files) file(s) (scan \(reader.scanID)).")
            }
        } catch {
            throw Fatal(message: error.description)
        }
    }
}
