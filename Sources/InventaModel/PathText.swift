/// Turns file-system path bytes into text without losing anything: valid UTF-8
/// stays as it is; each byte of an invalid sequence becomes `\xNN` and a literal
/// backslash becomes `\\`, so the escaped form maps back to exactly one name.
public enum PathText {
    public static func display<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
        if !bytes.contains(0x5C), let text = String(validating: bytes, as: UTF8.self) {
            return text
        }
        return escape(Array(bytes))
    }

    private static func escape(_ bytes: [UInt8]) -> String {
        var out = ""
        var index = 0
        while index < bytes.count {
            let length = validSequenceLength(bytes, at: index)
            if length > 0 {
                let slice = bytes[index..<index + length]
                out += slice == [0x5C] ? "\\\\" : String(decoding: slice, as: UTF8.self)
                index += length
            } else {
                out += "\\x" + hex(bytes[index])
                index += 1
            }
        }
        return out
    }

    /// Length of the valid UTF-8 scalar at `index`, or 0 when the byte there starts no valid scalar.
    private static func validSequenceLength(_ bytes: [UInt8], at index: Int) -> Int {
        let lead = bytes[index]
        let length: Int
        switch lead {
        case 0x00...0x7F: return 1
        case 0xC2...0xDF: length = 2
        case 0xE0...0xEF: length = 3
        case 0xF0...0xF4: length = 4
        default: return 0
        }
        guard index + length <= bytes.count else { return 0 }
        return String(validating: bytes[index..<index + length], as: UTF8.self) == nil ? 0 : length
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
    }
}
