/// Words that make a street name: suffixes of compound street names (`Björk|vägen`), suffix
/// words that follow a name (`Vasa väg`, `Sergels torg`) and leading words (`Stora Nygatan`).
/// All lower-case UTF-8; comparisons lower-case the text with `ByteClass.lowered`.
enum StreetLexicon {
    /// Suffixes accepted at the end of a compound word or as a word of their own.
    static let suffixes: [[UInt8]] = [
        "gatan", "gata", "vägen", "väg", "gränd", "gränden", "stigen", "backen", "torget", "platsen", "allén",
        "allé", "leden", "stråket", "slingan", "kajen", "esplanaden", "promenaden", "plan", "terrassen", "udden",
        "kroken", "strand",
    ].map { Array($0.utf8) }

    /// Accepted only as a word of their own after a capitalised name: as compound endings they
    /// are too common in ordinary words (`parkeringsplats 12`, `vandringsled 3`).
    static let standaloneSuffixes: [[UInt8]] = [
        "torg", "plats", "backe", "stig", "led", "kaj",
    ].map { Array($0.utf8) }

    /// Left out on purpose because ordinary nouns end the same way: `-ringen` (förändringen),
    /// `-gången` (ingången), `-alle`/`-allen` (Kalle, sporthallen).
    /// Compound words ending in a suffix that are not streets (`detaljplan 12`).
    static let falseCompounds: [[UInt8]] = [
        "detaljplan", "översiktsplan", "handlingsplan", "åtgärdsplan", "vårdplan", "arbetsplan", "verksamhetsplan",
        "genomförandeplan", "stadsplan", "byggplan", "budgetplan", "tidplan", "projektplan", "planen", "lönegata",
    ].map { Array($0.utf8) }

    /// Words that may open a street name before the word with the suffix.
    static let leadingWords: [[UInt8]] = [
        "stora", "lilla", "norra", "södra", "östra", "västra", "gamla", "nya", "övre", "nedre", "sankt", "s:t",
    ].map { Array($0.utf8) }

    /// Classifies the word `text[word]` without copying it: does it end a street name, and is it
    /// only a suffix word (`väg` in `Vasa väg`)?
    static func classify(_ text: UnsafeBufferPointer<UInt8>, _ word: Range<Int>) -> (isStreet: Bool, standalone: Bool) {
        // Every suffix has at least three bytes, so its last two are the word's.
        guard word.count >= 3, mayEndStreetWord(text, at: word.upperBound - 1) else { return (false, false) }
        guard let suffix = flatSuffixes.first(in: text, word) else {
            return (flatStandalone.first(in: text, word, wholeWord: true) != nil, true)
        }
        if flatFalseCompounds.first(in: text, word) != nil { return (false, false) }
        // `-plan` streets are short (Stureplan, Odenplan); long `-plan` words are documents.
        if suffixes[suffix] == plan && word.count > 10 { return (false, false) }
        return (true, word.count == suffixes[suffix].count)
    }

    /// True when the two bytes ending at `position` (≥ 1) can end a street word: `classify`'s
    /// first test, also made for every number after a space before the word is found. Invoice and
    /// payroll lines put a number after every other word (`Resekostnad 2`, `Licens 12`); their
    /// last letter alone let a third of them through to the word lists.
    @inline(__always)
    static func mayEndStreetWord(_ text: UnsafeBufferPointer<UInt8>, at position: Int) -> Bool {
        isFinalPair(UInt16(lower(text, position)) << 8 | UInt16(lower(text, position - 1)))
    }

    /// The last two bytes of a suffix (`last << 8 | second to last`; every suffix has at least
    /// three). Written out as a switch, which needs no table behind a lazy global on the path
    /// of every number; `StreetLexiconTests` checks it against `suffixes` and `standaloneSuffixes`.
    @inline(__always)
    static func isFinalPair(_ pair: UInt16) -> Bool {
        switch pair {
        case 0x6E61, 0x6E65, 0x646E, 0x6EA9, // -an, -en, -nd, -én
             0x6174, 0x7465, 0x67A4, 0x6772, 0x6769, // -ta, -et, -äg, -rg, -ig
             0xA9C3, 0x7374, 0x656B, 0x6465, 0x6A61: // -é, -ts, -ke, -ed, -aj
            return true
        default:
            return false
        }
    }

    /// Length of the longest suffix `text[word]` ends with (0 for none).
    static func suffixLength(_ text: UnsafeBufferPointer<UInt8>, _ word: Range<Int>) -> Int {
        flatSuffixes.longest(in: text, word)
    }

