import Foundation
import Testing
import InventaModel
@testable import InventaReport

/// OCR page counts reach the report (schema v3): each file's own row keeps pages read,
/// left unread by the budget and too poor to trust; `summary` totals them with the files
/// that still need OCR; `problems` lists a scan too poor to trust although it was scanned.
@Suite struct OCRCountsReportTests {
    static func makeReport() throws -> (String, ReportReader) {
        let dir = NSTemporaryDirectory() + "inventa-ocr-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let hasher = try KeyedHasher.loadOrCreate(path: dir + "/k.key")
        let writer = try ReportWriter(path: dir + "/r.sqlite", hasher: hasher,
                                      info: ScanInfo(roots: ["/srv"], options: [], toolVersion: "test", storeValues: false))
        func file(_ path: String) -> FileRef {
            FileRef(pathBytes: Array(("/srv/" + path).utf8), root: "/srv", relativePath: path, size: 100, mtime: 1_000_000_000)
        }
        func entry(_ path: String, _ format: FileFormat?, _ outcome: Outcome, ocr: OCRCounts,
                   members: [MemberResult] = []) -> FileEntry {
            var result = FileResult(file: file(path), format: format, outcome: outcome, members: members)
            result.ocr = ocr
            return FileEntry(result: result, department: "Okänd")
        }
        // A zip of two scans: the file's row carries both pages, the members none.
        writer.submit(entry("inskannat.zip", .zip, .scanned, ocr: OCRCounts(pages: 2),
                            members: [MemberResult(member: ["a.png"], format: .image, outcome: .scanned),
                                      MemberResult(member: ["b.png"], format: .image, outcome: .scanned)]))
        writer.submit(entry("suddig.pdf", .pdf, .scanned, ocr: OCRCounts(pages: 3, unreadable: 1)))
        writer.submit(entry("tjock.tif", .image, .partial("limit_exceeded: 2 page(s) not read by OCR over --max-ocr-pages 1"),
                            ocr: OCRCounts(pages: 1, skipped: 2)))
        writer.submit(entry("brev.txt", .text, .scanned, ocr: OCRCounts()))
        writer.submit(entry("ej-ocr.pdf", .pdf, .skipped(.needsOCR), ocr: OCRCounts()))
        writer.submit(entry("post.zip", .zip, .scanned, ocr: OCRCounts(),
                            members: [MemberResult(member: ["foto.jpg"], format: .image, outcome: .skipped(.needsOCR))]))
        _ = try writer.finish()
        return (dir, try ReportReader(path: dir + "/r.sqlite"))
    }

    @Test func summaryTotalsOCRPagesAndFilesThatNeedOCR() throws {
        let (dir, reader) = try Self.makeReport()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let ocr = try reader.summary().rows.filter { $0[0] == .text("ocr") }.map { [$0[1], $0[2]] }
        #expect(ocr == [[.text("pages read"), .integer(6)],
                        [.text("pages not read (--max-ocr-pages or timeout)"), .integer(2)],
                        [.text("pages too poor to trust"), .integer(1)],
                        [.text("files read by OCR"), .integer(3)],
                        [.text("files needing OCR (needs_ocr)"), .integer(2)]])
    }

    @Test func problemsListTheScanTooPoorToTrustWithEachFilesPageCounts() throws {
        let (dir, reader) = try Self.makeReport()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let table = try reader.problems()
        #expect(Array(table.columns.suffix(3)) == ["ocr_pages", "ocr_skipped", "ocr_unreadable"])
        let rows = Dictionary(uniqueKeysWithValues: table.rows.map { ($0[2].display, $0) })
        #expect(Set(rows.keys) == ["suddig.pdf", "tjock.tif", "ej-ocr.pdf", "post.zip!foto.jpg"])
        #expect(rows["suddig.pdf"]?[4].display.hasPrefix("ocr: 1 page(s) too poor to trust") == true)
        #expect(rows["suddig.pdf"].map { Array($0.suffix(3)) } == [.integer(3), .integer(0), .integer(1)])
        #expect(rows["tjock.tif"].map { Array($0.suffix(3)) } == [.integer(1), .integer(2), .integer(0)])
        #expect(rows["post.zip!foto.jpg"].map { Array($0.suffix(3)) } == [.integer(0), .integer(0), .integer(0)])
        #expect(table.footnote == "OCR: 6 page(s) read in 3 file(s), 2 not read (budget), 1 too poor to trust; "
                + "2 file(s) need OCR (needs_ocr: scanned with --no-ocr or without language data)")
        #expect(!OutputFormat.jsonl.render(table).contains("OCR:"))
        #expect(OutputFormat.table.render(table).hasSuffix(table.footnote! + "\n"))
    }

    @Test func theProblemsViewHasTheCountsToo() throws {
        let (dir, _) = try Self.makeReport()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let db = try SQLiteDatabase(path: dir + "/r.sqlite", readOnly: true)
        #expect(try db.scalar("SELECT ocr_unreadable FROM problems WHERE path = 'suddig.pdf'") == 1)
        #expect(try db.scalar("SELECT sum(ocr_pages) FROM current_files WHERE parent_id IS NOT NULL") == 0)
    }
}
