/// The MIME content-transfer-encodings: base64 and quoted-printable (and the Q form of
/// RFC 2047 encoded words). Lenient on purpose: stray characters are skipped, not fatal,
/// because real mail is often slightly malformed and its text is still worth reading.
enum TransferDecoding {
    static func decode(_ bytes: ArraySlice<UInt8>, encoding: String?) -> [UInt8] {
        switch (encoding ?? "").lowercased().trimmingSpaces {
        case "base64": return base64(bytes)
        case "quoted-printable": return quotedPrintable(bytes, underscoreIsSpace: false)
        default: return Array(bytes)
        }
    }

    static func base64<C: Collection>(_ bytes: C) -> [UInt8] where C.Element == UInt8 {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count * 3 / 4)
        var accumulator: UInt32 = 0, bits = 0
        for byte in bytes {
            let value = base64Table[Int(byte)]
            if byte == UInt8(ascii: "=") { break }
            guard value != 0xFF else { continue }
            accumulator = accumulator << 6 | UInt32(value)
            bits += 6
            if bits >= 8 {
                bits -= 8
                output.append(UInt8(truncatingIfNeeded: accumulator >> UInt32(bits)))
            }
        }
        return output
    }

    static func quotedPrintable<C: Collection>(_ bytes: C, underscoreIsSpace: Bool) -> [UInt8] where C.Element == UInt8 {
        let input = Array(bytes)
        var output: [UInt8] = []
        output.reserveCapacity(input.count)
        var index = 0
        while index < input.count {
            let byte = input[index]
            if byte == UInt8(ascii: "=") {
                if index + 1 < input.count && input[index + 1] == 0x0A { index += 2; continue }
                if index + 2 < input.count && input[index + 1] == 0x0D && input[index + 2] == 0x0A { index += 3; continue }
                if index + 2 < input.count, let high = hex(input[index + 1]), let low = hex(input[index + 2]) {
                    output.append(high << 4 | low)
                    index += 3
                    continue
                }
            }
            output.append(underscoreIsSpace && byte == UInt8(ascii: "_") ? 0x20 : byte)
            index += 1
        }
        return output
    }

    private static func hex(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 48...57: return byte - 48
        case 65...70: return byte - 55
        case 97...102: return byte - 87
        default: return nil
        }
    }

    private static let base64Table: [UInt8] = {
        var table = [UInt8](repeating: 0xFF, count: 256)
        for (index, byte) in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8.enumerated() {
            table[Int(byte)] = UInt8(index)
        }
        table[Int(UInt8(ascii: "-"))] = 62 // base64url, seen in some mailers
        table[Int(UInt8(ascii: "_"))] = 63
        return table
    }()
}

extension StringProtocol {
    /// The text without leading and trailing spaces, tabs and line ends.
    var trimmingSpaces: String {
        var scalars = Substring(String(self))
        while let first = scalars.first, first == " " || first == "\t" || first == "\r" || first == "\n" { scalars.removeFirst() }
        while let last = scalars.last, last == " " || last == "\t" || last == "\r" || last == "\n" { scalars.removeLast() }
        return String(scalars)
    }
}
