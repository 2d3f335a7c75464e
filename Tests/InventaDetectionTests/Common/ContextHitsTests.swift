import Testing
@testable import InventaDetection

/// The bit-set form (lists of up to 64 context words) and the array form (longer lists)
/// must answer alike: the scoring steps read count, positives, lowest, highest and the order.
struct ContextHitsTests {
    @Test(arguments: [
        ([Int](), 2), ([0], 1), ([3], 2), ([0, 1], 2), ([1, 5, 9], 6), ([2, 40, 63], 41), ([0, 63], 64), ([7, 8], 0),
    ])
    func bitsAndIndexesAgree(_ indexes: [Int], _ positiveCount: Int) {
        let bits = indexes.reduce(UInt64(0)) { $0 | (1 << UInt64($1)) }
        for hits in [ContextHits(bits: bits), ContextHits(indexes: indexes)] {
            #expect(Array(hits) == indexes)
            #expect(hits.isEmpty == indexes.isEmpty)
            #expect(hits.count == indexes.count)
            #expect(hits.count(below: positiveCount) == indexes.filter { $0 < positiveCount }.count)
            if let first = indexes.first, let last = indexes.last {
                #expect(hits.lowest == first)
                #expect(hits.highest == last)
            }
        }
    }

    @Test func findsWordsOnBothSidesAsBits() {
        let matcher = ContextMatcher(words: ["tel", "telefon", "fax", "faktura"], before: 20, after: 20)
        let text = "Telefon: 0701740605 fax"
        let span = 9..<19
        let hits = Array(text.utf8).withUnsafeBufferPointer { matcher.findHits(in: $0, around: span) }
        #expect(Array(hits) == [1, 2])
    }
}
