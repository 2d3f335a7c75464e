import Testing
@testable import InventaExtraction
import InventaModel

@Suite struct OpenDocumentTextTests {
    let extracted = Fixture.extract("odt/good/vector.odt")

    @Test func textDocumentKeepsWordsApartAndSkipsDeletions() {
        #expect(extracted.result.format == .odt)
        #expect(extracted.result.outcome == .scanned)
        #expect(extracted.text.contains("Namn: \(Vector.name)"))
        #expect(extracted.text.contains("Personnummer\t\(Vector.pnr)"))
        #expect(extracted.text.contains(Vector.address))
        #expect(!extracted.text.contains("RADERAD"))
    }

    @Test func bodyUnitsCarryParagraphLines() throws {
        let unit = try #require(extracted.units(containing: Vector.pnr).first { $0.location.part == nil })
        #expect(Unpacked.line(of: Vector.pnr, in: unit) == 3)
    }

    @Test func headerComesFromStyles() {
        #expect(extracted.unit(containing: "Sekretess \(Vector.name)")?.location.part == "header")
    }

    @Test func presentationPagesAreSlides() {
        let odp = Fixture.extract("odp/good/vector.odp")
        #expect(odp.result.format == .odp)
        #expect(odp.unit(containing: Vector.pnr)?.location.slide == 2)
        #expect(odp.unit(containing: Vector.address)?.location.slide == 1)
        #expect(odp.unit(containing: Vector.address)?.location.part == "notes")
        #expect(odp.unit(containing: "Agenda")?.location.slide == 1)
    }
}

@Suite struct OdsExtractorTests {
    let extracted = Fixture.extract("ods/good/vector.ods")

    @Test(arguments: [
        ("Blad1", "A1", "Namn"), ("Blad1", "D1", "Adress"),  // after two repeated empty cells
        ("Blad1", "A7", Vector.name),                          // after five repeated empty rows
        ("Blad1", "C7", Vector.pnrDigits), ("Blad1", "D7", Vector.address),
        ("Blad 2", "C1", Vector.pnrDigits),                    // number without display text: office:value
    ])
    func cellsHaveSheetAndReference(sheet: String, reference: String, text: String) {
        let unit = extracted.cellUnits.first { $0.location.sheet == sheet && $0.location.cell == reference }
        #expect(unit.map(Unpacked.owned) == text)
    }

    @Test func millionRepeatedEmptyRowsCostNothing() {
        #expect(extracted.result.format == .ods)
        #expect(extracted.cellUnits.count == 6) // cells
        #expect(extracted.units.count == 3) // rows
    }
}

@Suite struct OpenDocumentDamageTests {
    @Test(arguments: ["odt/corrupted/truncated.odt", "ods/corrupted/truncated.ods", "odp/corrupted/truncated.odp"])
    func truncatedFilesFail(fixture: String) {
        let extracted = Fixture.extract(fixture)
        #expect(extracted.result.outcome.isFailed, "\(extracted.result.outcome)")
    }

    @Test func passwordProtectedDocumentIsEncrypted() {
        let extracted = Fixture.extract("odt/corrupted/encrypted.odt")
        #expect(extracted.result.format == .odt)
        #expect(extracted.result.outcome == .skipped(.encrypted))
    }

    @Test(arguments: [("odt", FileFormat.odt), ("ods", .ods), ("odp", .odp)])
    func documentsInZipAreSniffedByTheirMimetype(kind: String, format: FileFormat) {
        let nested = Fixture.extract("\(kind)/nested/vector-in-zip.zip")
        #expect(nested.member(["vector.\(kind)"])?.format == format)
        #expect(nested.units.contains { $0.member == ["vector.\(kind)"] && Unpacked.owned($0).contains(kind == "ods" ? Vector.pnrDigits : Vector.pnr) })
    }
}
