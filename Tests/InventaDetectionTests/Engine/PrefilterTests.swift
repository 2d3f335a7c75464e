@testable import InventaDetection
import InventaModel
import Testing

/// The keyword prefilter is asked lazily and looks near the candidate first; the answer must
/// still be "a keyword anywhere in the text unit". Bankgiro 5050-1055 is made up (Luhn digit computed).
@Suite struct PrefilterTests {
    static let filler = String(repeating: "Protokollet justerades utan anmärkningar. ", count: 30)

    static func bankgiro(in text: String) -> [String] {
        Bundled.detection.detect(text).filter { $0.category == .bankgiro }.map(\.value)
    }

    @Test func aKeywordFarFromTheNumberStillCounts() {
        // The keyword is more than a thousand bytes before the number: found by the pass over the whole unit.
        #expect(Self.bankgiro(in: "Betalas till bankgiro.\n" + Self.filler + "\n5050-1055") == ["5050-1055"])
        #expect(Self.bankgiro(in: "5050-1055\n" + Self.filler + "\nBetalas via BG.") == ["5050-1055"])
    }

    @Test func withoutAKeywordInTheUnitTheRuleDoesNotRun() {
        #expect(Self.bankgiro(in: Self.filler + "\n5050-1055").isEmpty)
    }

    /// The pass after the stretch near the candidate searches only the rest of the unit, reaching
    /// back into the stretch for a keyword across its edge: a keyword at every offset, inside,
    /// across either edge and outside, must give the whole-unit answer.
    @Test(arguments: [0, 100, 300, 600, 900])
    func theNearSearchGivesTheWholeUnitAnswer(_ candidateAt: Int) {
        let prefilter = Prefilter(keywords: [["bankgiro", "bg"]])
        for keyword in ["Bankgiro", "BG"] {
            for position in stride(from: 0, through: 1_000 - keyword.utf8.count, by: 1) {
                var bytes = [UInt8](repeating: UInt8(ascii: "x"), count: 1_000)
                bytes.replaceSubrange(position..<(position + keyword.utf8.count), with: Array(keyword.utf8))
                let span = candidateAt..<(candidateAt + 9)
                let (near, whole) = bytes.withUnsafeBufferPointer {
                    (prefilter.isActive(0, in: $0, near: span), prefilter.isActive(0, in: $0))
                }
                #expect(near == whole && whole, "keyword \(keyword) at \(position), candidate at \(candidateAt)")
            }
        }
        let none = [UInt8](repeating: UInt8(ascii: "x"), count: 1_000)
        #expect(!none.withUnsafeBufferPointer { prefilter.isActive(0, in: $0, near: candidateAt..<(candidateAt + 9)) })
    }
}
