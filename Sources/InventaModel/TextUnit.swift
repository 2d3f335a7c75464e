/// A piece of extracted text with the place it came from: the typed value that
/// flows from extraction to detection. Detection never sees files or bytes, only
/// text units.
///
/// `text` may carry overlap from its neighbours so that a match across a chunk
/// edge is found; `ownedRange` (UTF-8 byte offsets into `text`) says which part this
/// unit is responsible for. A detector reports a match only when it starts inside
/// `ownedRange`, so a match in the overlap is reported once, by its owner.
public struct TextUnit: Sendable {
    public var text: String
    public var location: Location
    public var ownedRange: Range<Int>
    /// Member path inside a container, e.g. `bilaga.docx` or `inner/path.docx`; empty for the file itself.
    public var member: [String]
    /// Tesseract's mean word confidence (0–100) when the text was read by OCR from a scan
    /// or an image; nil for text a document holds as text. Detection tags such findings
    /// `ocr` (docs/decisions/0230-ocr.md).
    public var ocrConfidence: Int?

    public init(text: String, location: Location = Location(), ownedRange: Range<Int>? = nil, member: [String] = []) {
        self.text = text
        self.location = location
        self.ownedRange = ownedRange ?? 0..<text.utf8.count
        self.member = member
    }
}
