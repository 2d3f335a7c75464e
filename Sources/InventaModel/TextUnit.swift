/// A piece of extracted text with the place it came from: the typed value that
/// flows from extraction to detection. Detection never sees files or bytes, only
/// text units.
///
/// `text` may carry overlap from its neighbours so that a match across a chunk
/// edge is found; `ownedRange` (UTF-8 byte offsets into `text`) says which part this
/// unit is responsible for. A detector reports a match only when it starts inside
/// `ownedRange`, so a match in the overlap is reported once, by its owner.
///
/// A table row carries `table`: its cells' value spans, locations and headers. Then a
/// match is reported only when it starts inside a cell's value, with that cell's location.
public struct TextUnit: Sendable {
    public var text: String
    public var location: Location
    public var ownedRange: Range<Int>
    /// Member path inside a container, e.g. `bilaga.docx` or `inner/path.docx`; empty for the file itself.
    public var member: [String]
    /// The row's cells when the unit is a table row (docs/decisions/0205-table-rows.md).
    public var table: TableLayout?
    /// Tesseract's mean word confidence (0–100) when the text was read by OCR from a scan
    /// or an image; nil for text a document holds as text. Detection tags such findings
    /// `ocr` (docs/decisions/0230-ocr.md).
    public var ocrConfidence: Int?

    public init(text: String, location: Location = Location(), ownedRange: Range<Int>? = nil, member: [String] = [],
                table: TableLayout? = nil) {
        self.text = text
        self.location = location
        self.ownedRange = ownedRange ?? 0..<text.utf8.count
        self.member = member
        self.table = table
    }
}
