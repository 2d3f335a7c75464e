import Testing
@testable import InventaExtraction
import InventaModel

/// Outlook messages built to MS-OXMSG by make-msg-fixtures.py (checked there with olefile/extract-msg).
@Suite struct MsgExtractorTests {
    let extracted = Fixture.extract("msg/good/plain.msg")

    @Test func headerNamesSenderAndRecipients() throws {
        #expect(extracted.result.format == .msg)
        #expect(extracted.result.outcome == .scanned)
        let header = try #require(extracted.units.first { $0.location.part == "header" && $0.member.isEmpty })
        #expect(header.text == """
            From: Handläggare Hansson <handlaggare@example.se>
            To: \(Vector.name) <tolvan.testsson@example.se>
            Cc: Kopia Testsson <kopia@example.se>

            """)
        #expect(header.location.line == 1)
    }

    @Test func subjectAndPlainBody() throws {
        let subject = try #require(extracted.units.first { $0.location.part == "subject" && $0.member.isEmpty })
        #expect(subject.text == "Ärende \(Vector.name)")
        let body = try #require(extracted.units.first { $0.location.part == "body" && $0.member.isEmpty })
        #expect(body.text.contains("personnummer \(Vector.pnr)."))
    }

    @Test func attachmentsAreMembers() throws {
        #expect(extracted.member(["bilaga.docx"])?.format == .docx)
        #expect(extracted.member(["bilaga.docx"])?.outcome == .scanned)
        #expect(extracted.units.contains { $0.member == ["bilaga.docx"] && Unpacked.owned($0).contains(Vector.pnr) })
    }

    @Test func attachedMessageIsAMemberMessage() throws {
        #expect(extracted.member(["Vidarebefordrat.msg"])?.format == .msg)
        #expect(extracted.member(["Vidarebefordrat.msg"])?.outcome == .scanned)
        let body = try #require(extracted.units.first { $0.member == ["Vidarebefordrat.msg"] && $0.location.part == "body" })
        #expect(body.text.contains("gäller 19850330-2385."))
        #expect(extracted.units.contains { $0.member == ["Vidarebefordrat.msg"] && $0.text == "Vidarebefordrat ärende" })
    }

    @Test func rtfBodyIsDecompressedAndRead() throws {
        let rtf = Fixture.extract("msg/good/rtf-only.msg")
        #expect(rtf.result.outcome == .scanned)
        let body = try #require(rtf.units.first { $0.location.part == "body" })
        #expect(body.text.contains("Anteckning om \(Vector.name), personnummer 19850209-2383."))
    }

    @Test func htmlBodyIsRead() throws {
        let html = Fixture.extract("msg/good/html-only.msg")
        let body = try #require(html.units.first { $0.location.part == "body" })
        #expect(body.text.contains("19850330-2385"))
        #expect(!body.text.contains("<b>"))
    }

    @Test(arguments: ["msg/corrupted/truncated.msg", "msg/corrupted/sector-loop.msg"])
    func damagedMessages(fixture: String) {
        let damaged = Fixture.extract(fixture)
        #expect(damaged.result.format == .msg)
        // A broken attachment fails that member, not the message; a cut directory fails the message.
        let failedSomewhere = damaged.result.outcome.isFailed || damaged.result.members.contains { $0.outcome.isFailed }
        #expect(failedSomewhere, "\(damaged.result.outcome) \(damaged.result.members)")
    }

    @Test func messageInAZip() {
        let zipped = Fixture.extract("msg/nested/in-zip.zip")
        #expect(zipped.member(["post/ärende.msg"])?.format == .msg)
        #expect(zipped.member(["post/ärende.msg", "bilaga.docx"])?.format == .docx)
        #expect(zipped.units.contains { $0.member == ["post/ärende.msg", "Vidarebefordrat.msg"] && $0.text.contains("19850330-2385") })
    }

    @Test func compressedRTFReferencesCopyFromTheDictionary() {
        // Control byte 0x02: a literal "A", then the reference 0x0001 (offset 0, length 1 + 2):
        // the prologue's first three bytes `{\r`. The raw size (4) ends the output there.
        let body: [UInt8] = [0x02, 0x41, 0x00, 0x01]
        let header = CompoundFileWriter.le32(UInt32(body.count + 12)) + CompoundFileWriter.le32(4)
            + CompoundFileWriter.le32(0x7546_5A4C) + CompoundFileWriter.le32(0)
        let out = CompressedRTF.decompress(header + body, limit: 100)
        #expect(out.map { Array($0.prefix(4)) } == Array("A{\\r".utf8))
    }
}
