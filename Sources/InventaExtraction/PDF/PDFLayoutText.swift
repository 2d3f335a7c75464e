/// Builds a PDF page's text from the page's glyph boxes instead of poppler's text order.
///
/// What: poppler's page text (UTF-8, one box per character from `poppler_page_get_text_layout`)
/// in, the page's text out: lines in reading order (glyphs grouped by baseline, sorted along
/// the text), a space between words, a TAB between table cells and across wide gaps, a
/// two-column page read column by column, each text direction (rotated pages, rotated text)
/// read in its own frame, and a table cell's second line (`20130129-` / `9879`) joined to its
/// cell so the identifier matchers see the whole value. Decision 0214.
/// What not: no OCR, no table model (rows stay TAB-separated lines until `TextUnit.table`
/// exists), no font attributes: the box height stands for the font size.
/// Why: `poppler_page_get_text` writes a table column by column and glues the end of one
/// block to the start of the next (`Ali, TorPersonnummer`), so boundary tests reject values.
enum PDFLayoutText {
    /// A run of words with no wide gap inside: a table cell, or a column's part of a line.
    struct Chunk {
        var u1: Double, u2: Double
        var bytes: [UInt8]
        var words: Int
        var gapBefore = 0.0  // to the previous chunk of its line
    }

    struct Line {
        var v1: Double, v2: Double, height: Double
        var chunks: [Chunk]
        var narrowestSpace = Double.infinity  // the line's smallest word space that is not a chunk gap
    }

    // Gaps and distances as fractions of the glyph box height (about the font size).
    static let wordGap = 0.12        // narrower: letters of one word (kerning)
    static let cellGap = 0.25        // wider, between glyphs poppler wrote apart: maybe a cell boundary
    static let wideGap = 0.55        // wider, even within poppler's line: maybe a cell boundary
    static let tabGap = 3.0          // wider: a cell boundary whatever its neighbours
    static let aligned = 0.08        // cell edges closer than this share a column (producers align exactly)
    static let alignmentReach = 6.0  // lines this close (mid to mid), at most two each way, are asked
    static let alignmentLines = 2
    static let justified = 1.6       // a gap up to this times the line's plain spaces is a space
    static let rightAligned = 1.5    // only gaps this wide may line up by their right edges
    static let sameLine = 0.35       // baselines closer than this share a line

