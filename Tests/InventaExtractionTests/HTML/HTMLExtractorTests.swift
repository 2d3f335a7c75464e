import Testing
@testable import InventaExtraction
import InventaModel

@Suite struct HTMLExtractorTests {
    @Test(arguments: ["html/good/seeded.html", "html/good/seeded-latin1.html", "html/good/seeded.xhtml"])
    func seededValuesAreFoundWithTheirCharset(fixture: String) {
        let extracted = Fixtures.extract(fixture)
        #expect(extracted.result.format == .html)
        #expect(extracted.result.outcome == .scanned)
        let text = extracted.text.replacingOccurrences(of: "\u{A0}", with: " ").replacingOccurrences(of: "\n", with: " ")
        #expect(text.contains("Personnummer: \(Vector.pnr)"))
        #expect(text.contains("Namn: \(Vector.name)"))
        #expect(text.contains("Adress: \(Vector.address)"))
    }

    /// Inline cases: input HTML → the exact text extracted.
    @Test(arguments: [
        ("<p>ett</p><p>två</p>", "ett\ntvå\n"),
        ("<div>rad<br>ny rad</div>", "rad\nny rad\n"),
        // A table: one unit per row, the header row's names as labels of the cells below.
        ("<table><tr><th>Namn</th><th>Tel</th></tr><tr><td>c</td><td>d</td></tr></table>", "Namn\tTelNamn: c\tTel: d"),
        ("<p>före<script>var x = 'dold';</script>efter</p>", "föreefter\n"),
        ("<html><head><title>Rubrik</title><style>p{}</style><meta name=x content=y></head><body>text</body></html>", "Rubrik\ntext\n"),
        ("<p>Bl&aring;b&auml;r &amp; &#246;l&nbsp;x</p>", "Blåbär & öl\u{A0}x\n"),
        ("<p>  många    mellanslag\n\n i   rad </p>", "många mellanslag i rad\n"),
        ("<span>ord</span><span>ord</span> <b>fet</b>", "ordord fet\n"),
        ("<p>a<!-- kommentar -->b</p>", "ab\n"),
    ])
    func textAndBreaks(html: String, expected: String) {
        let extracted = Fixtures.extract(bytes: Array(html.utf8), name: "x.html")
        #expect(extracted.result.outcome == .scanned)
        #expect(extracted.units.map(\.ownedText).joined() == expected)
    }

    @Test func entitiesAreNotExpandedFromADTD() {
        let html = """
            <!DOCTYPE html [<!ENTITY xxe SYSTEM "file:///etc/passwd"><!ENTITY lol "lollollol">]>
            <html><body><p>&xxe;&lol;slut</p></body></html>
            """
        let extracted = Fixtures.extract(bytes: Array(html.utf8), name: "xxe.html")
        // The HTML parser shows a stray internal subset as text, but never expands its entities.
        let paragraph = extracted.text.split(separator: "\n").first { $0.contains("slut") }
        #expect(!extracted.text.contains("root:"))
        #expect(paragraph?.contains("lollollol") == false)
    }

    @Test func windows1252WithoutDeclarationIsDecoded() {
        let bytes: [UInt8] = Array("<html><body><p>R".utf8) + [0xE4, 0x6B, 0x6E, 0x61, 0x20, 0x80] + Array("</p></body></html>".utf8)
        let extracted = Fixtures.extract(bytes: bytes, name: "x.htm")
        #expect(extracted.text == "Räkna €\n")
    }

    @Test func deeplyNestedDocumentDoesNotOverflowTheStack() {
        let html = String(repeating: "<div>", count: 50_000) + "djup" + String(repeating: "</div>", count: 50_000)
        let extracted = Fixtures.extract(bytes: Array(html.utf8), name: "deep.html")
        #expect(extracted.result.outcome.status == "scanned")
    }

    @Test func truncatedHTMLKeepsTheTextBeforeTheCut() {
        // HTML has no structure that a cut breaks: browsers show such files, so the scanner reads them.
        let extracted = Fixtures.extract("html/corrupted/truncated.html")
        #expect(extracted.result.outcome == .scanned)
        #expect(extracted.text.contains(Vector.pnr))
    }

    @Test func garbageNamedHTMLFailsAsABrokenHTMLFile() {
        let extracted = Fixtures.extract("html/corrupted/garbage.html")
        #expect(extracted.result.format == .html)
        #expect(extracted.result.outcome == .failed("corrupt: not a valid html file (damaged, or not really html)"))
        #expect(extracted.units.isEmpty)
    }

    @Test func longDocumentsComeOutInSeveralUnitsWithoutSplittingWords() {
        var limits = ExtractionLimits()
        limits.chunkSize = 1024
        let html = "<html><body>" + (0..<500).map { "<p>stycke \($0) med text</p>" }.joined() + "</body></html>"
        let extracted = Fixtures.extract(bytes: Array(html.utf8), name: "lang.html", limits: limits)
        #expect(extracted.units.count > 3)
        #expect(extracted.units.allSatisfy { $0.ownedText.hasSuffix("\n") })
        #expect(extracted.text.contains("stycke 499 med text"))
    }
}
