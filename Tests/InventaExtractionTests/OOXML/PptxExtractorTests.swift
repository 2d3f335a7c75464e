import Testing
@testable import InventaExtraction
import InventaModel

@Suite struct PptxExtractorTests {
    let extracted = Fixture.extract("pptx/good/vector.pptx")

    @Test func slidesFollowPresentationOrderNotFileNames() {
        #expect(extracted.result.format == .pptx)
        #expect(extracted.unit(containing: "Agenda")?.location.slide == 1)
        #expect(extracted.unit(containing: Vector.pnr)?.location.slide == 2)
        #expect(extracted.unit(containing: Vector.name)?.location.slide == 2)
    }

    @Test func notesCarryTheirSlideAndPart() {
        let notes = extracted.unit(containing: Vector.address)
        #expect(notes?.location.slide == 1)
        #expect(notes?.location.part == "notes")
    }

    @Test func paragraphsAreLines() {
        #expect(extracted.text.contains("Ärende \(Vector.name)\nPersonnummer \(Vector.pnr)"))
    }

    @Test func truncatedPresentationFails() {
        #expect(Fixture.extract("pptx/corrupted/truncated.pptx").result.outcome.isFailed)
    }

    @Test func presentationInZip() {
        let nested = Fixture.extract("pptx/nested/vector-in-zip.zip")
        #expect(nested.units(containing: Vector.pnr).first?.member == ["vector.pptx"])
        #expect(nested.units(containing: Vector.pnr).first?.location.slide == 2)
    }
}
