import Testing
@testable import InventaExtraction
import InventaModel

/// Word 97–2003 documents written by LibreOffice (make-legacy-fixtures.py).
@Suite struct DocExtractorTests {
    let extracted = Fixture.extract("doc/good/libreoffice.doc")

    func units(part: String?) -> [TextUnit] { extracted.units.filter { $0.location.part == part } }

    @Test(arguments: [
        (nil as String?, "Utredning om \(Vector.name), personnummer \(Vector.pnr)."),
        (nil, "Adress: \(Vector.address)"),
        (nil, "Kontakt: tolvan.testsson@example.se eller 070-174 06 05."),   // hyperlink field: its result only
        (nil, "\(Vector.name)\t\(Vector.pnr)\t070-174 06 05"),             // a table row on one line
        ("header", "Sekretess: \(Vector.name) 19850209-2383"),
        ("header", "Handläggare nås på 08-465 004 12"),                     // footers share the header story
        ("footnotes", "Fotnot: tidigare personnummer 19850330-2385."),
        ("comments", "Kommentar: ring 070-174 06 05 före besöket."),
        ("textbox", "I rutan: 19850330-2385"),
    ])
    func storiesComeOutAsParts(part: String?, line: String) {
        #expect(extracted.result.outcome == .scanned)
        #expect(extracted.result.format == .doc)
        let lines = units(part: part).flatMap { $0.text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) } }
        #expect(lines.contains(line.trimmingCharacters(in: .whitespaces)), "\(lines)")
    }

    @Test func fieldCodesAreNotRead() {
        #expect(!extracted.text.contains("HYPERLINK"))
        #expect(!extracted.text.contains("mailto:"))
    }

    @Test func bodyLinesAreParagraphNumbers() throws {
        let unit = try #require(units(part: nil).first)
        #expect(Unpacked.line(of: "Adress:", in: unit) == 2)
    }

    @Test func renamedDocumentIsStillWord() {
        let renamed = Fixture.extract("doc/good/renamed.bin")
        #expect(renamed.result.format == .doc)
        #expect(renamed.text.contains(Vector.pnr))
    }

    @Test func passwordProtectedDocumentIsEncrypted() {
        let encrypted = Fixture.extract("doc/good/encrypted.doc")
        #expect(encrypted.result.format == .doc)
        #expect(encrypted.result.outcome == .skipped(.encrypted))
        #expect(encrypted.units.isEmpty)
    }

    @Test(arguments: ["doc/corrupted/truncated.doc", "doc/corrupted/sector-loop.doc", "doc/corrupted/chain-out-of-range.doc"])
    func damagedDocumentsFail(fixture: String) {
        let damaged = Fixture.extract(fixture)
        #expect(damaged.result.outcome.isFailed, "\(damaged.result.outcome)")
        #expect(damaged.result.format == .doc)
    }

    @Test func documentInAZipAndInAMail() {
        let zipped = Fixture.extract("doc/nested/in-zip.zip")
        #expect(zipped.member(["arkiv/bilaga.doc"])?.format == .doc)
        #expect(zipped.units.contains { $0.member == ["arkiv/bilaga.doc"] && Unpacked.owned($0).contains(Vector.pnr) })
        let mailed = Fixture.extract("doc/nested/attached.eml")
        #expect(mailed.member(["bilaga.doc"])?.outcome == .scanned)
        #expect(mailed.units.contains { $0.member == ["bilaga.doc"] && $0.location.part == "footnotes" })
    }

    @Test func tableCellsAndFieldsBecomeText() {
        var text = WordText(location: Location())
        var units: [TextUnit] = []
        let input = "A\u{7}B\u{7}\u{7}x \u{13} HYPERLINK \"mailto:a@b.se\" \u{14}a@b.se\u{15} y\u{13}PAGE\u{15}\r"
        text.add(Array(input.utf16), emit: { units.append($0) })
        text.finish(emit: { units.append($0) })
        #expect(units.map(\.text).joined() == "A\tB\t\nx a@b.se y\n")
    }
}
