@testable import InventaDetection
import InventaRules
import Testing

/// The phrase matcher's sweep (word starts eight bytes at a time, a first-bytes filter before the
/// trie walk) against expected spans at every alignment within a block, and against a naive
/// reference (every entry tried at every word start) over the bundled phrase lists.
@Suite struct PhraseSweepTests {
    static let phrases = ["diagnos*", "brott", "skyddad identitet", "ärftlig sjukdom", "hbtq*", "lss", "öra*",
                          "x", "i vård*", "å", "ab"]
    /// With entries of one and two bytes (`x`, `å`, `ab`) the start filter uses its pair table only.
    static let matcher = PhraseMatcher(lists: [(rule: 0, phrases: phrases)])
    /// Without them it tests the first four bytes (`lss` ends after three: every fourth byte passes).
    static let fourByteMatcher = PhraseMatcher(lists: [(rule: 0, phrases: phrases.filter { $0.utf8.count > 2 })])

    static func spans(_ matcher: PhraseMatcher, in text: [UInt8], active: [Bool] = [true]) -> [Range<Int>] {
        text.withUnsafeBufferPointer { matcher.matches(in: $0, active: active).map(\.span) }
    }

    static let examples = [
        "«brott»",                                   // the whole text, shorter than a block
        "«x»",
        "«å»",
        "«Å» och «X»",
        "«ab»",
        "«AB»\t\n cd «ab» abc «ab»",
        "abx xab «ab»-c",
        "«diagnos»",
        "Ställd «diagnos» i maj",
        "«DIAGNOSERNA» är klara",
        "ett «brott» mot",
        "abrott och brottslig",
        "«Skyddad\n   Identitet»!",
        "«ÄRFTLIG SJUKDOM» i släkten",
        "«Ärftlig sjukdom»",
        "Gruppen för «hbtq-personer» möts",
        "«hbtq»- och",
        "enligt\u{A0}«LSS»\u{A0}och",                // NBSP on both sides
        "«LSS»",
        "LSSX lssä älss",
        "«ÖRAT» gör ont",
        "snöras",
        "Citat: ”«diagnosen»” står",
        "–«brott»–",
        "«i vård», «I VÅRDEN» och «i  vårdnad»",
        "ivård «i vård»",
        "1234567.«brott»,1234567",
        "1234567 «brott» 12345678",
        "abcdefg «brott»",
        "abcdefgh «brott»",
        "ééééééé «brott» ééé «diagnos»",
        "«lss»",
        "«lss».",
        "«LSS» och «lss»\n«lSs»",
        "«i\nvård»",
        "«i\t\t vård»",
    ]

    @Test(arguments: examples)
    func spansAtEveryAlignment(example: String) {
        #expect(!Self.matcher.startFilter.usesQuads)
        Self.expectSpansAtEveryAlignment(Self.matcher, example)
    }

    /// The same examples without the short entries' matches, through the four-byte filter.
    @Test(arguments: examples.filter { !["«x»", "«X»", "«å»", "«Å»", "«ab»", "«AB»"].contains(where: $0.contains) })
    func spansAtEveryAlignmentFourByteFilter(example: String) {
        #expect(Self.fourByteMatcher.startFilter.usesQuads)
        Self.expectSpansAtEveryAlignment(Self.fourByteMatcher, example)
    }

    static func expectSpansAtEveryAlignment(_ matcher: PhraseMatcher, _ example: String) {
        let marked = MarkedText(example)
        // Letters before the padding keep a word from starting at offset 0 for the padded cases.
        for padding in [" ", ".", "é ", "\u{A0}"] {
            for count in 0..<9 {
                let prefix = Array(String(repeating: padding, count: count).utf8)
                let shift = prefix.count
                let text = prefix + Array(marked.text.utf8)
                let expected = marked.spans.map { ($0.lowerBound + shift)..<($0.upperBound + shift) }
                #expect(Self.spans(matcher, in: text) == expected, "\(count) × \(padding.debugDescription) + \(example)")
            }
        }
    }

    /// More matches than one batch of word starts holds: every one is found, in order.
    @Test(arguments: [0, 1, 5])
    func manyBatches(padding: Int) {
        let unit = "Brott och  i vård. lss, "
        let text = Array((String(repeating: "x", count: padding) + " " + String(repeating: unit, count: 700)).utf8)
        let spans = Self.spans(Self.fourByteMatcher, in: text)
        #expect(spans.count == 2_100)
        let values = Set(spans.map { String(decoding: text[$0], as: UTF8.self) })
        #expect(values == ["Brott", "i vård", "lss"])
        #expect(spans == spans.sorted { $0.lowerBound < $1.lowerBound })
    }

