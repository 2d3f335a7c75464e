import Foundation

/// What the shipped word lists say about one lower-cased word form.
struct NameLexiconEntry: Sendable, Equatable {
    /// SCB bearers of this tilltalsnamn (women and men summed), 0 when unlisted.
    var firstNameBearers: UInt32 = 0
    /// SCB surname count (top 1,000 list), 0 when unlisted.
    var surnameBearers: UInt32 = 0
    /// wordfreq Zipf × 10 of the lower-case form (0 = rarer than Zipf 2.5 or unknown).
    var zipf10: UInt8 = 0
    var flags: UInt8 = 0

    static let fakerFirst: UInt8 = 1
    static let fakerLast: UInt8 = 2
    static let place: UInt8 = 4
    static let organisation: UInt8 = 8
    static let calendar: UInt8 = 16
    /// Found only through the diacritic-folded form (e.g. `ostrom` → Öström).
    static let folded: UInt8 = 32

    static let none = NameLexiconEntry()

    var isFirstName: Bool { firstNameBearers > 0 || flags & Self.fakerFirst != 0 }
    var isSurname: Bool { surnameBearers > 0 || flags & Self.fakerLast != 0 }
    var isGazetteer: Bool { flags & (Self.place | Self.organisation | Self.calendar) != 0 }

    mutating func merge(_ other: NameLexiconEntry) {
        firstNameBearers = max(firstNameBearers, other.firstNameBearers)
        surnameBearers = max(surnameBearers, other.surnameBearers)
        zipf10 = max(zipf10, other.zipf10)
        flags |= other.flags
    }
}

/// First names, surnames, ordinary-word frequencies and non-person gazetteers
/// (places, agencies, calendar words), merged into one table keyed by the FNV hash
/// of the lower-cased word, so one lookup answers every list question for a token.
///
/// Loaded once from `Rules/datasets/` (see each folder's SOURCE.md for provenance and
/// licence) and immutable afterwards. Diacritic-folded forms are added as a fallback
/// for OCR-damaged text; they never override an exact form.
public struct NameLexicon: Sendable {
    let table: FlatTable<NameLexiconEntry>

    /// Dataset files relative to the rules directory.
    public static let files = (
        firstNames: "datasets/names-scb/tilltalsnamn.tsv",
        surnames: "datasets/names-scb/efternamn.tsv",
        fakerFirst: "datasets/names-faker-sv_SE/first_names.tsv",
        fakerLast: "datasets/names-faker-sv_SE/last_names.tsv",
        words: "datasets/wordfreq-sv/words.tsv",
        places: "datasets/name-gazetteers/places.txt",
        organisations: "datasets/name-gazetteers/organisations.txt",
        calendar: "datasets/name-gazetteers/calendar.txt"
    )

    public init(rulesDirectory: String) throws {
        var exact: [UInt64: NameLexiconEntry] = [:]
        var folded: [UInt64: NameLexiconEntry] = [:]
        func add(_ word: Substring, _ entry: NameLexiconEntry) {
            let lower = NameText.lowercased(String(word))
            guard !lower.isEmpty else { return }
            exact[FNV1a.hash(bytes: lower), default: .none].merge(entry)
            if lower.contains(0xC3) {
                var f = entry
                f.flags |= NameLexiconEntry.folded
                folded[FNV1a.foldedHash(bytes: lower), default: .none].merge(f)
            }
        }
        let dir = URL(fileURLWithPath: rulesDirectory)
        func lines(_ path: String) throws -> [Substring] {
            let url = dir.appendingPathComponent(path)
            do {
                let text = try String(contentsOf: url, encoding: .utf8)
                return text.split(whereSeparator: \.isNewline)
            } catch {
                throw NameDataError.unreadable(path: url.path, reason: "\(error.localizedDescription)")
            }
        }
        func columns(_ path: String, _ body: (Substring, Substring) -> Void) throws {
            for line in try lines(path).dropFirst() {
                let parts = line.split(separator: "\t", maxSplits: 1)
                guard parts.count == 2 else { continue }
                body(parts[0], parts[1])
            }
        }
        try columns(Self.files.firstNames) { name, count in
            add(name, NameLexiconEntry(firstNameBearers: UInt32(count) ?? 0))
        }
        try columns(Self.files.surnames) { name, count in
            add(name, NameLexiconEntry(surnameBearers: UInt32(count) ?? 0))
        }
        try columns(Self.files.fakerFirst) { name, _ in add(name, NameLexiconEntry(flags: NameLexiconEntry.fakerFirst)) }
        try columns(Self.files.fakerLast) { name, _ in add(name, NameLexiconEntry(flags: NameLexiconEntry.fakerLast)) }
        try columns(Self.files.words) { word, zipf in
            let z = (Double(zipf) ?? 0) * 10
            add(word, NameLexiconEntry(zipf10: UInt8(max(0, min(99, z.rounded())))))
        }
        // Gazetteers: every capitalised word of an entry counts (`Upplands Väsby` marks both).
        func gazetteer(_ path: String, _ flag: UInt8) throws {
            for line in try lines(path) {
                for word in line.split(separator: " ") where word.first?.isUppercase == true && word.count >= 3 {
                    add(word, NameLexiconEntry(flags: flag))
                }
            }
        }
        try gazetteer(Self.files.places, NameLexiconEntry.place)
        try gazetteer(Self.files.organisations, NameLexiconEntry.organisation)
        for line in try lines(Self.files.calendar) {
            for word in line.split(separator: " ") where word.count >= 3 {
                add(word, NameLexiconEntry(flags: NameLexiconEntry.calendar))
            }
        }
        for (key, entry) in folded where exact[key] == nil { exact[key] = entry }
        table = FlatTable(exact, empty: .none)
    }

    @inline(__always) func entry(hash: UInt64) -> NameLexiconEntry {
        table.lookup(hash) ?? .none
    }
}

/// A rules-directory file the name detector needs is missing or malformed.
public enum NameDataError: Error, CustomStringConvertible, Equatable {
    case unreadable(path: String, reason: String)
    case malformedModel(path: String, line: Int, reason: String)

    public var description: String {
        switch self {
        case let .unreadable(path, reason):
            return "cannot read name data \(path): \(reason). Check that the Rules directory is complete (re-install or run scripts/prepare-name-data)."
        case let .malformedModel(path, line, reason):
            return "name model \(path) line \(line): \(reason). Retrain with scripts/train-names or restore the shipped file."
        }
    }
}
