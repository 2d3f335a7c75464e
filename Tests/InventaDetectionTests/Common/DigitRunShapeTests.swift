@testable import InventaDetection
import InventaModel
import Testing

/// Each number matcher visits only the digit runs whose `DigitRunShape` it asked for. The shapes
/// must be supersets of what the matchers accept, or a number would silently go missing: every
/// builtin number matcher must give exactly the same candidates with routing as when it visits
/// every run, on texts built from the pieces its numbers are made of (digit groups of every
/// length, separators, `+46`, `SE`, `Box`, street words) in every order.
@Suite struct DigitRunShapeTests {
    static let numberMatchers = ["personnummer", "organisationsnummer", "phone", "iban", "bankgiro", "plusgiro",
                                 "bank_account", "payment_card", "address"]

    static let pieces: [String] = [
        "850101", "8501012382", "19850101", "198501012382", "2382", "556677", "5566778899", "165566778899", "0701",
        "070", "174", "06", "05", "08", "123", "45", "67", "1", "12", "4111", "1111", "411111111111111", "5000",
        "54588656201", "0085545", "2019", "04", "10", "7", "-", "-", "-", " ", " ", " ", "  ", "+", "+46 ", "(0)", "SE",
        "SE45 ", "GB", " 01", "Box ", "Storgatan ", "Vasa väg ", "lgh ", ", ", "kr", "\n", "\t", "/", ".", "Pnr ", "tel ",
        // Whole numbers of every kind (synthetic: Skatteverket test numbers, the fiction phone
        // range, made-up accounts with computed check digits), so each matcher has finds.
        "720107-9295", "19720118-9268", "140168-2396", "070-174 06 05", "0701740642", "+46 70 174 06 05",
        "5050-1055", "12 34 56-6", "5000-123 45 60", "4111 1111 1111 1111", "SE45 5000 0000 0583 9825 7466",
        "Björkvägen 12, 123 45 Farsta", "Box 123, 123 45 Farsta", "Storgatan 7 B", "559900-0006", "SE559900000601",
        // What registers and invoices put between them: dates, amounts, words before numbers
        // that end like street words, street words in capitals.
        "2021-03-05", "1 789 127,00", ",", "Resekostnad ", "Licens ", "Material ", "Sergels torg ", "Lindallé ",
        "ÅVÄGEN ", "Kungsplan ", "x", "1-", "12.", "0-5", "123 45 67-8", "4 12 34-5",
        "00", ",00 ", "0046 70 174 06 05", "004670", "(08) 123 45 67", "(0)", "5000 - 123 45 60", "5000, 1234560",
        "8327-9, 123 456 789-0", "2015: ", "2015 kr",
    ]

    /// Deterministic texts: 3–24 pieces each.
    static func texts(count: Int) -> [String] {
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        return (0..<count).map { _ in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let length = 3 + Int(state >> 59) % 22
            var text = ""
            for _ in 0..<length {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                text += pieces[Int(state >> 33) % pieces.count]
            }
            return text
        }
    }

    @Test(arguments: numberMatchers)
    func routingNeverChangesAMatchersCandidates(_ name: String) throws {
        let environment = BuiltinMatchers.Environment(rulesDirectory: Bundled.rulesDirectory, today: Bundled.today)
        let matcher = try #require(try BuiltinMatchers.make(name, environment: environment))
        var found = 0
        for text in Self.texts(count: 3_000) {
            var text = text
            text.withUTF8 { bytes in
                var routed: [Candidate] = []
                var everyRun: [Candidate] = []
                matcher.candidates(in: bytes, runs: DigitRunIndex(bytes)) { routed.append($0) }
                matcher.candidates(in: bytes, runs: DigitRunIndex(bytes, routing: false)) { everyRun.append($0) }
                #expect(routed == everyRun, "\(name) in \(String(decoding: bytes, as: UTF8.self))")
                found += everyRun.count
            }
        }
        // The texts must give each matcher something to find, or the comparison proves nothing.
        #expect(found > 20, "\(name) found only \(found) candidates")
    }
}
