/// The gap between two cells of a table row unit (docs/decisions/0205-table-rows.md):
/// a tab, then the next cell's header label if it has one (`⇥Kontonr: `). Matchers whose
/// values span cells (clearing | account, street | postcode | town) step over it with
/// `skip`, and write their value without it (`joined`), so the report shows
/// `5216 40 137 94`, not the labels between. Stateless.
enum CellGap {
    /// Longest header label stepped over.
    static let maxLabelBytes = 40

    /// At a tab: the position after the next cell's label (`Name: `), or right after the tab
    /// when the cell has no label; nil when `position` is not a tab.
    static func skip(_ text: UnsafeBufferPointer<UInt8>, at position: Int) -> Int? {
        guard position < text.count, text[position] == 0x09 else { return nil }
        let start = position + 1
        var index = start
        while index < text.count && index - start <= maxLabelBytes {
            let byte = text[index]
            if byte == UInt8(ascii: ":") {
                guard index > start else { return start }
                return index + 1 < text.count && text[index + 1] == UInt8(ascii: " ") ? index + 2 : index + 1
            }
            // A label holds no digits and no line or cell break; a value may follow right after the tab.
            if byte == 0x09 || byte == 0x0A || ByteClass.isDigit(byte) { return start }
            index += 1
        }
        return start
    }

    /// The text of `span` with each cell gap (tab and label) replaced by `separator`.
    static func joined(_ text: UnsafeBufferPointer<UInt8>, _ span: Range<Int>, separator: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(span.count)
        var index = span.lowerBound
        while index < span.upperBound {
            if text[index] == 0x09, let next = skip(text, at: index) {
                while let last = out.last, last == UInt8(ascii: " ") || last == UInt8(ascii: ",") { out.removeLast() }
                out.append(contentsOf: separator.utf8)
                index = next
                continue
            }
            out.append(text[index])
            index += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Whether `span` crosses a tab (a value joined across cells).
    static func crosses(_ text: UnsafeBufferPointer<UInt8>, _ span: Range<Int>) -> Bool {
        text[span].contains(0x09)
    }
}
