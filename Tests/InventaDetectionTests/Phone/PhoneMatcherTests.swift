import Testing
import InventaModel
@testable import InventaDetection

/// Valid mobile numbers come only from PTS's fiction range 070-174 06 05…99. Landline
/// examples use made-up subscriber numbers (`123 45 67`, `12 34 56`) for illustration;
/// they are not anyone's known number.
struct PhoneMatcherTests {
    let matcher = PhoneMatcher(today: CivilDate(year: 2026, month: 11, day: 27))

    @Test(arguments: [
        "Ring mig på «070-174 06 05» i morgon.",
        "Mobil: «070 174 06 99»",
        "Mobil «0701740650».",
        "Mobil «070-1740622»",
        "Tel: «+46 70 174 06 99»",
        "Tel «+46 (0)70-174 06 05»",
        "Tel «+46701740605»",
        "Tel «0046 70 174 06 05»",
        "Växel «08-123 45 67», direkt «08-123 456 78».",
        "Göteborg «031-12 34 56»",
        "Kundtjänst «0771-12 34 56»",
        "Malmö «040 - 12 34 56»",
        "Sveg «0680-123 45»",
        "Tel «+46 8 123 45 67»",
        "Två nummer: «070-174 06 05», «070-174 06 06».",
        "Citat: ”«070-174 06 08»” – «070-174 06 09»–",
        "Ring «(08) 123 45 67» eller («0701740660»).",
        "Tel:\u{00A0}«070\u{00A0}174\u{00A0}06\u{00A0}10»",
        "Länk tel:«+46701740611»",
        // A mobile number that passes Luhn, written as a phone number, stays a phone number.
        "Ring «070-174 06 07»",
        // Look-alikes; the shared `CollisionCases` (except the mobile number) are appended.
        "Datum 08-12-2019",
        "Klockan 08.30-12.00",
        "Pris 0,50 kr",
        "Postnummer 123 45 Stockholm",
        "Pnr 070101-9804",
        "Fakturanr: 7201079295",
        "Ref 12-070-174 06 05",
        "Artikel A0701740605",
        "Nummer 071-123 45 67",
        "Kort 08-12",
        "Tel 070-174 06",
        "Nummer 00701740605",
        "+47 70 174 06 05",
    ] + CollisionCases.all(except: CollisionCases.mobilePassingLuhn))
    func finds(_ example: String) {
        let marked = MarkedText(example)
        #expect(candidates(of: matcher, in: marked.text).map(\.span) == marked.spans)
    }

    @Test(arguments: [
        ("070-174 06 05", "+46701740605", "070-*** ** 05"),
        ("+46 (0)70-174 06 05", "+46701740605", "+46 (0)70-*** ** 05"),
        ("0046 70 174 06 05", "+46701740605", "0046 70 *** ** 05"),
        ("08-123 45 67", "+4681234567", "08-*** ** 67"),
        ("0771-12 34 56", "+46771123456", "0771-** ** 56"),
    ])
    func normalisesAndMasks(_ value: String, _ normalized: String, _ masked: String) throws {
        let found = try #require(firstCandidate(of: matcher, in: "Tel \(value)."))
        #expect(found.value == value)
        #expect(found.normalized == normalized)
        #expect(found.masked == masked)
    }

    @Test func scoresByShape() throws {
        let grouped = try #require(firstCandidate(of: matcher, in: "070-174 06 05"))
        let service = try #require(firstCandidate(of: matcher, in: "0771-12 34 56"))
        #expect(grouped.baseScore > service.baseScore)
        #expect(service.tags == ["service_number"])
    }

    /// 0701740607 is also a valid samordningsnummer (Luhn, day 74 = 14 + 60): in one piece it
    /// is kept at a low score so that context decides; the personnummer wins without context.
    @Test func personnummerShapedRunIsWeak() throws {
        let found = try #require(firstCandidate(of: matcher, in: "0701740607"))
        #expect(found.tags.contains("personnummer_shaped"))
        #expect(found.baseScore <= 0.30)
        let testPerson = try #require(firstCandidate(of: matcher, in: "0701019804"))
        #expect(testPerson.tags.contains("personnummer_shaped"))
    }
}
