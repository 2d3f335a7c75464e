import Foundation

/// The synthetic building blocks the generator draws from, loaded from the
/// datasets shipped in `Rules/datasets/` (each with its SOURCE.md):
/// Skatteverket's test personnummer and samordningsnummer (the only valid
/// identity numbers the corpus ever contains), first and last names, street
/// name prefixes and suffixes (streets are made up), and real postcodes with
/// their real towns. Nothing here describes a real person.
public struct CorpusDatasets: Sendable {
    public var personnummer: [String]
    public var samordningsnummer: [String]
    public var femaleNames: [String]
    public var maleNames: [String]
    public var lastNames: [String]
    public var streetPrefixes: [String]
    public var streetSuffixes: [String]
    /// (postcode as "186 03", town)
    public var postcodes: [(String, String)]

    /// Loads every list from `directory` (a `Rules/datasets` folder).
    public init(directory: String) throws(CorpusError) {
        func column(_ path: String, _ index: Int = 0) throws(CorpusError) -> [String] {
            try CorpusDatasets.rows(of: directory + "/" + path).compactMap { $0.count > index ? $0[index] : nil }
        }
        personnummer = try column("pnr-testdata/skatteverket_testpersonnummer.tsv")
        samordningsnummer = try column("pnr-testdata/skatteverket_testsamordningsnummer.tsv")
        femaleNames = try column("names-faker-sv_SE/first_names_female.tsv")
        maleNames = try column("names-faker-sv_SE/first_names_male.tsv")
        lastNames = try column("names-faker-sv_SE/last_names.tsv")
        streetPrefixes = try column("address-faker-sv_SE/street_prefixes.tsv")
        streetSuffixes = try column("address-faker-sv_SE/street_suffixes.tsv")
        postcodes = try CorpusDatasets.rows(of: directory + "/geo-geonames-postal-SE/SE_postal_codes.tsv")
            .filter { $0.count > 2 && !$0[1].isEmpty && !$0[2].isEmpty }
            .map { ($0[1], $0[2]) }
        let lists: [(String, Int)] = [("personnummer", personnummer.count), ("samordningsnummer", samordningsnummer.count),
                                     ("first names", femaleNames.count), ("last names", lastNames.count),
                                     ("street prefixes", streetPrefixes.count), ("postcodes", postcodes.count)]
        if let empty = lists.first(where: { $0.1 == 0 }) {
            throw CorpusError.datasets("\(empty.0) list in \(directory) is empty")
        }
    }

    /// Tab-separated rows without the header line.
    private static func rows(of path: String) throws(CorpusError) -> [[String]] {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw CorpusError.datasets("cannot read \(path)")
        }
        return text.split(separator: "\n").dropFirst().map { line in
            line.split(separator: "\t", omittingEmptySubsequences: false).map {
                String($0).trimmingCharacters(in: .whitespacesAndNewlines)
            }
        }
    }

    /// Finds `Rules/datasets`: `$INVENTA_DATASETS`, then next to the executable
    /// (`../share/inventa/datasets`), then upwards from the working directory.
    public static func locate(explicit: String? = nil) -> String? {
        if let explicit { return explicit }
        let fm = FileManager.default
        var candidates: [String] = []
        if let env = ProcessInfo.processInfo.environment["INVENTA_DATASETS"] { candidates.append(env) }
        let executable = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath().deletingLastPathComponent()
        candidates.append(executable.appendingPathComponent("../share/inventa/datasets").standardized.path)
        // Upwards from the working directory, then from the executable (a build inside the repository).
        for start in [URL(fileURLWithPath: fm.currentDirectoryPath), executable] {
            var directory = start
            for _ in 0..<8 {
                candidates.append(directory.appendingPathComponent("Rules/datasets").path)
                directory.deleteLastPathComponent()
            }
        }
        return candidates.first { fm.fileExists(atPath: $0 + "/pnr-testdata/skatteverket_testpersonnummer.tsv") }
    }
}

/// Why a corpus could not be generated or scored; one line saying what to do.
public enum CorpusError: Error, CustomStringConvertible {
    case datasets(String)
    case output(String)
    case truth(String)

    public var description: String {
        switch self {
        case .datasets(let why): return "corpus datasets: \(why) (run from the repository, or set INVENTA_DATASETS to its Rules/datasets)"
        case .output(let why): return "corpus output: \(why)"
        case .truth(let why): return "ground truth: \(why)"
        }
    }
}
