/// A glyph box as poppler reports it: points on the displayed (rotated) page, origin top left.
struct PDFBox: Equatable {
    var x1: Double, y1: Double, x2: Double, y2: Double

    init(x1: Double, y1: Double, x2: Double, y2: Double) {
        self.x1 = min(x1, x2); self.x2 = max(x1, x2)
        self.y1 = min(y1, y2); self.y2 = max(y1, y2)
    }
}

/// One visible character of a page, placed in its line's reading frame.
///
/// What: the character's UTF-8 bytes (a range into poppler's page text), its box turned so
/// that `u` runs along the text and `v` down the lines whatever the text's direction, and
/// where poppler had put it (its index in poppler's text, poppler's line, whether poppler
/// wrote a space before it). Not a word or a line: `PDFLayoutText` builds those.
/// Why the poppler order is kept: two glyphs side by side that poppler wrote apart (in
/// different blocks) are a strong cell boundary, the signal poppler itself drops.
struct PDFGlyph {
    var start: Int32          // byte offset in poppler's page text
    var length: Int32
    var order: Int32          // index among the page's glyphs in poppler's text order
    var popplerLine: Int32    // poppler's line number (its text split at newlines)
    var spaceBefore: Bool     // poppler wrote whitespace right before this glyph
    var direction: UInt8 = 0  // 0 left→right, 1 top→bottom, 2 right→left (upside down), 3 bottom→top
    var u1 = 0.0, u2 = 0.0, v1 = 0.0, v2 = 0.0
    var box: PDFBox

    var height: Double { v2 - v1 }
    var vMid: Double { (v1 + v2) / 2 }

    /// Turns the page box into the reading frame of `direction`: `u` grows along the text,
    /// `v` grows from one line to the next.
    mutating func place(direction: UInt8) {
        self.direction = direction
        switch direction {
        case 1: (u1, u2, v1, v2) = (box.y1, box.y2, -box.x2, -box.x1)
        case 2: (u1, u2, v1, v2) = (-box.x2, -box.x1, -box.y2, -box.y1)
        case 3: (u1, u2, v1, v2) = (-box.y2, -box.y1, box.x1, box.x2)
        default: (u1, u2, v1, v2) = (box.x1, box.x2, box.y1, box.y2)
        }
    }
}
