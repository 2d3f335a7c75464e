/// One token of a text as the name scanner sees it: a word, an initial (`P.`, `C-O.`),
/// a number, a compound (e-mail address, URL, file name) or one punctuation mark.
/// Offsets are UTF-8 byte offsets into the scanned text.
public struct NameToken: Sendable, Equatable {
    public enum Kind: UInt8, Sendable { case word, initial, number, compound, punct }

    public var start: Int
    /// End of the token as written (includes an initial's dot and a possessive apostrophe).
    public var end: Int
    /// End of the part looked up in the lexicon (a possessive `s`/apostrophe removed).
    public var coreEnd: Int
    public var kind: Kind
    public var flags: Flags
    /// FNV hash of the lower-cased core, the lexicon key.
    var lexiconHash: UInt64 = 0
    var lexicon: NameLexiconEntry = .none

    public struct Flags: OptionSet, Sendable, Equatable {
        public let rawValue: UInt16
        public init(rawValue: UInt16) { self.rawValue = rawValue }
        /// First letter is upper case.
        public static let capitalised = Flags(rawValue: 1 << 0)
        /// Two or more letters, all upper case (`SVENSSON`, `AB`).
        public static let allCaps = Flags(rawValue: 1 << 1)
        public static let sentenceInitial = Flags(rawValue: 1 << 2)
        public static let lineInitial = Flags(rawValue: 1 << 3)
        /// One line break (not a blank line) between this token and the previous one.
        public static let newlineBefore = Flags(rawValue: 1 << 4)
        public static let blankLineBefore = Flags(rawValue: 1 << 5)
        public static let hyphenated = Flags(rawValue: 1 << 6)
        /// `Lottas`, `Ruderfors’`: the lexicon form is without the genitive.
        public static let possessive = Flags(rawValue: 1 << 7)
        /// A lower-case name particle (af, von, van, de …).
        public static let particle = Flags(rawValue: 1 << 8)
        /// Upper case after lower case inside the word (`PricewaterhouseCoopers`).
        public static let innerCaps = Flags(rawValue: 1 << 9)
        public static let email = Flags(rawValue: 1 << 10)
        /// No whitespace between this token and the previous one.
        public static let attached = Flags(rawValue: 1 << 11)
        /// A surname seen earlier in the same text unit right after a listed first name.
        public static let documentConfirmed = Flags(rawValue: 1 << 12)
        /// A tab between this token and the previous one: a cell boundary in spreadsheet
        /// rows and TSV text (extractors join a row's cells with tabs), so never inside a name.
        public static let tabBefore = Flags(rawValue: 1 << 13)
        /// A digit OCR read for a letter between lower-case letters (`Bergstr0m`, `Sandstr6m`);
        /// the lexicon key reads it as the letter (0→o, 1→l, 5→s, 6→o).
        public static let ocrDigit = Flags(rawValue: 1 << 14)
    }

    /// Can start or continue a run of name tokens.
    var isNameLike: Bool {
        (kind == .word && flags.contains(.capitalised)) || kind == .initial
    }
}
