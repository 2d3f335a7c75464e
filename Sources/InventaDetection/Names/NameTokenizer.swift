/// Splits UTF-8 text into `NameToken`s in one pass over the bytes, recording case,
/// line breaks, sentence starts, initials, possessives and compounds (e-mail
/// addresses, URLs, file names), so later stages never re-read the bytes.
///
/// It does not interpret the text beyond that: which tokens are names is decided by
/// `NameDocument` (runs) and the model.
enum NameTokenizer {
    static func tokenize(_ text: UnsafeBufferPointer<UInt8>) -> [NameToken] {
        var tokens: [NameToken] = []
        tokens.reserveCapacity(text.count / 3) // name lists and tables run at about one token per 3–4 bytes
        let n = text.count
        var i = 0
        var newlines = 0
        var sawSpace = true
        var sawTab = false
        var sentenceStart = true

        func push(_ start: Int, _ end: Int, _ kind: NameToken.Kind, _ extra: NameToken.Flags = [], coreEnd: Int? = nil) {
            var flags = extra
            if newlines == 1 { flags.insert(.newlineBefore) }
            if newlines >= 2 { flags.insert(.blankLineBefore) }
            if newlines > 0 || tokens.isEmpty { flags.insert(.lineInitial) }
            if !sawSpace && !tokens.isEmpty { flags.insert(.attached) }
            if sentenceStart || newlines >= 2 { flags.insert(.sentenceInitial) }
            if sawTab { flags.insert(.tabBefore) }
            tokens.append(NameToken(start: start, end: end, coreEnd: coreEnd ?? end, kind: kind, flags: flags))
            newlines = 0
            sawSpace = false
            sawTab = false
        }

        while i < n {
            let b = text[i]
            switch b {
            case 0x20, 0x0D, 0x0B, 0x0C:
                sawSpace = true; i += 1; continue
            case 0x09:
                sawSpace = true; sawTab = true; i += 1; continue
            case 0x0A:
                newlines += 1; sawSpace = true; i += 1; continue
            case 0xC2 where i + 1 < n && text[i + 1] == 0xA0: // no-break space
                sawSpace = true; i += 2; continue
            default:
                break
            }
            if NameText.letterLength(text, i) > 0 {
                let start = i
                var flags: NameToken.Flags
                (i, flags) = NameText.isASCIILower(b) ? (lowerWordEnd(text, i), []) : word(text, i)
                if i + 1 < n, isConnector(text[i]), text[i + 1] > 0x20, let compoundEnd = compoundEnd(text, start) {
                    let hasAt = (start..<compoundEnd).contains { text[$0] == 0x40 }
                    push(start, compoundEnd, .compound, hasAt ? [.email] : [])
                    sentenceStart = false
                    i = compoundEnd
                    continue
                }
                var end = i
                var coreEnd = i
                var kind = NameToken.Kind.word
                if i < n && text[i] == 0x2E && isInitialShape(text, start, i) {
                    end = i + 1; coreEnd = end; kind = .initial
                    i += 1
                } else if end - start >= 2, text[end - 1] == 0x73 || text[end - 1] == 0x78 || text[end - 1] == 0x7A,
                          let apostropheEnd = apostrophe(text, end), apostropheEnd >= n || NameText.letterLength(text, apostropheEnd) == 0 {
                    flags.insert(.possessive)
                    end = apostropheEnd
                    i = apostropheEnd
                }
                push(start, end, kind, flags, coreEnd: coreEnd)
                sentenceStart = false
                continue
            }
            if NameText.isDigit(b) {
                let start = i
                i += 1
                while i < n {
                    let c = text[i]
                    if NameText.isDigit(c) { i += 1; continue }
                    if (c == 0x2D || c == 0x2F || c == 0x2E || c == 0x3A || c == 0x2B) && i + 1 < n && NameText.isDigit(text[i + 1]) {
                        i += 2; continue
                    }
                    break
                }
                push(start, i, .number)
                sentenceStart = false
                continue
            }
            // Punctuation or another symbol: one code point.
            let length = b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2
            let end = min(n, i + length)
            let wasSentenceStart = sentenceStart
            push(i, end, .punct)
            switch b {
            case 0x2E, 0x21, 0x3F: sentenceStart = true                   // . ! ?
            case 0x2D, 0x2A, 0x22, 0x28, 0x5B: sentenceStart = wasSentenceStart || tokens.last!.flags.contains(.lineInitial) // - * " ( [
            case 0xE2: sentenceStart = wasSentenceStart || tokens.last!.flags.contains(.lineInitial) // – • “ ”
            default: sentenceStart = false
            }
            i = end
        }
        return tokens
    }

