/// A push parser for RTF: fed bytes in pieces of any size, it produces the document's
/// visible text and, separately, the text of its `\info` group (title, author,
/// company…, which often hold names). No recursion and no look-ahead, so a truncated
/// file or a 2 GB picture costs nothing special.
///
/// Handles control words and symbols, `\'hh` escapes in the document's code page
/// (`\ansicpg`: Windows-1252, ISO-8859-1; others read as Windows-1252), `\uN` with
/// `\ucN` fallback skipping (surrogate pairs included), `\binN` raw data, and skips
/// ignorable destinations (`{\*…}`) and the groups that hold no visible text (font,
/// colour and style tables, pictures, objects, field instructions…). `\par`, `\line`,
/// `\row`, `\page` become line breaks; `\tab` and `\cell` tabs. Extra closing braces
/// are ignored; groups still open at the end are reported by `openGroups`.
struct RTFParser {
    private struct Group {
        var skip = false
        var info = false
        var unicodeSkip = 1
    }

    private enum State {
        case text
        case backslash
        case word
        case number
        case hex(first: UInt8?)
        case binary(remaining: Int)
    }

    /// Destinations whose text is not part of the visible document.
    private static let skippedDestinations: Set<String> = [
        "fonttbl", "colortbl", "stylesheet", "pict", "object", "objdata", "fldinst", "themedata", "colorschememapping",
        "datastore", "latentstyles", "listtable", "listoverridetable", "rsidtbl", "generator", "xmlnstbl", "mmathpr",
        "pgdsctbl", "filetbl", "revtbl", "userprops", "nonshppict", "bkmkstart", "bkmkend", "datafield", "template",
        "blipuid", "sp", "sn", "sv", "xmlopen", "xmlclose", "wgrffmtfilter", "passwordhash", "protusertbl", "fchars",
        "lchars", "panose", "falt", "keycode", "listpicture", "oldcprops", "oldpprops", "oldsprops", "oldtprops",
        "pnseclvl", "mhtmltag", "htmltag", "bookmark",
    ]

    private var stack: [Group] = [Group()]
    private var state = State.text
    private var word: [UInt8] = []
    private var number: [UInt8] = []
    private var negative = false
    /// Fallback characters still to skip after a `\uN`.
    private var pendingSkip = 0
    private var highSurrogate: UInt32?
    /// The next control word starts a destination marked ignorable with `\*`.
    private var ignorableNext = false
    /// A `{` was just read: the next control word may name a destination.
    private var groupJustOpened = false
    private var latin1 = false
    private static let maxDepth = 4096
    /// Groups opened beyond `maxDepth`; tracked so their closing braces match.
    private var overflow = 0

    /// Visible text (UTF-8) produced since the last `take`.
    var text: [UInt8] = []
    /// Text from `\info` (UTF-8), one entry per line.
    var info: [UInt8] = []

    /// Groups opened and not closed: non-zero at the end of a truncated file.
    var openGroups: Int { stack.count - 1 + overflow }

    mutating func feed<C: Collection>(_ bytes: C) where C.Element == UInt8 {
        for byte in bytes { consume(byte) }
    }

    /// Ends a control word still being read at the end of input.
    mutating func finish() {
        switch state {
        case .word, .number: endControlWord()
        default: break
        }
        state = .text
    }

    private mutating func consume(_ byte: UInt8) {
        switch state {
        case .binary(let remaining):
            state = remaining > 1 ? .binary(remaining: remaining - 1) : .text
        case .text:
            consumeText(byte)
        case .backslash:
            consumeAfterBackslash(byte)
        case .word:
            if isLetter(byte) {
                if word.count < 32 { word.append(byte) }
            } else if byte == 0x2D || isDigit(byte) {
                negative = byte == 0x2D
                number = negative ? [] : [byte]
                state = .number
            } else {
                endControlWord()
                if byte != 0x20 { consume(byte) }
            }
        case .number:
            if isDigit(byte) {
                if number.count < 12 { number.append(byte) }
            } else {
                endControlWord()
                if byte != 0x20 { consume(byte) }
            }
        case .hex(let first):
            guard let value = hexValue(byte) else { state = .text; consume(byte); return }
            if let first {
                state = .text
                character(codePageScalar(first << 4 | value))
            } else {
                state = .hex(first: value)
            }
        }
    }

    private mutating func consumeText(_ byte: UInt8) {
        switch byte {
        case 0x5C: state = .backslash
        case 0x7B: openGroup()
        case 0x7D: closeGroup()
        case 0x00..<0x20: break // line breaks in RTF source are not text; other controls are junk
        default: character(codePageScalar(byte))
        }
    }

