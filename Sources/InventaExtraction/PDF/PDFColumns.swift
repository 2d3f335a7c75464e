/// Reads a page laid out in columns column by column.
///
/// What: finds a vertical gutter — a strip free of glyphs over a run of lines that spans at
/// least half the region's height, with text on both sides — and, when both sides read as
/// prose (most lines one chunk of several words), puts the left column's lines before the
/// right column's, with the lines above and below the run around them; each part is searched
/// again, so three columns and a full-width title work too.
/// What not: a table's column gaps are gutters as well, but their sides are short cells, so a
/// table stays a sequence of rows (its cells TAB-separated by `PDFLayoutText`).
/// Why: baseline grouping alone would interleave two columns' lines into nonsense sentences
/// whenever their baselines align, and a name or an address would then mix with the other column.
enum PDFColumns {
    typealias Line = PDFLayoutText.Line

    static let binWidth = 2.0          // points
    static let minRunLines = 8
    static let minRunShare = 0.5       // of the region's height
    static let proseWords = 3.0        // mean words per chunk on each side
    static let proseSingleChunk = 0.7  // share of a side's lines that are one chunk

    static func readingOrder(_ lines: [Line], depth: Int = 0) -> [Line] {
        guard depth < 4, lines.count >= minRunLines, let gutter = gutter(in: lines) else { return lines }
        var left: [Line] = [], right: [Line] = []
        for line in lines[gutter.first...gutter.last] {
            let l = line.chunks.filter { $0.u2 <= gutter.u }, r = line.chunks.filter { $0.u1 >= gutter.u }
            if !l.isEmpty { left.append(Line(v1: line.v1, v2: line.v2, height: line.height, chunks: l)) }
            if !r.isEmpty { right.append(Line(v1: line.v1, v2: line.v2, height: line.height, chunks: r)) }
        }
        return readingOrder(Array(lines[..<gutter.first]), depth: depth + 1)
            + readingOrder(left, depth: depth + 1) + readingOrder(right, depth: depth + 1)
            + readingOrder(Array(lines[(gutter.last + 1)...]), depth: depth + 1)
    }

    /// The longest-running prose gutter: its position and the run of lines it crosses.
    static func gutter(in lines: [Line]) -> (u: Double, first: Int, last: Int)? {
        var uMin = Double.infinity, uMax = -Double.infinity, top = Double.infinity, bottom = -Double.infinity
        for line in lines {
            top = min(top, line.v1); bottom = max(bottom, line.v2)
            for chunk in line.chunks { uMin = min(uMin, chunk.u1); uMax = max(uMax, chunk.u2) }
        }
        let bins = Int((uMax - uMin) / binWidth) + 1
        guard bins >= 4, bins < 100_000 else { return nil }
        var covered = [Bool](repeating: false, count: bins * lines.count)
        for (index, line) in lines.enumerated() {
            for chunk in line.chunks {
                let from = Int((chunk.u1 - uMin) / binWidth), to = min(bins - 1, Int((chunk.u2 - uMin) / binWidth))
                for bin in from...max(from, to) { covered[index * bins + bin] = true }
            }
        }
        var candidates: [(extent: Double, u: Double, first: Int, last: Int)] = []
        var seen = Set<Int>()
        for bin in 1..<(bins - 1) {
            var first = 0
            while first < lines.count {
                while first < lines.count && covered[first * bins + bin] { first += 1 }
                var last = first
                while last + 1 < lines.count && !covered[(last + 1) * bins + bin] { last += 1 }
                if first < lines.count, last - first + 1 >= minRunLines {
                    let extent = lines[last].v2 - lines[first].v1
                    let u = uMin + (Double(bin) + 0.5) * binWidth
                    if extent >= minRunShare * (bottom - top) {
                        // One candidate per run and partition of its chunks.
                        let key = (first &* 1_000_003) ^ (last &* 7919) ^ sideCount(lines[first...last], u)
                        if seen.insert(key).inserted { candidates.append((extent, u, first, last)) }
                    }
                }
                first = last + 1
            }
        }
        candidates.sort { $0.extent > $1.extent }
        for candidate in candidates where isProse(lines[candidate.first...candidate.last], split: candidate.u) {
            return (candidate.u, candidate.first, candidate.last)
        }
        return nil
    }

    private static func sideCount(_ lines: ArraySlice<Line>, _ u: Double) -> Int {
        var count = 0
        for line in lines { for chunk in line.chunks where chunk.u2 <= u { count += 1 } }
        return count
    }

    /// Both sides of the split hold enough lines, mostly one chunk each, of several words.
    static func isProse(_ lines: ArraySlice<Line>, split u: Double) -> Bool {
        for leftSide in [true, false] {
            var sideLines = 0, single = 0, chunks = 0, words = 0
            for line in lines {
                var here = 0
                for chunk in line.chunks where leftSide ? chunk.u2 <= u : chunk.u1 >= u {
                    here += 1; words += chunk.words
                }
                guard here > 0 else { continue }
                sideLines += 1; chunks += here
                if here == 1 { single += 1 }
            }
            guard sideLines >= minRunLines / 2,
                  Double(single) >= proseSingleChunk * Double(sideLines),
                  Double(words) >= proseWords * Double(chunks) else { return false }
        }
        return true
    }
}
