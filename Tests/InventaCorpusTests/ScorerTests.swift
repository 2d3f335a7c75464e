import InventaModel
import Testing
@testable import InventaCorpus

/// Precision, recall and F1 on a hand-made truth and findings table.
@Suite struct ScorerTests {
    static let truth = GroundTruth(
        files: [
            .init(path: "a.txt", format: "text", docType: "case_note", hasPersonalData: true, expectedRisk: "high"),
            .init(path: "b.zip", format: "zip", docType: "archive", hasPersonalData: true, expectedRisk: "medium"),
            .init(path: "b.zip!c.csv", format: "csv", docType: "class_list", hasPersonalData: true, expectedRisk: "medium"),
        ],
        entities: [
            .init(path: "a.txt", category: "personnummer", value: "800101-2382", count: 2),
            .init(path: "a.txt", category: "personnummer", value: "19121212-1212", count: 1),
            .init(path: "a.txt", category: "name", value: "Svensson, Anna", count: 1),
            .init(path: "a.txt", category: "address", value: "Björkvägen 12", count: 1),
            .init(path: "b.zip!c.csv", category: "personnummer", value: "201001012383", count: 1),
            .init(path: "b.zip!c.csv", category: "phone", value: "+46 70 174 06 05", count: 1),
            // No detector reports IBANs here: not counted in format recall.
            .init(path: "b.zip!c.csv", category: "iban", value: "SE45 5000 0000 0583 9825 7466", count: 1),
        ])

    static let findings: [ReportedFinding] = [
        // Found, in another written form.
        .init(path: "a.txt", category: "personnummer", value: "198001012382"),
        // The same value twice counts once.
        .init(path: "a.txt", category: "personnummer", value: "800101-2382"),
        // A false positive.
        .init(path: "a.txt", category: "personnummer", value: "550101-1234"),
        // Right value, wrong file: a false positive and no hit.
        .init(path: "b.zip!c.csv", category: "personnummer", value: "19121212-1212"),
        // Name in another order; a part of the name is not a false positive.
        .init(path: "a.txt", category: "name", value: "Anna Svensson"),
        .init(path: "a.txt", category: "name", value: "Anna"),
        // Address with postcode and town contains the gold street line.
        .init(path: "a.txt", category: "address", value: "BJÖRKVÄGEN 12, 186 03 Brottby"),
        // Phone in domestic form.
        .init(path: "b.zip!c.csv", category: "phone", value: "070-174 06 05"),
    ]

    @Test func categoryScores() throws {
        let scores = Scorer.score(truth: Self.truth, findings: Self.findings, files: [])
        let pnr = try #require(scores.category(.personnummer))
        #expect(pnr.gold == 3 && pnr.found == 1 && pnr.findings == 3 && pnr.correct == 1)
        #expect(abs(pnr.precision - 1.0 / 3) < 1e-9 && abs(pnr.recall - 1.0 / 3) < 1e-9)
        #expect(abs(pnr.f1 - 1.0 / 3) < 1e-9)
        let name = try #require(scores.category(.name))
        #expect(name.gold == 1 && name.found == 1 && name.findings == 2 && name.correct == 2)
        #expect(scores.category(.address)?.found == 1 && scores.category(.address)?.correct == 1)
        #expect(scores.category(.phone)?.f1 == 1)
        #expect(scores.category(.email)?.status == "no gold, no findings")
        #expect(scores.category(.phone)?.status == "scored")
    }

    @Test func formatRecallAndRisk() {
        let files: [ReportedFile] = [
            .init(path: "a.txt", format: "text", status: "scanned", reason: nil, risk: "high"),
            .init(path: "b.zip", format: "zip", status: "scanned", reason: nil, risk: "low"),
            .init(path: "d.pdf", format: "pdf", status: "failed", reason: "damaged", risk: "none"),
        ]
        let scores = Scorer.score(truth: Self.truth, findings: Self.findings, files: files)
        // Only categories with findings count: the IBAN in c.csv does not.
        #expect(scores.formats["text"]?.gold == 4 && scores.formats["text"]?.found == 3)
        #expect(scores.formats["csv"]?.gold == 2 && scores.formats["csv"]?.found == 1)
        #expect(scores.risk.files == 3 && scores.risk.correct == 1 && scores.risk.missing == 1)
        #expect(scores.risk.confusion["medium→low"] == 1)
        #expect(scores.problems == ["failed: damaged": 1])
    }

    @Test func floors() {
        let scores = Scorer.score(truth: Self.truth, findings: Self.findings, files: [])
        #expect(scores.unmet(floors: [(.phone, 0.9)]).isEmpty)
        #expect(scores.unmet(floors: [(.personnummer, 0.5)]).count == 1)
        #expect(scores.unmet(floors: [(.iban, 0.1)]).first?.contains("no findings") == true)
        #expect(scores.unmet(floors: [(.email, 0.1)]).first?.contains("no gold") == true)
        #expect(scores.category(.iban)?.status == "not detected (no detector yet?)")
        #expect(scores.unmet(floors: [(.address, 0.1)]).isEmpty)
    }

    @Test(arguments: [
        (Category.personnummer, "19800101-2382", "8001012382"),
        (.phone, "+46 70 174 06 05", "0701740605"),
        (.name, "SVENSSON, Anna", "svensson anna"),
        (.iban, "se45 5000 0000 0583", "SE45500000000583"),
        (.email, "<Anna@Example.com>", "anna@example.com"),
    ])
    func normalisation(category: Category, value: String, expected: String) {
        #expect(Normalizer.normalize(value, category: category) == expected)
    }
}
