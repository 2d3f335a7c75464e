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

    /// Parses the word lists as bytes straight into the lookup table (see `DatasetBytes`
    /// for why no `String`s): start-up cost is paid by every `inventa` process.
    public init(rulesDirectory: String) throws {
        var loader = Loader(rulesDirectory: rulesDirectory)
        try loader.columns(Self.files.firstNames) { data, count in
            NameLexiconEntry(firstNameBearers: data.unsigned(count) ?? 0)
        }
        try loader.columns(Self.files.surnames) { data, count in
            NameLexiconEntry(surnameBearers: data.unsigned(count) ?? 0)
        }
        try loader.columns(Self.files.fakerFirst) { _, _ in NameLexiconEntry(flags: NameLexiconEntry.fakerFirst) }
        try loader.columns(Self.files.fakerLast) { _, _ in NameLexiconEntry(flags: NameLexiconEntry.fakerLast) }
        try loader.columns(Self.files.words) { data, zipf in
            let z = (data.double(zipf) ?? 0) * 10
            return NameLexiconEntry(zipf10: UInt8(max(0, min(99, z.rounded()))))
        }
        // Gazetteers: every capitalised word of an entry counts (`Upplands Väsby` marks both).
        try loader.words(Self.files.places) { word in
            word.first?.isUppercase == true && word.count >= 3 ? NameLexiconEntry(flags: NameLexiconEntry.place) : nil
        }
        try loader.words(Self.files.organisations) { word in
            word.first?.isUppercase == true && word.count >= 3 ? NameLexiconEntry(flags: NameLexiconEntry.organisation) : nil
        }
        try loader.words(Self.files.calendar) { word in
            word.count >= 3 ? NameLexiconEntry(flags: NameLexiconEntry.calendar) : nil
        }
        table = loader.finish()
    }

    /// Builds the exact-form and diacritic-folded tables while the files are read.
    private struct Loader {
        let directory: String
        var exact = FlatTable<NameLexiconEntry>.Builder(expectedCount: 110_000, empty: .none)
        var folded = FlatTable<NameLexiconEntry>.Builder(expectedCount: 8_192, empty: .none)
        /// Reused buffer for the lower-cased word being added.
        var lower = [UInt8](repeating: 0, count: 256)

        init(rulesDirectory: String) {
            directory = rulesDirectory.hasSuffix("/") ? rulesDirectory : rulesDirectory + "/"
        }

        func read(_ relativePath: String) throws -> DatasetBytes {
            let path = directory + relativePath
            guard let data = DatasetBytes(path: path) else {
                throw NameDataError.unreadable(path: path, reason: DatasetBytes.lastErrorDescription())
            }
            return data
        }

        /// A TSV file with a header line: the first column is the word, `entry` reads the rest.
        mutating func columns(_ relativePath: String, _ entry: (DatasetBytes, Range<Int>) -> NameLexiconEntry) throws {
            let data = try read(relativePath)
            var header = true
            data.bytes.withUnsafeBufferPointer { bytes in
                data.forEachLine { line, _ in
                    if header { header = false; return }
                    guard let (word, rest) = data.splitAtFirstTab(line) else { return }
                    add(UnsafeBufferPointer(rebasing: bytes[word]), entry(data, rest))
                }
            }
        }

        /// A word list with one entry per line; each space-separated word that `entry`
        /// accepts is added. These files are small (< 30 kB) and the test needs Unicode
        /// `Character` semantics, so this part stays on `String`.
        mutating func words(_ relativePath: String, _ entry: (Substring) -> NameLexiconEntry?) throws {
            let data = try read(relativePath)
            data.forEachLine { line, _ in
                let text = String(decoding: data.bytes[line], as: UTF8.self)
                for word in text.split(separator: " ") {
                    guard let e = entry(word) else { continue }
                    let bytes = Array(word.utf8)
                    bytes.withUnsafeBufferPointer { add($0, e) }
                }
            }
        }

        /// Merges `entry` under the lower-cased word, and under its folded form when it has
        /// Latin-1 letters (`åsa` also as `asa`).
        mutating func add(_ word: UnsafeBufferPointer<UInt8>, _ entry: NameLexiconEntry) {
            guard !word.isEmpty else { return }
            if lower.count < word.count { lower = [UInt8](repeating: 0, count: word.count) }
            let (hash, foldedHash): (UInt64, UInt64?) = lower.withUnsafeMutableBufferPointer { buffer in
                let out = UnsafeMutableBufferPointer(rebasing: buffer[0..<word.count])
                NameText.lowercase(word, into: out)
                let lowered = UnsafeBufferPointer(out)
                let folded = lowered.contains(0xC3) ? FNV1a.foldedHash(bytes: lowered) : nil
                return (FNV1a.hash(bytes: lowered), folded)
            }
            exact.update(hash) { $0.merge(entry) }
            if let foldedHash {
                var f = entry
                f.flags |= NameLexiconEntry.folded
                folded.update(foldedHash) { $0.merge(f) }
            }
        }

        /// Folded forms only fill gaps: they never override an exact form.
        mutating func finish() -> FlatTable<NameLexiconEntry> {
            var result = exact
            folded.forEach { key, entry in
                if !result.contains(key) { result.update(key) { $0 = entry } }
            }
            return result.build()
        }
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
