/// Byte-level helpers for Swedish text in UTF-8: letter and case tests, lower-casing
/// and diacritic folding for Latin-1 letters (å ä ö é ü …), and FNV-1a hashing.
///
/// The name detector scans every extracted byte, so it never builds `String`s or
/// `Character`s on the hot path. Only Latin-1 letters (two-byte `C3 xx`) change case
/// here; other scripts are treated as letters without case, which is enough to keep
/// them out of name candidates without ever splitting a code point.
enum NameText {
    @inline(__always) static func isASCIIUpper(_ b: UInt8) -> Bool { b >= 0x41 && b <= 0x5A }
    @inline(__always) static func isASCIILower(_ b: UInt8) -> Bool { b >= 0x61 && b <= 0x7A }
    @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

    /// Length of the letter starting at `i` (1 or 2 bytes), or 0 when `text[i]` starts no letter.
    @inline(__always)
    static func letterLength(_ text: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
        let b = text[i]
        if isASCIIUpper(b) || isASCIILower(b) { return 1 }
        if b >= 0xC3 && b <= 0xDF, i + 1 < text.count {
            let c = text[i + 1]
            guard c & 0xC0 == 0x80 else { return 0 }
            if b == 0xC3 && (c == 0x97 || c == 0xB7) { return 0 } // × ÷
            return 2
        }
        return 0
    }

    /// Whether the letter at `i` is upper case (A–Z, À–Þ, and Latin Extended-A capitals such as
    /// Ł Ś Č Ž of Polish, Czech and Croatian names: `Łukasz`).
    @inline(__always)
    static func isUpperLetter(_ text: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        let b = text[i]
        if isASCIIUpper(b) { return true }
        guard b >= 0xC3 && b <= 0xC5, i + 1 < text.count else { return false }
        let c = text[i + 1]
        if b == 0xC3 { return c >= 0x80 && c <= 0x9E && c != 0x97 }
        guard c & 0xC0 == 0x80 else { return false }
        return isExtendedAUpper(0x100 + Int(b - 0xC4) << 6 + Int(c & 0x3F))
    }

    /// Whether the letter at `i` is lower case (a–z, ß–ÿ, Latin Extended-A small letters).
    @inline(__always)
    static func isLowerLetter(_ text: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        let b = text[i]
        if isASCIILower(b) { return true }
        guard b >= 0xC3 && b <= 0xC5, i + 1 < text.count else { return false }
        let c = text[i + 1]
        if b == 0xC3 { return c >= 0x9F && c <= 0xBF && c != 0xB7 }
        guard c & 0xC0 == 0x80 else { return false }
        return !isExtendedAUpper(0x100 + Int(b - 0xC4) << 6 + Int(c & 0x3F))
    }

    /// The letter an OCR engine most often misreads as this digit (0→o, 1→l, 5→s, 6→o, which
    /// the diacritic-folded lexicon also finds for ö), or nil.
    @inline(__always) static func ocrLetter(_ b: UInt8) -> UInt8? {
        switch b {
        case 0x30, 0x36: return 0x6F
        case 0x31: return 0x6C
        case 0x35: return 0x73
        default: return nil
        }
    }

    /// Latin Extended-A (U+0100–U+017F) alternates capital and small letter; the parity flips
    /// after ĸ (U+0138) and ŉ (U+0149), and Ÿ (U+0178) is a lone capital.
    @inline(__always) static func isExtendedAUpper(_ scalar: Int) -> Bool {
        switch scalar {
        case 0x100...0x137: return scalar & 1 == 0
        case 0x139...0x148: return scalar & 1 == 1
        case 0x14A...0x177: return scalar & 1 == 0
        case 0x178: return true
        case 0x179...0x17E: return scalar & 1 == 1
        default: return false
        }
    }

