import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import ZIPFoundation
import InventaModel
@testable import InventaReport

/// XLSX and HTML exports: well-formed, one sheet per section, masked values only, no URLs.
@Suite struct ExportTests {
    static let cleartext = "850101-2382" // Skatteverket test number

    static func makeReport(storeValues: Bool = false) throws -> (String, ReportReader) {
        let dir = NSTemporaryDirectory() + "inventa-export-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let hasher = try KeyedHasher.loadOrCreate(path: dir + "/k.key")
        let writer = try ReportWriter(path: dir + "/r.sqlite", hasher: hasher,
                                      info: ScanInfo(roots: ["/srv/<share>"], options: [], toolVersion: "test", storeValues: storeValues))
        let pnr = Finding(category: .personnummer, value: cleartext, normalized: "198501012382", masked: "850101-****",
                          span: 0..<11, confidence: 0.95, level: .high, rule: "pnr", location: Location(line: 3), evidence: Evidence())
        let health = Finding(category: .health, value: "diabetes", normalized: "diabetes", masked: "d*******",
                             span: 20..<28, confidence: 0.8, level: .medium, rule: "health", evidence: Evidence())
        func file(_ path: String) -> FileRef {
            FileRef(pathBytes: Array(("/srv/<share>/" + path).utf8), root: "/srv/<share>", relativePath: path, size: 100,
                    mtime: 1_000_000_000, uid: 0)
        }
        writer.submit(FileEntry(result: FileResult(file: file("soc/akt & <beslut>.txt"), format: .text, outcome: .scanned,
                                                   findings: [pnr, health]), department: "Socialförvaltningen"))
        writer.submit(FileEntry(result: FileResult(file: file("trasig.pdf"), outcome: .failed("unreadable: Permission denied")),
                                department: "Okänd"))
        _ = try writer.finish()
        return (dir, try ReportReader(path: dir + "/r.sqlite"))
    }

    final class XMLCheck: NSObject, XMLParserDelegate {
        var texts: [String] = []
        func parser(_ parser: XMLParser, foundCharacters string: String) { texts.append(string) }
    }

    @Test func xlsxHasOneWellFormedSheetPerSection() throws {
        let (dir, reader) = try Self.makeReport()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let sheets = [XLSXWriter.Sheet(name: "Förvaltningar", table: try reader.departments().localized(.sv)),
                      XLSXWriter.Sheet(name: "Filer", table: try reader.files(filter: FileFilter())),
                      XLSXWriter.Sheet(name: "Fynd", table: try reader.findings())]
        let data = try XLSXWriter.workbook(sheets)
        let archive = try Archive(data: data, accessMode: .read)
        var parts: [String: String] = [:]
        for entry in archive {
            var bytes = Data()
            _ = try archive.extract(entry) { bytes.append($0) }
            parts[entry.path] = String(decoding: bytes, as: UTF8.self)
        }
        #expect(Set(parts.keys) == ["[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels",
                                    "xl/styles.xml", "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml", "xl/worksheets/sheet3.xml"])
        for (path, xml) in parts {
            let check = XMLCheck()
            let parser = XMLParser(data: Data(xml.utf8))
            parser.delegate = check
            #expect(parser.parse(), "\(path) is well-formed XML")
        }
        #expect(parts["xl/workbook.xml"]!.contains("<sheet name=\"Förvaltningar\" sheetId=\"1\""))
        let departments = parts["xl/worksheets/sheet1.xml"]!
        #expect(departments.contains("<t xml:space=\"preserve\">Förvaltning</t>"), "Swedish headings")
        #expect(departments.contains("Socialförvaltningen"))
        let files = parts["xl/worksheets/sheet2.xml"]!
        #expect(files.contains("soc/akt &amp; &lt;beslut&gt;.txt"))
        #expect(files.contains("<c r=\"J2\"><v>100</v></c>"), "sizes are numbers")
        let findings = parts["xl/worksheets/sheet3.xml"]!
        #expect(findings.contains("850101-****"))
        #expect(!findings.contains(Self.cleartext), "no cleartext without --store-values")
    }

    @Test(arguments: [(0, "A"), (25, "Z"), (26, "AA"), (701, "ZZ"), (702, "AAA")])
    func columnNames(index: Int, name: String) {
        #expect(XLSXWriter.column(index) == name)
    }

    @Test func sheetNamesFollowExcelRules() {
        #expect(XLSXWriter.uniqueNames(["a/b", "Filer", "filer", String(repeating: "x", count: 40)])
                == ["a_b", "Filer", "filer 2", String(repeating: "x", count: 31)])
    }

    @Test(arguments: [false, true])
    func htmlIsSelfContainedAndMasked(storeValues: Bool) throws {
        let (dir, reader) = try Self.makeReport(storeValues: storeValues)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for language in ReportLanguage.allCases {
            let html = try HTMLReport(language: language).render(reader)
            #expect(html.hasPrefix("<!DOCTYPE html>"))
            #expect(html.contains("<svg"))
            #expect(html.contains("Socialförvaltningen"))
            #expect(html.contains("soc/akt &amp; &lt;beslut&gt;.txt"), "paths are escaped")
            #expect(!html.contains(Self.cleartext) && !html.contains("diabetes"), "never a cleartext value")
            for forbidden in ["http://", "https://", "src=", "href=", "@import", "url("] {
                #expect(!html.contains(forbidden), "no external resource: \(forbidden)")
            }
            let warning = language.label("cleartext.warning")
            #expect(html.contains(warning) == storeValues)
        }
        #expect(try HTMLReport().render(reader).contains("Personuppgifter på filytor"), "Swedish by default")
    }
}