    /// Bundled phrase lists, generated texts: the matcher and the naive reference agree, for all
    /// rules active and for every other rule active.
    @Test func bundledPhrasesAgreeWithReference() throws {
        let rules = try RuleEngine.loadRules(directory: Bundled.rulesDirectory).rules
        var lists: [(rule: Int, phrases: [String])] = []
        for (index, rule) in rules.enumerated() {
            if case .phrases(let phrases, _) = rule.matcher { lists.append((index, phrases)) }
        }
        #expect(lists.count >= 5)
        let matcher = PhraseMatcher(lists: lists)
        #expect(matcher.startFilter.usesQuads)
        let reference = NaivePhrases(lists: lists)
        let all = [Bool](repeating: true, count: rules.count)
        let every = (0..<rules.count).map { $0 % 2 == 0 }
        let pieces = lists.flatMap(\.phrases).map { $0.replacingOccurrences(of: "*", with: "") }
        let glue = [" ", "  ", "\n", "-", ".", "\u{A0}", "–", "", "na", "erna", "ä", "X", "1", "é ", "\t "]
        var generator = SplitMix(seed: 2026)
        var matched = 0
        for _ in 0..<1_000 {
            var text = ""
            for _ in 0..<(1 + generator.next() % 6) {
                var piece = pieces[Int(generator.next() % UInt64(pieces.count))]
                switch generator.next() % 4 {
                case 0: piece = piece.uppercased()
                case 1: piece = String(piece.prefix(Int(generator.next() % UInt64(piece.count + 1))))
                default: break
                }
                text += glue[Int(generator.next() % UInt64(glue.count))] + piece
            }
            text += glue[Int(generator.next() % UInt64(glue.count))]
            let bytes = Array(text.utf8)
            let found = bytes.withUnsafeBufferPointer { matcher.matches(in: $0, active: all) }
            let expected = reference.matches(in: bytes, active: all)
            #expect(found.map { Pair($0.rule, $0.span) } == expected, "\(text.debugDescription)")
            let some = bytes.withUnsafeBufferPointer { matcher.matches(in: $0, active: every) }
            #expect(some.map { Pair($0.rule, $0.span) } == reference.matches(in: bytes, active: every), "\(text.debugDescription)")
            matched += found.count
        }
        #expect(matched > 500)  // the generated texts do exercise the matches
    }
}

private struct Pair: Equatable {
    var rule: Int
    var span: Range<Int>
    init(_ rule: Int, _ span: Range<Int>) { self.rule = rule; self.span = span }
}

/// The phrase semantics written out plainly: at every word start, every entry is compared byte
/// by byte (folded; one space in an entry matches a run of whitespace); an exact entry must end
/// at a word end, a `*` entry extends to the end of the word (across hyphens). Matches come in
/// the trie's order: by start, then by entry length in the text, then by entry order.
private struct NaivePhrases {
    let entries: [(bytes: [UInt8], isPrefix: Bool, rule: Int)]

    init(lists: [(rule: Int, phrases: [String])]) {
        entries = lists.flatMap { list in
            list.phrases.map { phrase in
                let isPrefix = phrase.hasSuffix("*")
                return (TextFolding.folded(isPrefix ? String(phrase.dropLast()) : phrase), isPrefix, list.rule)
            }
        }
    }

    func matches(in bytes: [UInt8], active: [Bool]) -> [Pair] {
        bytes.withUnsafeBufferPointer { text in
            var starts: [Int] = []
            WordStarts.forEachScalar(in: text) { starts.append($0) }
            var found: [Pair] = []
            for start in starts {
                var hits: [(consumed: Int, entry: Int, pair: Pair)] = []
                for (index, entry) in entries.enumerated() where !entry.bytes.isEmpty && active[entry.rule] {
                    guard let consumed = consume(entry.bytes, from: start, in: text) else { continue }
                    let end: Int
                    if entry.isPrefix {
                        end = wordEnd(from: consumed, in: text)
                    } else if TextFolding.isWordCharacter(at: consumed, in: text) {
                        continue
                    } else {
                        end = consumed
                    }
                    hits.append((consumed, index, Pair(entry.rule, start..<end)))
                }
                hits.sort { ($0.consumed, $0.entry) < ($1.consumed, $1.entry) }
                found += hits.map(\.pair)
            }
            return found
        }
    }

    private func consume(_ entry: [UInt8], from start: Int, in text: UnsafeBufferPointer<UInt8>) -> Int? {
        var position = start
        for byte in entry {
            guard position < text.count else { return nil }
            if byte == 0x20 {
                guard TextFolding.isSpace(text[position]) else { return nil }
                while position < text.count && TextFolding.isSpace(text[position]) { position += 1 }
            } else {
                guard !TextFolding.isSpace(text[position]) && TextFolding.fold(text[position]) == byte else { return nil }
                position += 1
            }
        }
        return position
    }

    private func wordEnd(from position: Int, in text: UnsafeBufferPointer<UInt8>) -> Int {
        var stop = position
        while stop < text.count {
            if TextFolding.isWordCharacter(at: stop, in: text) {
                stop += 1
                while stop < text.count && text[stop] & 0xC0 == 0x80 { stop += 1 }
            } else if text[stop] == UInt8(ascii: "-") && TextFolding.isWordCharacter(at: stop + 1, in: text) {
                stop += 1
            } else {
                break
            }
        }
        return stop
    }
}
