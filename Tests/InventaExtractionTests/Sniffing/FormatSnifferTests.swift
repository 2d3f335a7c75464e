import Testing
@testable import InventaExtraction
import InventaModel

@Suite struct FormatSnifferTests {
    @Test(arguments: [
        ("%PDF-1.7\n%âãÏÓ", "x.dat", FileFormat.pdf),
        ("From scanner\r\n\r\n%PDF-1.4\n", "x.bin", .pdf),
        ("{\\rtf1\\ansi hej}", "brev.txt", .rtf),
        ("\n  {\\rtf1 hej}", "brev", .rtf),
        ("<!DOCTYPE html><html></html>", "x.pdf", .html),
        ("<?xml version=\"1.0\"?>\n<!-- c -->\n<html xmlns=\"http://www.w3.org/1999/xhtml\">", "x.xml", .html),
        ("  <HTML><BODY>", "x", .html),
        ("<p>stycke</p>", "x.txt", .html),
        ("Namn;Personnummer\n", "lista.csv", .csv),
        ("Namn\tPersonnummer\n", "lista.TSV", .csv),
        ("Namn;Personnummer\n", "lista.txt", .text),
        ("<note>xml</note>", "x.txt", .text),
        ("", "tom.csv", .text),
    ])
    func textFormats(head: String, name: String, expected: FileFormat) {
        #expect(FormatSniffer.sniff(head: Array(head.utf8), fileName: name) == expected)
    }

    @Test(arguments: [
        ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0], FileFormat.image),
        ([0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10], .image),
        (Array("GIF89a".utf8) + [1, 0], .image),
        ([0x49, 0x49, 0x2A, 0x00, 8, 0, 0, 0], .image),
        (Array("BM".utf8) + [0x36, 0x10, 0, 0, 0, 0, 0, 0] + [UInt8](repeating: 0, count: 20), .image),
        (Array("RIFF".utf8) + [0, 0, 0, 0] + Array("WEBP".utf8), .image),
        ([0, 0, 0, 0x18] + Array("ftypheic".utf8) + [0, 0, 0, 0], .image),
        ([0, 0, 0, 0x18] + Array("ftypmp42".utf8) + [0, 0, 0, 0], .binary),
        ([0x50, 0x4B, 0x03, 0x04, 0x14, 0], .zip),
        ([0x00, 0x01, 0x02, 0x03, 0x00, 0x00], .binary),
    ] as [([UInt8], FileFormat)])
    func binaryFormats(head: [UInt8], expected: FileFormat) {
        #expect(FormatSniffer.sniff(head: head, fileName: "x") == expected)
    }

    /// Legacy Office files are told apart by the stream names in their compound-file directory.
    @Test(arguments: [
        (["WordDocument", "1Table", "\u{5}SummaryInformation"], FileFormat.doc),
        (["Workbook", "\u{5}SummaryInformation"], .xls),
        (["Book"], .xls),
        (["PowerPoint Document", "Current User"], .ppt),
        (["__nameid_version1.0", "__substg1.0_0037001F", "__properties_version1.0"], .msg),
        (["VisioDocument"], .ole),
        (["a", "b", "c", "d", "e", "f", "WordDocument"], .doc),  // found in the directory's second sector
    ])
    func compoundFiles(streams: [String], expected: FileFormat) {
        let file = CompoundFileBuilder.make(streams: streams)
        let format = FormatSniffer.sniff(MemorySource(file), head: Array(file.prefix(FormatSniffer.headLength)), fileName: "x.dat")
        #expect(format == expected)
    }

    @Test func unsupportedFormatsAreSkippedWithTheirName() {
        let visio = CompoundFileBuilder.make(streams: ["VisioDocument"])
        #expect(Fixtures.extract(bytes: visio, name: "ritning.vsd").result.outcome == .skipped(.unsupported(format: "ole")))
        // A Word directory with an empty WordDocument stream is a damaged Word file, no longer "unsupported".
        let doc = CompoundFileBuilder.make(streams: ["WordDocument"])
        #expect(Fixtures.extract(bytes: doc, name: "gammal.doc").result.outcome == .failed("corrupt: doc: the WordDocument stream has no valid FIB"))
        // Images are read by OCR now (OCRExtractionTests); a phone's HEIF photo is not.
        let heif: [UInt8] = [0, 0, 0, 0x18] + Array("ftypheic".utf8) + [0, 0, 0, 0] + Array("mif1heic".utf8)
        #expect(Fixtures.extract(bytes: heif, name: "foto.heic").result.outcome == .skipped(.unsupported(format: "image")))
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0]
        #expect(Fixtures.extract(bytes: png, name: "foto.png").result.outcome == .failed("corrupt: image header could not be read (truncated or damaged)"))
    }

    /// A password-protected .docx/.xlsx/.pptx is a compound file with the encrypted package
    /// inside (MS-OFFCRYPTO): `encrypted`, named for its extension, not "unsupported".
    @Test(arguments: [
        ("lönelista.xlsx", FileFormat.xlsx), ("utredning.docx", .docx), ("bildspel.pptx", .pptx), ("okänd.dat", .ole),
    ])
    func encryptedOfficeOpenXMLIsEncrypted(name: String, format: FileFormat) {
        let file = CompoundFileBuilder.make(streams: ["\u{6}DataSpaces", "EncryptionInfo", "EncryptedPackage"])
        let extracted = Fixtures.extract(bytes: file, name: name)
        #expect(extracted.result.outcome == .skipped(.encrypted))
        #expect(extracted.result.format == format)
        #expect(extracted.units.isEmpty)
    }

    @Test func compoundFileWithOnlyEncryptionInfoIsNotCalledEncrypted() {
        let file = CompoundFileBuilder.make(streams: ["EncryptionInfo"])
        #expect(Fixtures.extract(bytes: file, name: "x.docx").result.outcome == .skipped(.unsupported(format: "ole")))
    }

    @Test func brokenCompoundFileIsStillRecognisedAsOLE() {
        var file = CompoundFileBuilder.make(streams: ["WordDocument"])
        file = Array(file.prefix(600)) // directory cut off
        let format = FormatSniffer.sniff(MemorySource(file), head: file, fileName: "x.doc")
        #expect(format == .ole)
    }
}

