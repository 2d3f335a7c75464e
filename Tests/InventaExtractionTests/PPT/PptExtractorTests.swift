import Testing
@testable import InventaExtraction
import InventaModel

/// PowerPoint 97–2003 presentations written by LibreOffice (make-legacy-fixtures.py).
@Suite struct PptExtractorTests {
    let extracted = Fixture.extract("ppt/good/libreoffice.ppt")

    @Test(arguments: [
        ("Ärende \(Vector.name)", Location(slide: 1)),
        ("Personnummer \(Vector.pnr)", Location(slide: 2)),
        ("Telefon 070-174 06 05", Location(slide: 2)),
        ("Anteckning: 19850209-2383", Location(slide: 2, part: "notes")),
    ])
    func textComesOutBySlide(text: String, location: Location) {
        #expect(extracted.result.outcome == .scanned)
        #expect(extracted.result.format == .ppt)
        let found = extracted.units.filter { $0.text.contains(text) }
        #expect(!found.isEmpty, "\(extracted.units.map { ($0.text, $0.location.description) })")
        #expect(found.allSatisfy { $0.location == location }, "\(found.map(\.location.description))")
    }

    @Test func renamedPresentationIsStillPowerPoint() {
        #expect(Fixture.extract("ppt/good/renamed.bin").result.format == .ppt)
    }

    @Test(arguments: ["ppt/corrupted/truncated.ppt", "ppt/corrupted/sector-loop.ppt", "ppt/corrupted/chain-out-of-range.ppt"])
    func damagedPresentationsFail(fixture: String) {
        #expect(Fixture.extract(fixture).result.outcome.isFailed)
    }

    @Test func presentationInAZip() {
        let zipped = Fixture.extract("ppt/nested/in-zip.zip")
        #expect(zipped.units.contains { $0.member == ["arkiv/bilaga.ppt"] && $0.text.contains(Vector.pnr) && $0.location.slide == 2 })
    }
}