    /// Consumes letters (and hyphens between letters) from `i`; records case flags.
    private static func word(_ text: UnsafeBufferPointer<UInt8>, _ start: Int) -> (end: Int, flags: NameToken.Flags) {
        let n = text.count
        var i = start
        var letters = 0
        var upper = 0
        var sawLower = false
        var innerCaps = false
        var hyphen = false
        var result: NameToken.Flags = []
        if NameText.isUpperLetter(text, start) { result.insert(.capitalised) }
        while i < n {
            let len = NameText.letterLength(text, i)
            if len > 0 {
                if NameText.isUpperLetter(text, i) {
                    upper += 1
                    if sawLower { innerCaps = true }
                } else if NameText.isLowerLetter(text, i) {
                    sawLower = true
                }
                letters += 1
                i += len
                continue
            }
            // `Bergstr0m`: OCR reads o as 0 (l as 1, s as 5, ö as 6) inside a capitalised word.
            if letters >= 3, i + 1 < n, NameText.ocrLetter(text[i]) != nil, i > start, NameText.isLowerLetter(text, i - 1),
               NameText.isLowerLetter(text, i + 1) {
                result.insert(.ocrDigit)
                letters += 1
                i += 1
                continue
            }
            if text[i] == 0x2D, i + 1 < n, NameText.letterLength(text, i + 1) > 0 {
                hyphen = true
                sawLower = false
                i += 1
                continue
            }
            break
        }
        if letters >= 2 && upper == letters { result.insert(.allCaps) }
        if hyphen { result.insert(.hyphenated) }
        if innerCaps && !hyphen { result.insert(.innerCaps) }
        return (i, result)
    }

    /// `P`, `C-O`, `K-E` followed by a dot: one upper-case letter per hyphen part.
    private static func isInitialShape(_ text: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        var i = start
        var parts = 0
        while i < end {
            guard NameText.isUpperLetter(text, i) else { return false }
            i += NameText.letterLength(text, i)
            parts += 1
            if i == end { break }
            guard text[i] == 0x2D else { return false }
            i += 1
        }
        return parts >= 1 && parts <= 3
    }

    /// End of an apostrophe (' or ’) at `i`, or nil.
    private static func apostrophe(_ text: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int? {
        guard i < text.count else { return nil }
        if text[i] == 0x27 { return i + 1 }
        if text[i] == 0xE2, i + 2 < text.count, text[i + 1] == 0x80, text[i + 2] == 0x99 { return i + 3 }
        return nil
    }

    /// `@ . _ / \\`: joins the parts of an e-mail address, URL, host or file name.
    @inline(__always) private static func isConnector(_ b: UInt8) -> Bool {
        b == 0x40 || b == 0x2E || b == 0x5F || b == 0x2F || b == 0x5C
    }

    /// Fast path for words starting with an ASCII lower-case letter (most words): they
    /// are never candidates, so only their end matters.
    @inline(__always)
    private static func lowerWordEnd(_ text: UnsafeBufferPointer<UInt8>, _ start: Int) -> Int {
        let n = text.count
        var i = start + 1
        while i < n {
            let b = text[i]
            if NameText.isASCIILower(b) || NameText.isASCIIUpper(b) { i += 1; continue }
            if b >= 0xC3 && b <= 0xDF, NameText.letterLength(text, i) == 2 { i += 2; continue }
            if b == 0x2D, i + 1 < n, NameText.letterLength(text, i + 1) > 0 { i += 1; continue }
            break
        }
        return i
    }

    /// If the whitespace-delimited chunk at `start` is an e-mail address, URL or file/host
    /// name (`@`, `/`, `_`, or a dot between letters), returns its end without trailing
    /// punctuation; otherwise nil.
    private static func compoundEnd(_ text: UnsafeBufferPointer<UInt8>, _ start: Int) -> Int? {
        // A chunk of 256+ bytes without whitespace (base64, minified data) is never a name:
        // stop there and treat it as a compound, which also keeps the scan linear.
        let n = min(text.count, start + 256)
        var i = start
        var compound = false
        while i < n {
            let b = text[i]
            if b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D { break }
            if b == 0x40 || b == 0x5F || b == 0x2F || b == 0x5C {
                compound = true
            } else if b == 0x2E, i > start, i + 1 < n {
                let next = text[i + 1]
                if (NameText.isASCIILower(next) || NameText.isDigit(next)) && NameText.letterLength(text, i - 1) > 0 {
                    compound = true
                }
            }
            i += 1
        }
        if i == start + 256 { compound = true }
        guard compound else { return nil }
        while i > start {
            let b = text[i - 1]
            if b == 0x2E || b == 0x2C || b == 0x3B || b == 0x3A || b == 0x29 || b == 0x21 || b == 0x3F || b == 0x22 || b == 0x27 {
                i -= 1
            } else { break }
        }
        return i
    }
}
