/// Byte-level case folding and word classification for UTF-8 text, shared by the
/// prefilter, the phrase matcher and the context windows.
///
/// Folding lower-cases ASCII and maps the continuation bytes `80–9E` to `A0–BE`,
/// which lower-cases the Latin-1 capitals in the `C3` block (Å Ä Ö É Ü …). It does
/// so without looking at the lead byte, so a few non-Latin-1 letters fold too;
/// harmless, because every phrase match is verified on word boundaries and the
/// prefilter only decides which rules run.
enum TextFolding {
    static let table: [UInt8] = (0...255).map { value in
        let byte = UInt8(value)
        if byte >= 0x41 && byte <= 0x5A { return byte | 0x20 }
        if byte >= 0x80 && byte <= 0x9E && byte != 0x97 { return byte + 0x20 }
        return byte
    }

    @inline(__always) static func fold(_ byte: UInt8) -> UInt8 { table[Int(byte)] }

    static func folded(_ text: String) -> [UInt8] { text.utf8.map(fold) }

    /// Folded text with each whitespace run made one space: the normalised form of a phrase match.
    static func foldedCollapsingSpaces(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> String {
        table.withUnsafeBufferPointer { table in
            String(unsafeUninitializedCapacity: bytes.count) { out in
                var count = 0
                var previousSpace = false
                for byte in bytes {
                    let space = isSpace(byte)
                    if space && previousSpace { continue }
                    out[count] = space ? 0x20 : table[Int(byte)]
                    count += 1
                    previousSpace = space
                }
                return count
            }
        }
    }

    @inline(__always) static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
    }

    /// True when the character that ends just before `index` is a letter or digit.
    static func isWordCharacter(before index: Int, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard index > 0 else { return false }
        var start = index - 1
        while start > 0 && index - start < 4 && text[start] & 0xC0 == 0x80 { start -= 1 }
        return isWordScalar(text, from: start, to: index)
    }

    /// True when the character that starts at `index` is a letter or digit.
    static func isWordCharacter(at index: Int, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard index < text.count else { return false }
        var end = index + 1
        while end < text.count && end - index < 4 && text[end] & 0xC0 == 0x80 { end += 1 }
        return isWordScalar(text, from: index, to: end)
    }

    private static func isWordScalar(_ text: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Bool {
        let lead = text[start]
        if lead < 0x80 {
            return (lead >= 0x30 && lead <= 0x39) || ((lead | 0x20) >= 0x61 && (lead | 0x20) <= 0x7A)
        }
        // Fast paths for Latin-1: C3 80–BF are letters (Å Ä Ö é …) except × and ÷; C2 xx are
        // punctuation and symbols (NBSP, « », §) for our purposes.
        if end - start == 2 && lead == 0xC3 { return text[start + 1] != 0x97 && text[start + 1] != 0xB7 }
        if end - start == 2 && lead == 0xC2 { return false }
        guard let scalar = String(validating: UnsafeBufferPointer(rebasing: text[start..<end]), as: UTF8.self)?.unicodeScalars.first else {
            return true
        }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }
}
