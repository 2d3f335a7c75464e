import Testing
import InventaDetection
@testable import InventaExtraction
import InventaModel

/// Scans made from known text (Fixtures/make-ocr-fixtures.py): every value written on the
/// page is found by OCR, on the right page and member, tagged `ocr` with the page's
/// confidence. OCR costs about a second a page, so each fixture is read once per test.
@Suite struct OCRExtractionTests {
    /// Personnummer (12 digits), phone digits and member path per fixture and page.
    @Test(arguments: [
        ("clean-300.png", 1, "198501012382", "0701740605", []),
        ("clean-200.png", 1, "197608072380", "0701740612", []),
        ("jpeg-q30-300.jpg", 1, "197912122392", "0701740627", []),
        ("jpeg-q50-200.jpg", 1, "198304042388", "0701740633", []),
        ("rotated-1.5-300.jpg", 1, "198607272385", "0701740648", []),
        ("rotated-2-200.png", 1, "198912222380", "0701740651", []),
        ("noisy-300.png", 1, "199305172398", "0701740666", []),
        ("noisy-blurred-200.jpg", 1, "199609222394", "0701740679", []),
        ("low-contrast-300.png", 1, "198501012382", "0701740605", []),
        ("upside-down-300.jpg", 1, "197608072380", "0701740612", []),
        ("sideways-300.png", 1, "197912122392", "0701740627", []),
        ("copy-200.bmp", 1, "198304042388", "0701740633", []),
        ("copy-200.gif", 1, "198607272385", "0701740648", []),
        ("webp-300.webp", 1, "198912222380", "0701740651", []),
        ("multipage-200.tif", 1, "198912222380", "0701740651", []),
        ("multipage-200.tif", 2, "199305172398", "0701740666", []),
        ("multipage-200.tif", 3, "199609222394", "0701740679", []),
        ("digital-with-scan.pdf", 2, "199305172398", "0701740666", []),
        ("scan-only.pdf", 1, "199609222394", "0701740679", []),
        ("mail-with-scan.eml", 1, "198501012382", "0701740605", ["ansokan.jpg"]),
        ("scans.zip", 1, "197608072380", "0701740612", ["inskannat/ansokan.png"]),
        ("letter-with-scan.docx", 1, "197912122392", "0701740627", ["word/media/image1.png"]),
        ("slides-with-scan.pptx", 1, "198304042388", "0701740633", ["ppt/media/image1.png"]),
        ("report-with-scan.odt", 1, "198607272385", "0701740648", ["Pictures/ansokan.png"]),
    ] as [(String, Int, String, String, [String])])
    func valuesAreReadFromTheScan(fixture: String, page: Int, personnummer: String, phone: String, member: [String]) throws {
        let findings = OCRExtractionTests.findings(fixture)
        let onPage = findings.filter { $0.location.page == page && $0.member == member }
        let pnr = try #require(onPage.first { $0.category == .personnummer && $0.normalized.hasSuffix(personnummer) },
                               "found: \(findings.map { "\($0.category) \($0.location.description) \($0.member)" })")
        #expect(pnr.evidence.tags.contains("ocr"))
        #expect(pnr.evidence.tags.contains { $0.hasPrefix("ocr_confidence:") })
        #expect(pnr.evidence.validation == .confirmed)
        #expect(onPage.contains { $0.category == .phone && $0.normalized.filter(\.isNumber).hasSuffix(phone.dropFirst()) })
    }

    @Test func digitalPageKeepsItsTextLayerAndIsNotTaggedOCR() {
        let extracted = Fixtures.extract("ocr/digital-with-scan.pdf")
        #expect(extracted.result.outcome == .scanned)
        #expect(extracted.units.map(\.location.page) == [1, 2])
        #expect(extracted.units.map { $0.ocrConfidence == nil } == [true, false])
        #expect(extracted.result.ocr == OCRCounts(pages: 1))
    }

    @Test(arguments: ["clean-300.png", "multipage-200.tif", "scan-only.pdf", "copy-200.gif", "mail-with-scan.eml"])
    func withOCROffTheSameFilesNeedOCR(fixture: String) {
        var limits = ExtractionLimits()
        limits.ocr.mode = .off
        let extracted = Fixtures.extract("ocr/" + fixture, limits: limits)
        let outcomes = [extracted.result.outcome] + extracted.result.members.map(\.outcome)
        #expect(outcomes.contains(.skipped(.needsOCR)), "outcomes: \(outcomes)")
        #expect(extracted.units.allSatisfy { $0.ocrConfidence == nil })
    }

    /// A picture in the body is read as a member; the header's logo (image2.png, text but no
    /// personal data) costs no OCR and has no member row; the document's own text is read as before.
    @Test func onlyPicturesInTheBodyOfAnOfficeDocumentAreRead() {
        let extracted = Fixtures.extract("ocr/letter-with-scan.docx")
        #expect(extracted.result.outcome == .scanned)
        #expect(extracted.result.members.map(\.member) == [["word/media/image1.png"]])
        #expect(extracted.result.members.map(\.outcome) == [.scanned])
        #expect(extracted.result.ocr == OCRCounts(pages: 1))
        #expect(extracted.units.contains { $0.member.isEmpty && $0.text.contains("Bifogad inskannad ansökan") })
        #expect(!extracted.units.contains { $0.text.contains("Farsta kommun") })
    }

    @Test(arguments: ["letter-with-scan.docx", "slides-with-scan.pptx", "report-with-scan.odt"])
    func withOCROffPicturesInOfficeDocumentsAreLeftAlone(fixture: String) {
        var limits = ExtractionLimits()
        limits.ocr.mode = .off
        let extracted = Fixtures.extract("ocr/" + fixture, limits: limits)
        #expect(extracted.result.outcome == .scanned)
        #expect(extracted.result.members.isEmpty)
        #expect(extracted.result.ocr == OCRCounts())
        #expect(extracted.units.allSatisfy { $0.ocrConfidence == nil })
    }

    @Test func maxOCRPagesStopsAMultiPageScan() {
        var limits = ExtractionLimits()
        limits.ocr.maxPagesPerFile = 1
        let extracted = Fixtures.extract("ocr/multipage-200.tif", limits: limits)
        #expect(extracted.units.map(\.location.page) == [1])
        #expect(extracted.result.ocr == OCRCounts(pages: 1, skipped: 2))
        guard case .partial(let why) = extracted.result.outcome else {
            Issue.record("outcome: \(extracted.result.outcome)")
            return
        }
        #expect(why.hasPrefix("limit_exceeded: 2 page(s) not read by OCR over --max-ocr-pages 1"))
    }

    @Test(arguments: [
        ("bomb.png", "limit_exceeded: image of 100000 × 100000 pixels"),
        ("truncated.png", "corrupt:"),
        ("truncated.jpg", "corrupt:"),
        ("truncated.tif", "corrupt:"),
    ])
    func hostileImagesStopCleanly(fixture: String, reason: String) {
        let extracted = Fixtures.extract("ocr/" + fixture)
        #expect(extracted.result.outcome.reason?.hasPrefix(reason) == true, "outcome: \(extracted.result.outcome)")
    }

    @Test func deferredModeMarksTheFileForTheOCRPass() {
        var limits = ExtractionLimits()
        limits.ocr.mode = .deferred
        for fixture in ["digital-with-scan.pdf", "letter-with-scan.docx"] {
            let extracted = Fixtures.extract("ocr/" + fixture, limits: limits)
            #expect(extracted.result.ocrDeferred, "\(fixture)")
            #expect(extracted.result.ocr.pages == 0, "\(fixture)")
        }
    }

    static func findings(_ fixture: String) -> [Finding] {
        Fixtures.extract("ocr/" + fixture).units.flatMap { VectorFindingTests.detection.detect($0) }
    }
}
