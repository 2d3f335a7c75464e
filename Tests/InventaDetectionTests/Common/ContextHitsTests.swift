import Testing
@testable import InventaDetection

/// The keyword sets behind `ContextHits` (64 inline, more spilled) and the reach of a context
/// word (decision 0306), as tables with the value marked `«…»` and the word found `[…]`.
struct ContextHitsTests {
    @Test(arguments: [[Int](), [0], [3], [0, 1], [1, 5, 9], [2, 40, 63], [0, 63], [7, 64, 130], [200]])
    func keywordBitsKeepTheirMembers(_ indexes: [Int]) {
        var bits = KeywordBits()
        for index in indexes { bits.insert(index) }
        #expect(bits.indexes == indexes)
        #expect(bits.isEmpty == indexes.isEmpty)
        #expect(bits.count == indexes.count)
        for range in [0..<1, 0..<10, 5..<64, 60..<70, 64..<200, 0..<300] {
            #expect(bits.intersects(range) == indexes.contains(where: range.contains), "\(range)")
        }
    }

    @Test func findsWordsOnBothSides() {
        let matcher = ContextMatcher(words: ["tel", "telefon", "fax", "faktura"], before: 20, after: 20)
        let text = "Telefon: 0701740605 fax"
        let hits = Array(text.utf8).withUnsafeBufferPointer { matcher.findHits(in: $0, around: 9..<19) }
        #expect(Array(hits) == [1, 2])
        #expect(hits.reach(of: 1) == .label)
        #expect(hits.reach(of: 2) == .label)
        #expect(hits.nearestLabel == 1)
    }

    @Test("reach of a context word", arguments: [
        ("[pnr] «8304042388»", ContextHits.Reach.label),
        ("[Personnummer]: «8304042388»", .label),
        ("[Referensnummer] i ärendehanteringssystemet: «8304042388»", .label),
        ("«8304042388» ([pnr])", .label),
        ("[faktura] igen och uppgav «8304042388»", .near),
        ("[faktura] skickades i går till kunden som då uppgav «8304042388»", .far),
        ("[Tel] 070-174 06 05, pnr «8304042388»", .otherValue),
        ("«8304042388», [tel] 070-174 06 05", .otherValue),
        ("[Telefon]: 070-174 06 05\tPersonnummer: «8304042388»", .otherValue),
        ("[Telefon]: \tPersonnummer: «8304042388»", .otherValue),
        ("[Personnummer]\t«8304042388»", .label),
        ("[Personnummer]:\n«8304042388»", .label),
    ])
    func reach(_ marked: String, _ expected: ContextHits.Reach) throws {
        var bytes = Array(marked.utf8)
        func take(_ mark: String) -> Int? {
            let needle = Array(mark.utf8)
            guard let at = bytes.indices.first(where: { bytes[$0...].starts(with: needle) }) else { return nil }
            bytes.removeSubrange(at..<(at + needle.count))
            return at
        }
        // Remove the marks left to right, so each offset is in the final text.
        var marks: [(String, Int)] = []
        while let next = ["[", "]", "«", "»"].compactMap({ mark in
            bytes.indices.first(where: { bytes[$0...].starts(with: Array(mark.utf8)) }).map { (mark, $0) }
        }).min(by: { $0.1 < $1.1 }) {
            _ = take(next.0)
            marks.append((next.0, next.1))
        }
        let position = { (mark: String) in marks.first { $0.0 == mark }!.1 }
        let word = position("[")..<position("]")
        let value = position("«")..<position("»")
        let found = bytes.withUnsafeBufferPointer { ContextMatcher.reach(in: $0, value: value, word: word) }
        #expect(found.0 == expected, "\(found)")
    }
}
