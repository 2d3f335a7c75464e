/// The delimiter of a CSV/TSV file, guessed from its first lines: the candidate
/// (`;` as Swedish Excel writes, `,`, tab, `|`) that occurs outside quotes on every
/// line the same number of times, preferring more columns; `,` when nothing fits
/// (a one-column file). Up to three title and footer lines without delimiters are allowed.
enum CSVDialect {
    static let candidates: [UInt8] = [0x3B, 0x2C, 0x09, 0x7C]

    static func delimiter(in head: ArraySlice<UInt8>) -> UInt8 {
        let lines = completeLines(head, max: 20)
        var best: (delimiter: UInt8, columns: Int, consistent: Bool)?
        for candidate in candidates {
            // Title lines above the table (`Löneutbetalning mars 2015`) and a footer below it
            // (`Attesterad av …`) have no delimiter: the table is what lies between.
            let all = lines.map { count(candidate, in: $0) }
            let counts = Array(all.drop(while: { $0 == 0 }).reversed().drop(while: { $0 == 0 }).reversed())
            guard all.count - counts.count <= 3, let first = counts.first, first > 0 else { continue }
            let consistent = counts.allSatisfy { $0 == first }
            let columns = counts.min() ?? 0
            guard columns > 0 else { continue }
            if let current = best {
                if (consistent && !current.consistent) || (consistent == current.consistent && columns > current.columns) {
                    best = (candidate, columns, consistent)
                }
            } else {
                best = (candidate, columns, consistent)
            }
        }
        return best?.delimiter ?? 0x2C
    }

    /// Up to `max` records of `head`, split at line breaks outside quotes; a last line
    /// without its line break is left out unless it is the only one.
    private static func completeLines(_ head: ArraySlice<UInt8>, max: Int) -> [ArraySlice<UInt8>] {
        var lines: [ArraySlice<UInt8>] = []
        var start = head.startIndex
        var quoted = false
        var previous: UInt8 = 0x0A
        for index in head.indices {
            let byte = head[index]
            if byte == 0x22 && (quoted || opensQuote(after: previous)) { quoted.toggle() }
            previous = byte
            if byte == 0x0A && !quoted {
                lines.append(head[start..<index])
                start = index + 1
                if lines.count == max { break }
            }
        }
        if lines.isEmpty && start < head.endIndex { lines.append(head[start...]) }
        return lines.filter { !$0.allSatisfy { $0 == 0x0D || $0 == 0x20 } }
    }

    private static func count(_ delimiter: UInt8, in line: ArraySlice<UInt8>) -> Int {
        var quoted = false
        var count = 0
        var previous: UInt8 = 0x0A
        for byte in line {
            if byte == 0x22 && (quoted || opensQuote(after: previous)) {
                quoted.toggle()
            } else if byte == delimiter && !quoted {
                count += 1
            }
            previous = byte
        }
        return count
    }

    /// A quote opens a quoted cell only at the start of a cell; `ab"c` is a stray quote.
    private static func opensQuote(after previous: UInt8) -> Bool {
        previous == 0x0A || previous == 0x20 || candidates.contains(previous)
    }
}
