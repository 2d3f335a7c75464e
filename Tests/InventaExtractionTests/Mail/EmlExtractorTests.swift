import Testing
@testable import InventaExtraction
import InventaModel

@Suite struct EmlExtractorTests {
    @Test func plainMessageHeadersSubjectAndBody() throws {
        let mail = Fixture.extract("eml/good/plain-qp-latin1.eml")
        #expect(mail.result.format == .eml)
        #expect(mail.result.outcome == .scanned)
        #expect(mail.unit(containing: "Angående Tolvan Testsson")?.location.part == "subject")
        let header = try #require(mail.unit(containing: "From: \(Vector.name) <tolvan@example.invalid>"))
        #expect(header.location.part == "header")
        #expect(header.text.contains("To: Handläggare <kommun@example.invalid>"))
        let body = try #require(mail.unit(containing: Vector.pnr))
        #expect(body.location.part == "body")
        #expect(Unpacked.line(of: Vector.pnr, in: body) == 2)
        #expect(mail.text.contains("Adress: \(Vector.address)"))
    }

    @Test func htmlOnlyBodyIsReadAsText() {
        let mail = Fixture.extract("eml/good/html-only.eml")
        #expect(mail.text.contains("Namn: \(Vector.name)"))
        #expect(mail.text.contains(Vector.pnr))
        #expect(mail.text.contains(Vector.address))
        #expect(!mail.text.contains("color: red"))
        #expect(mail.units(containing: Vector.pnr).allSatisfy { $0.member.isEmpty })
    }

    @Test func attachmentsAreMembersAndAlternativesAreReadOnce() {
        let mail = Fixture.extract("eml/nested/with-attachment.eml")
        #expect(mail.result.outcome == .scanned)
        #expect(mail.result.members.map(\.member) == [["bilaga.docx"], ["bilaga.docx", "word/embeddings/Microsoft_Excel_Worksheet.xlsx"]])
        #expect(mail.text.contains("Se bifogad fil. Hälsningar"))
        #expect(!mail.text.contains("HTML-TWIN"))
        #expect(mail.units(containing: Vector.name).contains { $0.member == ["bilaga.docx"] })
    }

    @Test func forwardedMessageIsAMemberWithItsOwnHeaders() {
        let mail = Fixture.extract("eml/nested/forwarded.eml")
        #expect(mail.member(["part-1.eml"])?.format == .eml)
        #expect(mail.units(containing: Vector.pnr).contains { $0.member == ["part-1.eml"] && $0.location.part == "body" })
        #expect(mail.units(containing: "From: \(Vector.name)").contains { $0.member == ["part-1.eml"] && $0.location.part == "header" })
        #expect(mail.unit(containing: "Fwd: Angående")?.location.part == "subject")
    }

    @Test func truncatedMessageKeepsItsBodyAndFailsTheCutAttachment() {
        let mail = Fixture.extract("eml/corrupted/truncated.eml")
        #expect(mail.result.outcome == .scanned)
        #expect(mail.text.contains("Se bifogad fil"))
        #expect(mail.member(["bilaga.docx"])?.outcome.isFailed == true)
    }

    @Test func garbageNamedEmlFails() {
        let mail = Fixture.extract("eml/corrupted/garbage.eml")
        #expect(mail.result.outcome.isFailed)
        #expect(mail.units.isEmpty)
    }
}

@Suite struct MboxExtractorTests {
    let box = Fixture.extract("mbox/good/box.mbox")

    @Test func eachMessageIsAMemberNumberedFromOne() {
        #expect(box.result.format == .mbox)
        #expect(box.result.outcome == .scanned)
        #expect(box.result.members.map(\.member) == [["1"], ["2"], ["3"], ["3", "bilaga.docx"], ["3", "bilaga.docx", "word/embeddings/Microsoft_Excel_Worksheet.xlsx"]])
        #expect(box.result.members.prefix(3).allSatisfy { $0.format == .eml })
    }

    @Test func findsTheVectorInMessagesAndAttachments() {
        #expect(box.units(containing: Vector.pnr).contains { $0.member == ["2"] && $0.location.part == "body" })
        #expect(box.units(containing: Vector.pnr).contains { $0.member == ["3", "bilaga.docx"] })
        #expect(box.unit(containing: "Två")?.location.part == "subject")
    }

    @Test func fromQuotingIsUndone() {
        #expect(box.text.contains("\nFrom here the line was quoted."))
    }

    @Test func garbageBoxFails() {
        #expect(Fixture.extract("mbox/corrupted/garbage.mbox").result.outcome.isFailed)
    }
}

@Suite struct MailDecodingTests {
    @Test(arguments: [
        ("=?ISO-8859-1?Q?Ang=E5ende?= =?ISO-8859-1?Q?_Tolvan?=", "Angående Tolvan"),
        ("=?UTF-8?B?VG9sdmFuIFRlc3Rzc29u?= <t@example.invalid>", "Tolvan Testsson <t@example.invalid>"),
        ("Re: =?windows-1252?q?=96_svar?=", "Re: – svar"),
        ("plain text", "plain text"),
        ("=?broken", "=?broken"),
    ])
    func encodedWords(raw: String, decoded: String) {
        #expect(EncodedWord.decode(raw) == decoded)
    }

    @Test(arguments: [
        (#"attachment; filename="bilaga.docx""#, "bilaga.docx"),
        ("attachment; filename*=UTF-8''bil%C3%A4ga%20ett.docx", "biläga ett.docx"),
        ("attachment; filename*0=\"lång\"; filename*1=\"t.pdf\"", "långt.pdf"),
        (#"attachment; filename="=?UTF-8?Q?bil=C3=A4ga.pdf?=""#, "biläga.pdf"),
    ])
    func attachmentFileNames(field: String, name: String) {
        #expect(MIMEHeaders.parameter("filename", in: field) == name)
    }

    @Test func transferEncodings() {
        #expect(TransferDecoding.decode(Array("SGVq\r\nIGTl".utf8)[...], encoding: "base64") == Array("Hej d\u{E5}".unicodeScalars.map { UInt8($0.value) }))
        #expect(TransferDecoding.decode(Array("Bl=E5b=\r\n=E4r".utf8)[...], encoding: "Quoted-Printable") == [0x42, 0x6C, 0xE5, 0x62, 0xE4, 0x72])
    }

    @Test(arguments: [
        ("From: a@example.invalid\nTo: b@example.invalid\nSubject: x\n\nbody", FileFormat.eml),
        ("Received: from x\n\tby y\nMessage-ID: <1@x>\n\n", .eml),
        ("From a@example.invalid Mon Jan  1 10:00:00 2024\nFrom: a@example.invalid\nSubject: x\nDate: y\n\n", .mbox),
        ("Subject: mötesanteckningar\nDate: idag\n\nText", nil),
        ("From the desk of Tolvan\nHello", nil),
        ("Hej: hopp\nsvej", nil),
    ] as [(String, FileFormat?)])
    func mailIsSniffedByItsHeaders(head: String, format: FileFormat?) {
        #expect(MailSniffer.sniff(Array(head.utf8)) == format)
    }
}