    /// Writes the lower-case form of `text` into `out` (same length: only Latin-1 case
    /// pairs are mapped, and both forms have the same UTF-8 length).
    static func lowercase(_ text: UnsafeBufferPointer<UInt8>, into out: UnsafeMutableBufferPointer<UInt8>) {
        var i = 0
        let n = text.count
        var previousWasC3 = false
        guard let source = text.baseAddress, let target = out.baseAddress else { return }
        while i < n {
            // Eight ASCII bytes at a time (most text): A–Z get bit 0x20, everything else is copied.
            if !previousWasC3 && i + 8 <= n {
                let w = UnsafeRawPointer(source + i).loadUnaligned(as: UInt64.self)
                if w & 0x8080_8080_8080_8080 == 0 {
                    let ones: UInt64 = 0x0101_0101_0101_0101
                    let atLeastA = w &+ ones &* (0x80 - 0x41)      // high bit set where byte >= 'A'
                    let aboveZ = w &+ ones &* (0x80 - 0x5B)        // high bit set where byte > 'Z'
                    let upper = (atLeastA ^ aboveZ) & 0x8080_8080_8080_8080
                    UnsafeMutableRawPointer(target + i).storeBytes(of: w | (upper >> 2), toByteOffset: 0, as: UInt64.self)
                    i += 8
                    continue
                }
            }
            let b = text[i]
            if previousWasC3 {
                out[i] = (b >= 0x80 && b <= 0x9E && b != 0x97) ? b + 0x20 : b
                previousWasC3 = false
            } else {
                out[i] = isASCIIUpper(b) ? b + 0x20 : b
                previousWasC3 = (b == 0xC3)
            }
            i += 1
        }
    }

    /// Lower-cases a Swift string the same way the scanner does (for loading lexicons).
    static func lowercased(_ s: String) -> [UInt8] {
        let bytes = Array(s.utf8)
        var out = [UInt8](repeating: 0, count: bytes.count)
        bytes.withUnsafeBufferPointer { src in
            out.withUnsafeMutableBufferPointer { dst in lowercase(src, into: dst) }
        }
        return out
    }

    /// The ASCII letter a lower-case Latin-1 letter loses its diacritic to (å→a, ö→o, é→e),
    /// or nil. OCR and old systems often drop diacritics: `Asa Ostrom` for `Åsa Öström`.
    @inline(__always)
    static func foldedASCII(_ c: UInt8) -> UInt8? {
        switch c {
        case 0xA0...0xA5: return 0x61 // à á â ã ä å
        case 0xA6: return nil          // æ
        case 0xA7: return 0x63         // ç
        case 0xA8...0xAB: return 0x65 // è é ê ë
        case 0xAC...0xAF: return 0x69 // ì í î ï
        case 0xB1: return 0x6E         // ñ
        case 0xB2...0xB6, 0xB8: return 0x6F // ò ó ô õ ö ø
        case 0xB9...0xBC: return 0x75 // ù ú û ü
        default: return nil
        }
    }
}

/// 64-bit FNV-1a, fed incrementally. Feature names and lexicon keys are hashed with
/// it so the model file can list readable feature names while the scanner hashes the
/// same bytes without building strings.
struct FNV1a {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    @inline(__always) mutating func add(_ b: UInt8) {
        value ^= UInt64(b)
        value &*= 0x0000_0100_0000_01B3
    }

    @inline(__always) mutating func add(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
        for i in range { add(bytes[i]) }
    }

    @inline(__always) mutating func add(_ s: StaticString) {
        s.withUTF8Buffer { buf in for b in buf { add(b) } }
    }

    static func hash(_ s: String) -> UInt64 {
        var h = FNV1a()
        for b in s.utf8 { h.add(b) }
        return h.value
    }

    static func hash<C: Collection>(bytes: C) -> UInt64 where C.Element == UInt8 {
        var h = FNV1a()
        for b in bytes { h.add(b) }
        return h.value
    }

    /// Hash of the diacritic-folded form of lower-case bytes (å→a …), used for OCR-damaged text.
    static func foldedHash<C: Collection>(bytes: C) -> UInt64 where C.Element == UInt8 {
        var h = FNV1a()
        var pendingC3 = false
        for b in bytes {
            if pendingC3 {
                pendingC3 = false
                if let f = NameText.foldedASCII(b) { h.add(f) } else { h.add(0xC3); h.add(b) }
            } else if b == 0xC3 {
                pendingC3 = true
            } else {
                h.add(b)
            }
        }
        if pendingC3 { h.add(0xC3) }
        return h.value
    }
}
