/// Renders a number as stored in a spreadsheet (`1.98501012382E11`, `198501012382`,
/// `0.30000000000000004`) as the digits a user sees in the cell: plain decimal notation,
/// never an exponent, at most 15 significant digits (Excel's display precision), so a
/// personnummer stored as a number is found as one.
enum NumberText {
    static func display(_ raw: String) -> String {
        var bytes = Array(raw.utf8)
        var negative = false
        if bytes.first == UInt8(ascii: "-") { negative = true; bytes.removeFirst() } else if bytes.first == UInt8(ascii: "+") { bytes.removeFirst() }
        var exponent = 0
        if let e = bytes.firstIndex(where: { $0 == UInt8(ascii: "E") || $0 == UInt8(ascii: "e") }) {
            guard let value = Int(String(decoding: bytes[(e + 1)...], as: UTF8.self)), abs(value) < 400 else { return raw }
            exponent = value
            bytes.removeSubrange(e...)
        }
        let point = bytes.firstIndex(of: UInt8(ascii: ".")) ?? bytes.count
        var digits = Array(bytes[..<point]) + (point < bytes.count ? Array(bytes[(point + 1)...]) : [])
        guard !digits.isEmpty, digits.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return raw }
        var pointPosition = point + exponent
        while let first = digits.first, first == 48, digits.count > 1 { digits.removeFirst(); pointPosition -= 1 }
        if digits == [48] { return "0" }
        round(&digits, pointPosition: &pointPosition)
        while digits.count > max(pointPosition, 1), digits.last == 48 { digits.removeLast() }
        var text: String
        if pointPosition <= 0 {
            text = "0." + String(repeating: "0", count: -pointPosition) + String(decoding: digits, as: UTF8.self)
        } else if pointPosition >= digits.count {
            text = String(decoding: digits, as: UTF8.self) + String(repeating: "0", count: pointPosition - digits.count)
        } else {
            text = String(decoding: digits[..<pointPosition], as: UTF8.self) + "." + String(decoding: digits[pointPosition...], as: UTF8.self)
        }
        if negative { text = "-" + text }
        return text
    }

    /// Rounds to 15 significant digits, half up, as Excel shows them.
    private static func round(_ digits: inout [UInt8], pointPosition: inout Int) {
        guard digits.count > 15 else { return }
        let roundUp = digits[15] >= 53
        digits.removeSubrange(15...)
        guard roundUp else { return }
        var index = 14
        while index >= 0 {
            if digits[index] == 57 { digits[index] = 48; index -= 1 } else { digits[index] += 1; return }
        }
        digits.insert(49, at: 0)
        digits.removeLast()
        pointPosition += 1
    }
}
