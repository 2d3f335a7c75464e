import Foundation
import Testing
import InventaDetection
@testable import InventaExtraction
import InventaModel

/// End to end through extraction and the standard detectors: the seeded personnummer is
/// found in every container format, with the location and member path a DPO would
/// need to open the right place.
@Suite struct VectorFindingTests {
    /// The bundled rules, with a fixed date so birth-date checks do not depend on the day the tests run.
    static let detection: Detection = {
        let rules = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Rules").path
        do {
            return try Detection.load(rulesDirectory: rules, options: EngineOptions(today: CivilDate(year: 2026, month: 11, day: 27)))
        } catch { fatalError("bundled rules: \(error)") }
    }()

    /// Personnummer findings (normalised to 12 digits) of a fixture.
    func findings(_ fixture: String) -> [Finding] {
        Fixture.extract(fixture).units.flatMap { VectorFindingTests.detection.detect($0) }
            .filter { $0.normalized.contains(Vector.pnrDigits) }
    }

    @Test(arguments: [
        ("docx/good/vector.docx", "line 2", []),
        ("docx/good/vector.docx", "footnotes, line 1", []),
        ("docx/nested/vector-in-zip-in-zip.zip", "line 2", ["inner.zip", "dokument/vector.docx"]),
        ("xlsx/good/vector.xlsx", "Blad1!C7", []),
        ("xlsx/good/vector.xlsx", "Blad1!D7", []),
        ("xlsx/good/vector.xlsx", "Personal data!B2", []),
        ("xlsx/nested/vector-in-zip.zip", "Blad1!C7", ["ekonomi/vector.xlsx"]),
        ("pptx/good/vector.pptx", "slide 2, line 2", []),
        ("odt/good/vector.odt", "line 3", []),
        ("ods/good/vector.ods", "Blad1!C7", []),
        ("odp/good/vector.odp", "slide 2, line 2", []),
        ("eml/good/plain-qp-latin1.eml", "body, line 2", []),
        ("eml/nested/with-attachment.eml", "line 2", ["bilaga.docx"]),
        ("mbox/good/box.mbox", "body, line 1", ["2"]),
        ("mbox/good/box.mbox", "line 2", ["3", "bilaga.docx"]),
        ("zip/good/archive.zip", "line 3", ["mapp/anteckning.txt"]),
        ("zip/nested/mixed.zip", "line 2", ["brev/with-attachment.eml", "bilaga.docx"]),
    ] as [(String, String, [String])])
    func personnummerIsFoundWhereItIs(fixture: String, location: String, member: [String]) {
        let found = findings(fixture)
        #expect(found.contains { SeededIdentityTests.place($0.location) == location && $0.member == member },
                "found: \(found.map { "\($0.member) \($0.location.description)" })")
    }
}
