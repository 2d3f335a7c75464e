import InventaModel

/// Builds text units from a document read as a stream of paragraphs: text is appended,
/// each paragraph or line break ends a line, and a unit is emitted at a paragraph
/// boundary once it holds `flushBytes`, so long documents stay in bounded memory.
/// A unit's `line` is the number of its first line in the part (paragraph numbers),
/// so a finding points to the paragraph it is in.
struct TextCollector {
    var location: Location
    private var text = ""
    private var firstLine = 1
    private var lines = 0
    private var hasContent = false
    let flushBytes: Int

    init(location: Location = Location(), flushBytes: Int = 64 << 10) {
        self.location = location
        self.flushBytes = flushBytes
    }

    mutating func append(_ piece: String) {
        guard !piece.isEmpty else { return }
        text += piece
        hasContent = true
    }

    /// Ends a paragraph (or a line inside one); may emit a unit.
    mutating func endLine(emit: (TextUnit) -> Void) {
        text += "\n"
        lines += 1
        if text.utf8.count >= flushBytes { flush(emit: emit) }
    }

    /// Emits what is collected, unless it is only whitespace.
    mutating func flush(emit: (TextUnit) -> Void) {
        if hasContent && text.utf8.contains(where: { $0 > 0x20 }) {
            var where_ = location
            where_.line = firstLine
            emit(TextUnit(text: text, location: where_))
        }
        firstLine += lines
        lines = 0
        text = ""
        hasContent = false
    }

    /// Starts a new part (a slide, a header): flushes and restarts line numbers.
    mutating func restart(at location: Location, emit: (TextUnit) -> Void) {
        flush(emit: emit)
        self.location = location
        firstLine = 1
    }
}
