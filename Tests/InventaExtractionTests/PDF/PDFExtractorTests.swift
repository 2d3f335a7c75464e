import Testing
@testable import InventaExtraction
import InventaModel

@Suite struct PDFExtractorTests {
    @Test func seededPDFIsFoundOnPageTwo() throws {
        let extracted = Fixtures.extract("pdf/good/seeded.pdf")
        #expect(extracted.result.format == .pdf)
        #expect(extracted.result.outcome == .scanned)
        #expect(extracted.units.map(\.location.page) == [1, 2])
        let unit = try #require(extracted.unit(containing: Vector.pnr))
        #expect(unit.location == Location(page: 2))
        #expect(unit.ownedText.contains(Vector.name))
        #expect(unit.ownedText.contains(Vector.address))
    }

    @Test(arguments: [
        ("pdf/good/encrypted.pdf", Outcome.skipped(.encrypted)),
        ("pdf/good/image-only.pdf", Outcome.skipped(.needsOCR)),
        ("pdf/good/owner-password-only.pdf", Outcome.scanned),   // empty user password opens it
        ("pdf/good/junk-before-header.pdf", Outcome.scanned),
        ("pdf/corrupted/truncated.pdf", Outcome.failed("corrupt: PDF document is damaged")),
        ("pdf/corrupted/garbage.pdf", Outcome.failed("corrupt: PDF document is damaged")),
    ])
    func outcomes(fixture: String, expected: Outcome) {
        let extracted = Fixtures.extract(fixture)
        #expect(extracted.result.outcome == expected)
        #expect(extracted.result.format == .pdf)
        if expected == .scanned {
            #expect(extracted.unit(containing: Vector.pnr)?.location.page == 2)
        } else {
            #expect(extracted.units.isEmpty)
        }
    }

    @Test func aPDFThatIsReallyHTMLIsReadAsHTML() {
        let extracted = Fixtures.extract("pdf/corrupted/really-html.pdf")
        #expect(extracted.result.format == .html)
        #expect(extracted.result.outcome == .scanned)
        #expect(extracted.text.contains(Vector.pnr))
    }

    @Test func cairoPDFWithEmbeddedFontsFromMemory() throws {
        let bytes = CairoPDF.make(pages: [["Inledning"], nil, ["Namn: \(Vector.name)", "Personnummer: \(Vector.pnr)", "Adress: \(Vector.address)"]])
        let extracted = Fixtures.extract(bytes: bytes, name: "brev.pdf")
        #expect(extracted.result.outcome == .scanned)
        let unit = try #require(extracted.unit(containing: Vector.pnr))
        #expect(unit.location.page == 3)
        #expect(unit.ownedText.contains(Vector.address))
    }

    @Test func cairoImageOnlyPDFNeedsOCR() {
        let extracted = Fixtures.extract(bytes: CairoPDF.make(pages: [nil, nil, nil]), name: "skannad.pdf")
        #expect(extracted.result.outcome == .skipped(.needsOCR))
    }

    @Test func pagesOverTheLimitAreNotReadAndSaySo() throws {
        var limits = ExtractionLimits()
        limits.maxPages = 1
        let extracted = Fixtures.extract("pdf/good/seeded.pdf", limits: limits)
        #expect(extracted.units.map(\.location.page) == [1])
        guard case .partial(let reason) = extracted.result.outcome else {
            Issue.record("expected partial, got \(extracted.result.outcome)")
            return
        }
        #expect(reason.hasPrefix("limit_exceeded: more than 1 pages"))
        #expect(reason.contains("--max-pages"))
    }

    @Test func truncatedAtEveryTenthOfTheFileNeverCrashes() {
        let bytes = Fixtures.bytes("pdf/good/seeded.pdf")
        for tenth in 1..<10 {
            let cut = Array(bytes.prefix(bytes.count * tenth / 10))
            let extracted = Fixtures.extract(bytes: cut, name: "cut.pdf")
            // Poppler may rebuild a cut file's cross-reference table; it either reads or fails, one line.
            #expect(extracted.result.outcome.status != "skipped")
            if case .failed(let reason) = extracted.result.outcome { #expect(!reason.contains("\n")) }
        }
    }

    @Test func randomBytesNamedPDFFail() {
        let bytes = (0..<3000).map { UInt8(truncatingIfNeeded: $0 &* 7919 &+ 13) ^ 0x5A }
        let extracted = Fixtures.extract(bytes: bytes, name: "skanning.PDF")
        #expect(extracted.result.outcome == .failed("corrupt: not a valid pdf file (damaged, or not really pdf)"))
    }

    @Test func warmUpPDFIsValid() {
        let extracted = Fixtures.extract(bytes: PopplerWarmUp.tinyPDF(), name: "tiny.pdf")
        #expect(extracted.result.outcome == .scanned)
        #expect(extracted.text.contains("warm-up"))
    }
}
