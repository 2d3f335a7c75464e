import InventaDetection
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
}
