import Testing
import InventaDetection
@testable import InventaExtraction
import InventaModel

/// Files written by LibreOffice itself (not hand-built XML), exported from the flat ODF
/// sources in Fixtures/libreoffice-sources: the vector must come out of real-world markup.
@Suite struct LibreOfficeFileTests {
    @Test(arguments: [
        ("docx/good/libreoffice.docx", FileFormat.docx, "line 3"),
        ("odt/good/libreoffice.odt", .odt, "line 3"),
        ("xlsx/good/libreoffice.xlsx", .xlsx, "Blad1!C7"),
        ("ods/good/libreoffice.ods", .ods, "Blad1!C7"),
        ("pptx/good/libreoffice.pptx", .pptx, "slide 2, line 2"),
        ("odp/good/libreoffice.odp", .odp, "slide 2, line 2"),
    ])
    func personnummerIsFound(fixture: String, format: FileFormat, location: String) {
        let extracted = Fixture.extract(fixture)
        #expect(extracted.result.format == format)
        #expect(extracted.result.outcome == .scanned)
        let found = extracted.units.flatMap { VectorFindingTests.detection.detect($0) }.filter { $0.normalized.contains(Vector.pnrDigits) }
        #expect(found.contains { SeededIdentityTests.place($0.location) == location }, "found at \(found.map(\.location.description))")
    }

    @Test(arguments: ["docx/good/libreoffice.docx", "odt/good/libreoffice.odt"])
    func wordProcessorPartsAreAllRead(fixture: String) {
        let extracted = Fixture.extract(fixture)
        #expect(extracted.unit(containing: "Sekretess \(Vector.name)")?.location.part == "header")
        #expect(extracted.text.contains("Fotnot om \(Vector.name)"))
        #expect(extracted.text.contains("Kommentar: Blåbärsvägen 12"))
        #expect(extracted.text.contains("Ord\tefter\nbrytning"))
    }

    @Test(arguments: ["pptx/good/libreoffice.pptx", "odp/good/libreoffice.odp"])
    func speakerNotesAreRead(fixture: String) {
        let notes = Fixture.extract(fixture).unit(containing: "Talaranteckning")
        #expect(notes?.location.slide == 1)
        #expect(notes?.location.part == "notes")
    }
}
