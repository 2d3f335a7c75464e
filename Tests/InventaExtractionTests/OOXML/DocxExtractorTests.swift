import Testing
@testable import InventaExtraction
import InventaModel

@Suite struct DocxExtractorTests {
    let extracted = Fixture.extract("docx/good/vector.docx")

    @Test func isSniffedAndScanned() {
        #expect(extracted.result.format == .docx)
        #expect(extracted.result.outcome == .scanned)
    }

    @Test(arguments: [
        // (text, part, paragraph line)
        (Vector.name, nil, 1), (Vector.pnr, nil, 2),
        ("Sekretess: \(Vector.name)", "header", 1), ("FOOTER-UNIQUE", "footer", 1), ("Fotnot \(Vector.pnr)", "footnotes", 1),
        ("ENDNOTE-UNIQUE", "endnotes", 1), ("Kommentar: \(Vector.address)", "comments", 1),
    ] as [(String, String?, Int)])
    func findsTheVectorInEveryPart(text: String, part: String?, line: Int) throws {
        let unit = try #require(extracted.units(containing: text).first { $0.location.part == part })
        #expect(Unpacked.line(of: text, in: unit) == line)
    }

    @Test func keepsInsertionsDropsDeletionsAndFieldCodes() {
        #expect(extracted.text.contains("Personnummer: \(Vector.pnr)\n"))
        #expect(!extracted.text.contains("RADERAD"))
        #expect(!extracted.text.contains("FIELDCODE"))
    }

    @Test func textBoxIsReadOnceAndBreaksKeepWordsApart() {
        #expect(extracted.text.components(separatedBy: "TEXTBOX-UNIQUE").count == 2)
        #expect(extracted.text.contains("Ord\tefter\nbrytning"))
        // The address sits in a two-cell table: a key–value row, the key its label.
        #expect(extracted.text.contains("Adress: \(Vector.address)"))
        #expect(extracted.cellUnits.contains { $0.location == Location(row: 1, column: 2, part: "table 1", header: "Adress")
                                               && Unpacked.owned($0) == Vector.address })
    }

    @Test func embeddedWorkbookIsAMember() {
        let embedded = ["word/embeddings/Microsoft_Excel_Worksheet.xlsx"]
        #expect(extracted.member(embedded)?.format == .xlsx)
        #expect(extracted.cellUnits.contains { $0.member == embedded && $0.location.cell == "C7" && Unpacked.owned($0) == Vector.pnrDigits })
    }

    @Test func billionLaughsDocumentIsHarmless() {
        let laughs = Fixture.extract("docx/corrupted/billion-laughs.docx")
        #expect(laughs.result.format == .docx)
        #expect(!laughs.text.contains("lollol"))
        #expect(laughs.text.utf8.count < 1000)
    }

    @Test func attachedToAMailIsFoundUnderItsMemberPath() {
        let mail = Fixture.extract("eml/nested/with-attachment.eml")
        #expect(mail.member(["bilaga.docx"])?.format == .docx)
        let unit = mail.units(containing: Vector.pnr).first { $0.location.part == nil }
        #expect(unit?.member == ["bilaga.docx"])
    }
}
