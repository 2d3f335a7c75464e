import Testing
@testable import InventaExtraction
import InventaModel

@Suite struct ZipExtractorTests {
    @Test func readsMembersWithTheirPaths() {
        let extracted = Fixture.extract("zip/good/archive.zip")
        #expect(extracted.result.format == .zip)
        #expect(extracted.result.outcome == .scanned)
        #expect(extracted.result.members.map(\.member) == [["mapp/anteckning.txt"]], "directory entries are not members")
        let unit = extracted.unit(containing: Vector.pnr)
        #expect(unit?.member == ["mapp/anteckning.txt"])
        #expect(unit.flatMap { Unpacked.line(of: Vector.pnr, in: $0) } == 3)
    }

    @Test func macOSMetadataMembersAreSkippedWithAReason() {
        let extracted = Fixture.extract("zip/good/macos-archive.zip")
        #expect(extracted.result.outcome == .scanned)
        #expect(extracted.member(["__MACOSX/mapp/._anteckning.txt"])?.outcome == .skipped(.macOSMetadata))
        #expect(extracted.member(["mapp/anteckning.txt"])?.outcome == .scanned)
        #expect(extracted.units.allSatisfy { $0.member == ["mapp/anteckning.txt"] })
        #expect(extracted.unit(containing: Vector.pnr) != nil)
    }

    @Test func documentInZipInZipKeepsTheWholeMemberPath() {
        let extracted = Fixture.extract("docx/nested/vector-in-zip-in-zip.zip")
        #expect(extracted.result.outcome == .scanned)
        #expect(extracted.member(["inner.zip"])?.format == .zip)
        #expect(extracted.member(["inner.zip", "dokument/vector.docx"])?.format == .docx)
        #expect(extracted.member(["inner.zip", "dokument/vector.docx"])?.outcome == .scanned)
        let units = extracted.units(containing: Vector.pnr)
        #expect(!units.isEmpty)
        #expect(units.contains { $0.member == ["inner.zip", "dokument/vector.docx"] })
        #expect(units.allSatisfy { $0.member.starts(with: ["inner.zip", "dokument/vector.docx"]) }) // or the workbook embedded in it
    }

    @Test func mailWithAttachmentInsideZip() {
        let extracted = Fixture.extract("zip/nested/mixed.zip")
        #expect(extracted.result.outcome == .scanned)
        #expect(extracted.member(["brev/with-attachment.eml"])?.format == .eml)
        #expect(extracted.member(["brev/with-attachment.eml", "bilaga.docx"])?.format == .docx)
        #expect(extracted.units(containing: Vector.pnr).contains { $0.member == ["brev/with-attachment.eml", "bilaga.docx"] })
        #expect(extracted.cellUnits.contains { $0.member == ["kalkyl.xlsx"] && $0.location.cell == "C7" && Unpacked.owned($0) == Vector.pnrDigits })
    }

    @Test(arguments: ["zip/corrupted/truncated.zip", "docx/corrupted/truncated.docx", "docx/corrupted/garbage.docx"])
    func damagedArchivesFailWithAReason(fixture: String) {
        let extracted = Fixture.extract(fixture)
        #expect(extracted.result.outcome.isFailed, "\(extracted.result.outcome)")
        #expect(extracted.result.outcome.reason?.hasPrefix("corrupt: zip") == true)
    }

    @Test func encryptedArchiveIsReportedEncrypted() {
        let extracted = Fixture.extract("zip/corrupted/encrypted.zip")
        #expect(extracted.result.outcome == .skipped(.encrypted))
        #expect(extracted.member(["mapp/anteckning.txt"])?.outcome == .skipped(.encrypted))
        #expect(extracted.units.isEmpty)
    }

    @Test func zipBombIsRefusedBeforeInflating() {
        let extracted = Fixture.extract("zip/nested/zip-bomb.zip")
        #expect(extracted.result.outcome.isPartial)
        #expect(extracted.result.outcome.reason?.contains("expand more than 100 times") == true)
        #expect(extracted.member(["nollor.txt"])?.outcome.reason?.hasPrefix("limit_exceeded") == true)
    }

    @Test func memberLyingAboutItsSizeIsStoppedWhileInflating() {
        let extracted = Fixture.extract("zip/corrupted/lying-size.zip")
        let member = extracted.member(["nollor.txt"])
        #expect(member?.outcome.isFailed == true)
        #expect(member?.outcome.reason?.contains("past its declared size") == true)
        #expect(extracted.units.isEmpty)
    }

    @Test func totalUncompressedBudgetStopsTheFile() {
        let extracted = Fixture.extract("zip/nested/mixed.zip", limits: ExtractionLimits(maxUncompressedBytes: 6_000))
        #expect(extracted.result.outcome.isPartial)
        #expect(extracted.result.outcome.reason?.contains("bytes decompressed") == true)
    }

    @Test func memberCountLimitStopsTheFile() {
        let extracted = Fixture.extract("zip/nested/mixed.zip", limits: ExtractionLimits(maxMembers: 2))
        #expect(extracted.result.outcome.reason == "limit_exceeded: more than 2 members in this file")
    }

    @Test func nestingDeeperThanTheLimitIsNotOpened() {
        let extracted = Fixture.extract("zip/nested/deep.zip")
        #expect(extracted.units.isEmpty)
        let deepest = extracted.member(["1.zip", "2.zip", "3.zip", "4.zip", "5.zip", "djup.txt"])
        #expect(deepest?.outcome.reason == "limit_exceeded: nesting deeper than 5")
        #expect(extracted.result.outcome.reason == "limit_exceeded: nesting deeper than 5", "the limit shows on the file itself")
        let shallow = Fixture.extract("zip/nested/deep.zip", limits: ExtractionLimits(maxDepth: 6))
        #expect(shallow.units(containing: Vector.pnr).first?.member.count == 6)
    }

    @Test(arguments: [
        ([UInt8]("Tolvan".utf8), "Tolvan"),
        ([0x41, 0x86, 0x84, 0x94], "Aåäö"), // CP437, as old Windows zip tools wrote Swedish names
    ])
    func memberNamesDecode(bytes: [UInt8], expected: String) {
        #expect(ZipArchive.decodeName(bytes[...], utf8: false) == expected)
    }
}