/// Builds a minimal, valid OLE2 compound file (512-byte sectors) whose directory lists `streams`.
enum CompoundFileBuilder {
    static func make(streams: [String]) -> [UInt8] {
        let entries = ["Root Entry"] + streams
        let directorySectors = (entries.count + 3) / 4
        // Sectors: 0 = FAT, 1... = directory chain.
        var file = [UInt8](repeating: 0, count: 512 * (2 + directorySectors))
        file.replaceSubrange(0..<8, with: CompoundFile.signature)
        put16(&file, 0x1A, 3)          // major version
        put16(&file, 0x1C, 0xFFFE)     // byte order
        put16(&file, 0x1E, 9)          // sector shift: 512
        put32(&file, 0x2C, 1)          // one FAT sector
        put32(&file, 0x30, 1)          // first directory sector
        put32(&file, 0x3C, 0xFFFF_FFFE) // no mini FAT
        put32(&file, 0x44, 0xFFFF_FFFE) // no DIFAT sectors
        for index in 0..<109 { put32(&file, 0x4C + index * 4, index == 0 ? 0 : 0xFFFF_FFFF) }
        let fat = 512
        put32(&file, fat, 0xFFFF_FFFD) // sector 0 is the FAT itself
        for sector in 1...directorySectors {
            put32(&file, fat + sector * 4, sector == directorySectors ? 0xFFFF_FFFE : UInt32(sector + 1))
        }
        for (index, name) in entries.enumerated() {
            let offset = 512 * 2 + index * 128
            let units = Array(name.utf16)
            for (i, unit) in units.enumerated() { put16(&file, offset + i * 2, unit) }
            put16(&file, offset + 0x40, UInt16((units.count + 1) * 2))
            file[offset + 0x42] = index == 0 ? 5 : 2
            // Siblings as a chain of right links, the root's child the first stream.
            put32(&file, offset + 0x44, 0xFFFF_FFFF)
            put32(&file, offset + 0x48, index > 0 && index + 1 < entries.count ? UInt32(index + 1) : 0xFFFF_FFFF)
            put32(&file, offset + 0x4C, index == 0 && entries.count > 1 ? 1 : 0xFFFF_FFFF)
        }
        return file
    }

    private static func put16(_ b: inout [UInt8], _ i: Int, _ v: UInt16) { b[i] = UInt8(v & 0xFF); b[i + 1] = UInt8(v >> 8) }
    private static func put32(_ b: inout [UInt8], _ i: Int, _ v: UInt32) {
        for k in 0..<4 { b[i + k] = UInt8((v >> (8 * UInt32(k))) & 0xFF) }
    }
}
