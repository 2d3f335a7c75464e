import Testing
@testable import InventaExtraction

@Suite struct XMLStreamReaderTests {
    /// All text nodes of a document, in order.
    func text(_ xml: String) throws(ExtractionError) -> String {
        let reader = try XMLStreamReader(bytes: Array(xml.utf8), partName: "test.xml")
        var text = ""
        while try reader.read() {
            if reader.nodeType == .text || reader.nodeType == .significantWhitespace { text += reader.value }
        }
        return text
    }

    @Test func readsElementsAttributesAndText() throws {
        let reader = try XMLStreamReader(bytes: Array(#"<a:r xmlns:a="urn:x"><a:t a:id="7">Hej &amp; då</a:t><b/></a:r>"#.utf8), partName: "p")
        var seen: [String] = []
        while try reader.read() {
            switch reader.nodeType {
            case .element: seen.append("<\(reader.localName) \(reader.attribute("id") ?? "-") \(reader.isEmptyElement)")
            case .text: seen.append(reader.value)
            case .endElement: seen.append("</\(reader.localName)")
            default: break
            }
        }
        #expect(seen == ["<r - false", "<t 7 false", "Hej & då", "</t", "<b - true", "</r"])
    }

    @Test func billionLaughsIsNotExpanded() throws {
        var entities = #"<!ENTITY lol "lol">"#
        for level in 1...9 {
            entities += "<!ENTITY lol\(level) \"\(String(repeating: "&lol\(level == 1 ? "" : String(level - 1));", count: 10))\">"
        }
        let xml = "<?xml version=\"1.0\"?><!DOCTYPE lolz [\(entities)]><r>Skratt &lol9; slut</r>"
        let result: String
        do { result = try text(xml) } catch { result = "stopped: \(error.message)" }
        #expect(!result.contains("lollol"))
        #expect(result.utf8.count < 1000)
    }

    @Test func externalEntitiesAreNeverFetched() throws {
        let xml = #"<?xml version="1.0"?><!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><r>före &xxe; efter</r>"#
        let result: String
        do { result = try text(xml) } catch { result = "stopped: \(error.message)" }
        #expect(!result.contains("root:"))
    }

    @Test(arguments: ["<r><unclosed></r>", "<r>text", "\u{0}\u{1}garbage"])
    func malformedXMLThrowsCorrupt(xml: String) {
        #expect(throws: ExtractionError.self) { try text(xml) }
        do { _ = try text(xml) } catch {
            if case .corrupt(let why) = error { #expect(why.hasPrefix("test.xml:")) } else { Issue.record("expected corrupt, got \(error)") }
        }
    }

    @Test func streamErrorsPassThroughUnchanged() {
        final class Failing: ByteStream {
            func read(into buffer: UnsafeMutableRawBufferPointer) throws(ExtractionError) -> Int {
                throw ExtractionError.limitExceeded("test limit")
            }
        }
        #expect(throws: ExtractionError.limitExceeded("test limit")) {
            let reader = try XMLStreamReader(stream: Failing(), partName: "p")
            while try reader.read() {}
        }
    }
}