@Suite struct HTMLNoticeTests {
    /// A scan that did not complete says so at the top of the HTML report.
    @Test func unfinishedScanCarriesANotice() throws {
        let dir = NSTemporaryDirectory() + "inventa-notice-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let writer = try ReportWriter(path: dir + "/r.sqlite", hasher: try KeyedHasher.loadOrCreate(path: dir + "/k.key"),
                                      info: ScanInfo(roots: ["/srv"], options: [], toolVersion: "test", storeValues: false))
        _ = try writer.finish(interrupted: true)
        let html = try HTMLReport(language: .en).render(try ReportReader(path: dir + "/r.sqlite"))
        #expect(html.contains("The scan did not complete (interrupted)"))
    }

    /// A file named like a formula is exported inert: an inline string (text, never a formula)
    /// with the quote-prefix style, so even editing the cell in Excel keeps it text.
    @Test func xlsxKeepsFormulaLikeNamesAsText() throws {
        let name = #"=HYPERLINK("http://x","klicka").txt"#
        let table = ReportTable(columns: ["path", "findings"], rows: [[.text(name), .integer(-1)], [.text("vanlig.txt"), .integer(2)]])
        let archive = try Archive(data: try XLSXWriter.workbook([XLSXWriter.Sheet(name: "Filer", table: table)]), accessMode: .read)
        func part(_ path: String) throws -> String {
            var bytes = Data()
            _ = try archive.extract(try #require(archive[path])) { bytes.append($0) }
            return String(decoding: bytes, as: UTF8.self)
        }
        let sheet = try part("xl/worksheets/sheet1.xml")
        #expect(!sheet.contains("<f>"), "no formula element")
        #expect(sheet.contains(#"<c r="A2" t="inlineStr" s="2"><is><t xml:space="preserve">=HYPERLINK(&quot;http://x&quot;,&quot;klicka&quot;).txt</t>"#))
        #expect(sheet.contains(#"<c r="A3" t="inlineStr"><is>"#), "ordinary names keep the plain style")
        #expect(sheet.contains(#"<c r="B2"><v>-1</v></c>"#), "numbers stay numbers")
        #expect(try part("xl/styles.xml").contains(#"<cellXfs count="3">"#))
        #expect(try part("xl/styles.xml").contains(#"quotePrefix="1""#))
    }
}
