@testable import InventaDetection
import Testing

/// `containsAny` skips eight bytes at a time at the automaton's root when none of them can
/// start a keyword. The skip must never change the answer: compared here with a plain
/// case-folded substring search on many short texts built from the keywords' own letters,
/// so keywords and near misses fall on every offset and across every block edge.
@Suite struct ByteAutomatonTests {
    static let keywordSets: [[String]] = [
        ["kol"], ["@"], ["bankgiro", "bg"], ["konto", "clearing", "bank"], ["pg", "plusgiro", "postgiro"],
        ["åtal"],  // starts with a non-ASCII byte: no skipping, same answers
    ]

    /// A deterministic stream of texts over an alphabet of keyword letters, their capitals,
    /// spaces, digits and Å/å.
    static func texts(count: Int) -> [[UInt8]] {
        let alphabet = Array("kKoOlLbBgGaAnNpP@ t1-".utf8) + [0xC3, 0xA5, 0xC3, 0x85]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        var texts: [[UInt8]] = []
        for index in 0..<count {
            var text: [UInt8] = []
            for _ in 0..<(index % 41) {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                text.append(alphabet[Int(state >> 33) % alphabet.count])
            }
            texts.append(text)
        }
        return texts
    }

    static func reference(_ text: [UInt8], _ keywords: [[UInt8]]) -> Bool {
        let folded = text.map(TextFolding.fold)
        return keywords.contains { keyword in
            guard keyword.count <= folded.count else { return false }
            return (0...(folded.count - keyword.count)).contains { Array(folded[$0..<($0 + keyword.count)]) == keyword }
        }
    }

    @Test(arguments: keywordSets)
    func skippingGivesTheSameAnswerAsASubstringSearch(_ words: [String]) {
        let keywords = words.map(TextFolding.folded)
        let automaton = ByteAutomaton(patterns: keywords)
        for text in Self.texts(count: 4_000) {
            let found = text.withUnsafeBufferPointer { automaton.containsAny($0) }
            #expect(found == Self.reference(text, keywords), "\(words) in \(String(decoding: text, as: UTF8.self))")
        }
    }

    @Test(arguments: [0, 1, 7, 8, 9, 15, 16, 17, 63])
    func aKeywordAtAnyOffsetIsFound(_ offset: Int) {
        let automaton = ByteAutomaton(patterns: [TextFolding.folded("kol")])
        for keyword in ["kol", "KOL", "Kol"] {
            let text = Array(String(repeating: "x", count: offset).utf8) + Array(keyword.utf8) + Array("yyyyyyyyy".utf8)
            #expect(text.withUnsafeBufferPointer { automaton.containsAny($0) }, "\(keyword) at \(offset)")
        }
        let miss = Array(String(repeating: "ko ", count: offset + 3).utf8)
        #expect(!miss.withUnsafeBufferPointer { automaton.containsAny($0) })
    }
}