    private mutating func consumeAfterBackslash(_ byte: UInt8) {
        state = .text
        if isLetter(byte) {
            word = [byte]
            number = []
            negative = false
            state = .word
            return
        }
        let wasGroupStart = groupJustOpened
        groupJustOpened = false
        switch byte {
        case 0x27: state = .hex(first: nil)                          // \'hh
        case 0x2A: ignorableNext = true; groupJustOpened = wasGroupStart // \*
        case 0x5C, 0x7B, 0x7D: character(UInt32(byte))               // \\ \{ \}
        case 0x7E: character(0xA0)                                   // \~ non-breaking space
        case 0x5F: character(0x2011)                                 // \_ non-breaking hyphen
        case 0x0D, 0x0A: paragraphBreak()                            // \<newline> = \par
        case 0x09: append(0x09)
        default: break                                               // \- \: \| and unknown symbols
        }
    }

    private mutating func endControlWord() {
        state = .text
        let name = String(decoding: word, as: UTF8.self)
        let parameter: Int? = number.isEmpty ? nil : Int(String(decoding: number, as: UTF8.self)).map { negative ? -$0 : $0 }
        let atGroupStart = groupJustOpened
        groupJustOpened = false
        let ignorable = ignorableNext
        ignorableNext = false
        if name == "bin" {
            if let count = parameter, count > 0 { state = .binary(remaining: count) }
            return
        }
        if atGroupStart && (ignorable || RTFParser.skippedDestinations.contains(name)) {
            // An info sub-destination marked ignorable is still metadata; anything else is skipped.
            if !(stack[stack.count - 1].info && !RTFParser.skippedDestinations.contains(name)) {
                stack[stack.count - 1].skip = true
            }
            return
        }
        if name == "info" && atGroupStart {
            stack[stack.count - 1].info = true
            return
        }
        controlWord(name, parameter)
    }

    private mutating func controlWord(_ name: String, _ parameter: Int?) {
        switch name {
        case "par", "line", "sect", "page", "row", "nestrow", "lbr": paragraphBreak()
        case "tab", "cell", "nestcell": append(0x09)
        case "u":
            guard let value = parameter else { return }
            unicode(UInt32(truncatingIfNeeded: value < 0 ? value + 65536 : value))
            pendingSkip = stack[stack.count - 1].unicodeSkip
            return
        case "uc": stack[stack.count - 1].unicodeSkip = max(0, min(parameter ?? 1, 10))
        case "ansicpg": latin1 = parameter == 28591
        case "emdash": character(0x2014)
        case "endash": character(0x2013)
        case "bullet": character(0x2022)
        case "lquote": character(0x2018)
        case "rquote": character(0x2019)
        case "ldblquote": character(0x201C)
        case "rdblquote": character(0x201D)
        case "emspace", "enspace", "qmspace": character(0x20)
        default: break
        }
        // A control word counts as one fallback character after \uN.
        if pendingSkip > 0 { pendingSkip -= 1 }
    }

    private mutating func openGroup() {
        ignorableNext = false
        groupJustOpened = true
        guard stack.count < RTFParser.maxDepth else { overflow += 1; return }
        stack.append(stack[stack.count - 1])
    }

    private mutating func closeGroup() {
        groupJustOpened = false
        ignorableNext = false
        pendingSkip = 0
        if overflow > 0 { overflow -= 1; return }
        guard stack.count > 1 else { return } // an extra closing brace: ignore it
        let closed = stack.removeLast()
        if closed.info && !closed.skip && info.last != 0x0A && !info.isEmpty { info.append(0x0A) }
    }

    private mutating func paragraphBreak() {
        if pendingSkip > 0 { pendingSkip -= 1; return }
        append(0x0A)
    }

    /// One decoded character of text, unless it is a `\uN` fallback to skip.
    private mutating func character(_ scalar: UInt32) {
        groupJustOpened = false
        if pendingSkip > 0 { pendingSkip -= 1; return }
        unicode(scalar)
    }

    private mutating func unicode(_ value: UInt32) {
        if value >= 0xD800 && value < 0xDC00 { highSurrogate = value; return }
        var scalar = value
        if value >= 0xDC00 && value < 0xE000 {
            guard let high = highSurrogate else { return }
            scalar = 0x10000 + ((high - 0xD800) << 10) + (value - 0xDC00)
        }
        highSurrogate = nil
        guard let unicode = Unicode.Scalar(scalar) else { return }
        let group = stack[stack.count - 1]
        guard !group.skip else { return }
        if group.info {
            UTF8.encode(unicode) { info.append($0) }
        } else if scalar < 0x80 {
            text.append(UInt8(scalar))
        } else {
            UTF8.encode(unicode) { text.append($0) }
        }
    }

    private mutating func append(_ byte: UInt8) {
        groupJustOpened = false
        let group = stack[stack.count - 1]
        guard !group.skip else { return }
        if group.info { info.append(byte == 0x09 ? 0x20 : byte) } else { text.append(byte) }
    }

    private func codePageScalar(_ byte: UInt8) -> UInt32 {
        latin1 ? UInt32(byte) : TextEncoding.windows1252Scalar(byte)
    }

    private func isLetter(_ byte: UInt8) -> Bool { (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) }
    private func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
    private func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39: return byte - 0x30
        case 0x61...0x66: return byte - 0x61 + 10
        case 0x41...0x46: return byte - 0x41 + 10
        default: return nil
        }
    }
}