    /// The word lists as one byte buffer with offsets: the tests run for every number after a
    /// word, and walking an array of arrays counted a reference for every element.
    private static let flatSuffixes = FlatWords(suffixes)
    private static let flatStandalone = FlatWords(standaloneSuffixes)
    private static let flatFalseCompounds = FlatWords(falseCompounds)

    struct FlatWords: Sendable {
        private let bytes: [UInt8]
        private let bounds: [Range<Int>]
        /// Per word: its last four bytes (fewer for shorter words) packed last byte lowest, and
        /// the mask of the packed bytes; a word's packed tail is compared first, in one step.
        private let tails: [UInt32]
        private let masks: [UInt32]

        init(_ words: [[UInt8]]) {
            var bytes: [UInt8] = []
            var bounds: [Range<Int>] = []
            var tails: [UInt32] = []
            var masks: [UInt32] = []
            for word in words {
                bounds.append(bytes.count..<(bytes.count + word.count))
                bytes += word
                var tail: UInt32 = 0
                for (shift, byte) in word.reversed().prefix(4).enumerated() { tail |= UInt32(byte) << UInt32(8 * shift) }
                tails.append(tail)
                masks.append(word.count >= 4 ? UInt32.max : (UInt32(1) << UInt32(8 * word.count)) - 1)
            }
            self.bytes = bytes
            self.bounds = bounds
            self.tails = tails
            self.masks = masks
        }

        /// The index of the first word `text[word]` ends with (or equals, with `wholeWord`).
        func first(in text: UnsafeBufferPointer<UInt8>, _ word: Range<Int>, wholeWord: Bool = false) -> Int? {
            let tail = StreetLexicon.loweredTail(text, word)
            return bytes.withUnsafeBufferPointer { bytes in
                bounds.withUnsafeBufferPointer { bounds in
                    for index in bounds.indices where tail & masks[index] == tails[index] {
                        let range = bounds[index]
                        if (!wholeWord || range.count == word.count) && StreetLexicon.endsWith(text, word, bytes, range) { return index }
                    }
                    return nil
                }
            }
        }

        /// The length of the longest word `text[word]` ends with, 0 for none.
        func longest(in text: UnsafeBufferPointer<UInt8>, _ word: Range<Int>) -> Int {
            let tail = StreetLexicon.loweredTail(text, word)
            return bytes.withUnsafeBufferPointer { bytes in
                bounds.withUnsafeBufferPointer { bounds in
                    var longest = 0
                    for index in bounds.indices where tail & masks[index] == tails[index] {
                        let range = bounds[index]
                        if range.count > longest && StreetLexicon.endsWith(text, word, bytes, range) { longest = range.count }
                    }
                    return longest
                }
            }
        }
    }

    /// The last four bytes of `text[word]` as `lower` gives them (fewer for a shorter word, the
    /// rest zero), packed like `FlatWords` tails.
    @inline(__always)
    fileprivate static func loweredTail(_ text: UnsafeBufferPointer<UInt8>, _ word: Range<Int>) -> UInt32 {
        var tail: UInt32 = 0
        var shift: UInt32 = 0
        var position = word.upperBound - 1
        while position >= word.lowerBound && shift < 32 {
            tail |= UInt32(lower(text, position)) << shift
            shift += 8
            position -= 1
        }
        return tail
    }

    /// True when `text[word]`, lower-cased, ends with `bytes[suffix]` of a flat list (lower-case
    /// UTF-8). Lower-casing (`ByteClass.lowered`) keeps byte lengths, so the comparison is byte by byte.
    @inline(__always)
    fileprivate static func endsWith(_ text: UnsafeBufferPointer<UInt8>, _ word: Range<Int>, _ bytes: UnsafeBufferPointer<UInt8>,
                                     _ suffix: Range<Int>) -> Bool {
        guard word.count >= suffix.count else { return false }
        let start = word.upperBound - suffix.count
        var offset = suffix.count - 1
        while offset >= 0 {
            if lower(text, start + offset) != bytes[suffix.lowerBound + offset] { return false }
            offset -= 1
        }
        return true
    }

    private static let plan = Array("plan".utf8)

    /// The byte at `position` as `ByteClass.lowered` would give it.
    @inline(__always) private static func lower(_ text: UnsafeBufferPointer<UInt8>, _ position: Int) -> UInt8 {
        let byte = text[position]
        if ByteClass.isUpper(byte) { return byte | 0x20 }
        if byte >= 0x80 && byte <= 0x9E && byte != 0x97 && position > 0 && text[position - 1] == 0xC3 { return byte + 0x20 }
        return byte
    }
}