    /// The page text, or nil when the boxes do not match the text (then use poppler's text).
    static func text(utf8: UnsafeBufferPointer<UInt8>, boxes: UnsafeBufferPointer<PDFBox>) -> [UInt8]? {
        guard var glyphs = glyphs(utf8: utf8, boxes: boxes) else { return nil }
        if glyphs.isEmpty { return [] }
        assignDirections(&glyphs)
        var counts = [Int](repeating: 0, count: 4)
        for glyph in glyphs { counts[Int(glyph.direction)] += 1 }
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count + utf8.count / 8)
        // The dominant direction first: a page's body, then its rotated margin notes.
        for direction in (0..<4).sorted(by: { counts[$0] > counts[$1] }) where counts[direction] > 0 {
            let group = glyphs.filter { Int($0.direction) == direction }
            let lines = PDFCellContinuation.join(PDFColumns.readingOrder(settle(lines(of: group, utf8: utf8))))
            for line in lines {
                if !out.isEmpty { out.append(0x0A) }
                for (index, chunk) in line.chunks.enumerated() {
                    if index > 0 { out.append(0x09) }
                    out.append(contentsOf: chunk.bytes)
                }
            }
        }
        return out
    }

    /// Pairs each visible character of poppler's text with its box; whitespace and newlines
    /// only mark word and poppler-line boundaries (their boxes are synthetic).
    static func glyphs(utf8: UnsafeBufferPointer<UInt8>, boxes: UnsafeBufferPointer<PDFBox>) -> [PDFGlyph]? {
        var glyphs: [PDFGlyph] = []
        glyphs.reserveCapacity(boxes.count)
        var offset = 0, box = 0, line: Int32 = 0
        var space = false
        while offset < utf8.count {
            let lead = utf8[offset]
            let length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
            guard box < boxes.count, offset + length <= utf8.count else { return nil }
            if lead == 0x0A {
                line += 1
                space = false
            } else if lead <= 0x20 || (lead == 0xC2 && utf8[offset + 1] == 0xA0) {
                space = true
            } else {
                glyphs.append(PDFGlyph(start: Int32(offset), length: Int32(length), order: Int32(glyphs.count),
                                       popplerLine: line, spaceBefore: space, box: boxes[box]))
                space = false
            }
            offset += length
            box += 1
        }
        return box == boxes.count ? glyphs : nil
    }

    /// Each poppler line's direction by majority of its neighbouring glyphs' steps (poppler
    /// keeps one direction per line); a line of one glyph takes the previous line's.
    static func assignDirections(_ glyphs: inout [PDFGlyph]) {
        var previous: UInt8 = 0
        var start = 0
        while start < glyphs.count {
            var end = start + 1
            var votes = (0, 0, 0, 0)
            while end < glyphs.count && glyphs[end].popplerLine == glyphs[start].popplerLine {
                let a = glyphs[end - 1].box, b = glyphs[end].box
                let dx = (b.x1 + b.x2 - a.x1 - a.x2) / 2, dy = (b.y1 + b.y2 - a.y1 - a.y2) / 2
                let size = max(a.x2 - a.x1, a.y2 - a.y1, 1)
                if abs(dx) + abs(dy) < 6 * size {   // a jump to another block says nothing
                    if abs(dx) >= abs(dy) { if dx > 0 { votes.0 += 1 } else { votes.2 += 1 } }
                    else if dy > 0 { votes.1 += 1 } else { votes.3 += 1 }
                }
                end += 1
            }
            let best = max(votes.0, votes.1, votes.2, votes.3)
            var direction = previous
            if best > 0 {
                direction = votes.0 == best ? 0 : votes.1 == best ? 1 : votes.3 == best ? 3 : 2
            }
            for index in start..<end { glyphs[index].place(direction: direction) }
            previous = direction
            start = end
        }
    }

    /// Groups glyphs of one direction into lines by baseline (top to bottom), each line's
    /// glyphs sorted along the text and cut into chunks at wide gaps.
    static func lines(of glyphs: [PDFGlyph], utf8: UnsafeBufferPointer<UInt8>) -> [Line] {
        let byMid = glyphs.sorted { $0.vMid < $1.vMid || ($0.vMid == $1.vMid && $0.order < $1.order) }
        var lines: [Line] = []
        var members: [PDFGlyph] = []
        var mid = 0.0, height = 0.0
        func flush() {
            guard !members.isEmpty else { return }
            members.sort { $0.u1 < $1.u1 || ($0.u1 == $1.u1 && $0.order < $1.order) }
            lines.append(line(of: members, utf8: utf8))
            members.removeAll(keepingCapacity: true)
        }
        for glyph in byMid {
            if !members.isEmpty && abs(glyph.vMid - mid) > sameLine * max(glyph.height, height) { flush() }
            if members.isEmpty { mid = glyph.vMid; height = glyph.height }
            else { mid += (glyph.vMid - mid) / Double(members.count + 1); height = max(height, glyph.height) }
            members.append(glyph)
        }
        flush()
        return lines
    }

    /// One line of sorted glyphs: a space where the gap is a word gap (or poppler wrote one),
    /// a new chunk where it may be a cell or column gap (`settle` decides).
    static func line(of glyphs: [PDFGlyph], utf8: UnsafeBufferPointer<UInt8>) -> Line {
        var chunks: [Chunk] = []
        var current = Chunk(u1: glyphs[0].u1, u2: glyphs[0].u2, bytes: [], words: 1)
        var v1 = glyphs[0].v1, v2 = glyphs[0].v2
        var previous = glyphs[0]
        var narrowest = Double.infinity
        append(glyphs[0], to: &current.bytes, utf8: utf8)
        for glyph in glyphs.dropFirst() {
            let size = max(glyph.height, previous.height)
            let gap = glyph.u1 - previous.u2
            // A glyph drawn twice over itself (simulated bold) is one glyph.
            if abs(glyph.u1 - previous.u1) < 0.15 * size && sameBytes(glyph, previous, utf8) { continue }
            let adjacent = glyph.order == previous.order + 1 && glyph.popplerLine == previous.popplerLine
            if gap > wideGap * size || (!adjacent && gap > cellGap * size) {
                chunks.append(current)
                current = Chunk(u1: glyph.u1, u2: glyph.u2, bytes: [], words: 1, gapBefore: gap)
            } else if gap > wordGap * size || (adjacent && glyph.spaceBefore) || (!adjacent && gap > 0.05 * size) {
                if gap > wordGap * size { narrowest = min(narrowest, gap) }
                current.bytes.append(0x20)
                current.words += 1
            }
            append(glyph, to: &current.bytes, utf8: utf8)
            current.u2 = max(current.u2, glyph.u2)
            v1 = min(v1, glyph.v1); v2 = max(v2, glyph.v2)
            previous = glyph
        }
        chunks.append(current)
        return Line(v1: v1, v2: v2, height: v2 - v1, chunks: chunks, narrowestSpace: narrowest)
    }

    /// Keeps a chunk boundary where the gap is very wide or where the next chunk's edge lines
    /// up with a chunk edge on one of the two lines above or below (a table column, a form's value column, the other
    /// column of the page); elsewhere the chunks are words of one run, joined by a space. Why:
    /// a justified line's stretched spaces are as wide as a narrow table's cell gaps, but only
    /// cells line up from row to row.
    static func settle(_ lines: [Line]) -> [Line] {
        var out = lines
        for (index, line) in lines.enumerated() where line.chunks.count > 1 {
            let mid = (line.v1 + line.v2) / 2, reach = alignmentReach * line.height
            var merged: [Chunk] = [line.chunks[0]]
            for chunk in line.chunks.dropFirst() {
                // A justified line stretches all its spaces alike: a gap no wider than its
                // plain spaces is one of them, however it lines up.
                let stretched = line.narrowestSpace.isFinite && chunk.gapBefore <= justified * line.narrowestSpace
                if chunk.gapBefore > tabGap * line.height
                    || (!stretched && lines.isAligned(chunk, besides: index, mid: mid, reach: reach)) {
                    merged.append(chunk)
                } else {
                    merged[merged.count - 1].bytes.append(0x20)
                    merged[merged.count - 1].bytes.append(contentsOf: chunk.bytes)
                    merged[merged.count - 1].words += chunk.words
                    merged[merged.count - 1].u2 = max(merged[merged.count - 1].u2, chunk.u2)
                }
            }
            out[index].chunks = merged
        }
        return out
    }

    private static func append(_ glyph: PDFGlyph, to bytes: inout [UInt8], utf8: UnsafeBufferPointer<UInt8>) {
        let start = Int(glyph.start)
        bytes.append(contentsOf: utf8[start..<start + Int(glyph.length)])
    }

    private static func sameBytes(_ a: PDFGlyph, _ b: PDFGlyph, _ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        guard a.length == b.length else { return false }
        for k in 0..<Int(a.length) where utf8[Int(a.start) + k] != utf8[Int(b.start) + k] { return false }
        return true
    }
}

private extension Array where Element == PDFLayoutText.Line {
    /// Whether a nearby line has a chunk starting where `chunk` starts, or a non-first chunk
    /// ending where it ends (right-aligned numbers); searched outwards from line `index`.
    func isAligned(_ chunk: PDFLayoutText.Chunk, besides index: Int, mid: Double, reach: Double) -> Bool {
        let tolerance = PDFLayoutText.aligned * self[index].height
        for step in [-1, 1] {
            var other = index + step
            while other >= 0 && other < count && abs(other - index) <= PDFLayoutText.alignmentLines
                    && abs((self[other].v1 + self[other].v2) / 2 - mid) <= reach {
                for (k, candidate) in self[other].chunks.enumerated() {
                    if abs(candidate.u1 - chunk.u1) <= tolerance { return true }
                    // Right edges: a justified column's right margin lines up every stretched
                    // line's last word, so only clear gaps on both sides count.
                    if k > 0 && abs(candidate.u2 - chunk.u2) <= tolerance
                        && Swift.min(chunk.gapBefore, candidate.gapBefore) > PDFLayoutText.rightAligned * self[index].height { return true }
                }
                other += step
            }
        }
        return false
    }
}
