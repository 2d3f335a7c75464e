/// Reads the parts of a Swedish postal address around a number found by `AddressMatcher`:
/// street name + house number (+ letter, + `lgh NNNN`), or `Box NNN`; then, on the same line
/// after a comma or on the next line, `NNN NN Postort`; and a `c/o` line before the street.
/// In a table row, postcode and town may be the next cells (`Gata: Storgatan 5⇥Postnr: 123 45⇥Ort: Småstad`).
/// Stateless apart from the gazetteer it is given.
struct AddressParser {
    struct Parsed {
        var span: Range<Int>
        /// Street name (or `Box`) as written.
        var name: Range<Int>
        /// Where the street-suffix word starts (kept in the mask); nil for `Box`.
        var suffixStart: Int?
        /// House or box number with letter or range, and the `lgh` number if any.
        var number: Range<Int>
        var apartment: Range<Int>?
        var postcode: Int32?
        var postcodeRange: Range<Int>?
        var town: Range<Int>?
        var townMatchesPostcode = false
        var postcodeExists = false
        var careOf: Range<Int>?
        var isBox = false
    }

    let gazetteer: PostalGazetteer

    /// Cheap test run on every number: could it be a house number (after a street word) or a
    /// box number? Keeps the full parse, and its large result, off the common path.
    func mayStartAddress(_ text: UnsafeBufferPointer<UInt8>, numberStart: Int, numberEnd: Int) -> Bool {
        guard numberStart >= 3, text[numberStart - 1] == UInt8(ascii: " ") else { return false }
        if numberEnd - numberStart <= 5 && numberStart >= 4 && ByteClass.hasLiteral(text, at: numberStart - 4, "Box ") {
            return true
        }
        guard numberEnd - numberStart <= 3, text[numberStart] != UInt8(ascii: "0"),
              StreetLexicon.mayEndStreetWord(text, at: numberStart - 2) else { return false }
        let word = wordBefore(text, end: numberStart - 1)
        return !word.isEmpty && StreetLexicon.classify(text, word).isStreet
    }

    /// A street address whose house number is the digit run `numberStart..<numberEnd`.
    func street(_ text: UnsafeBufferPointer<UInt8>, numberStart: Int, numberEnd: Int) -> Parsed? {
        guard numberEnd - numberStart <= 3, text[numberStart] != UInt8(ascii: "0"), numberStart >= 3,
              text[numberStart - 1] == UInt8(ascii: " ") else { return nil }
        let word = wordBefore(text, end: numberStart - 1)
        guard !word.isEmpty else { return nil }
        let kind = StreetLexicon.classify(text, word)
        guard kind.isStreet else { return nil }
        var nameStart = word.lowerBound
        var suffixStart = word.lowerBound
        if kind.standalone {
            let previous = wordBefore(text, end: word.lowerBound - 1)
            guard word.lowerBound >= 2, text[word.lowerBound - 1] == UInt8(ascii: " "), !previous.isEmpty,
                  isCapitalised(text, previous.lowerBound) else { return nil }
            nameStart = previous.lowerBound
        } else {
            guard isCapitalised(text, word.lowerBound) else { return nil }
            suffixStart = word.upperBound - StreetLexicon.suffixLength(text, word)
        }
        nameStart = includeLeadingWord(text, nameStart)
        guard let numberRange = houseNumber(text, start: numberStart, runEnd: numberEnd) else { return nil }
        var parsed = Parsed(span: nameStart..<numberRange.upperBound, name: nameStart..<word.upperBound,
                            suffixStart: suffixStart, number: numberRange)
        if let apartment = apartment(text, after: numberRange.upperBound) {
            parsed.apartment = apartment
            parsed.span = nameStart..<apartment.upperBound
        }
        attachPostcode(text, to: &parsed)
        attachCareOf(text, to: &parsed)
        return parsed
    }

    /// `Box NNN` followed by a postcode and town; nil without them (a box alone says little).
    func box(_ text: UnsafeBufferPointer<UInt8>, numberStart: Int, numberEnd: Int) -> Parsed? {
        guard numberEnd - numberStart <= 5, numberStart >= 4, ByteClass.hasLiteral(text, at: numberStart - 4, "Box "),
              NumberBoundary.startsClean(text, at: numberStart - 4), NumberBoundary.endsClean(text, at: numberEnd) else {
            return nil
        }
        var parsed = Parsed(span: (numberStart - 4)..<numberEnd, name: (numberStart - 4)..<(numberStart - 1),
                            suffixStart: nil, number: numberStart..<numberEnd, isBox: true)
        attachPostcode(text, to: &parsed)
        guard parsed.postcode != nil else { return nil }
        attachCareOf(text, to: &parsed)
        return parsed
    }

    // MARK: Street parts

    /// The word (letters, digits, multi-byte letters, `:` as in `S:t`) ending at `end`.
    private func wordBefore(_ text: UnsafeBufferPointer<UInt8>, end: Int) -> Range<Int> {
        var start = end
        while start > 0 {
            if text[start - 1] == UInt8(ascii: ":") {
                start -= 1
            } else if ByteClass.isLetterOrDigit(text, endingAt: start) {
                start = ByteClass.characterStart(text, endingAt: start)
            } else {
                break
            }
            if end - start > 48 { return end..<end }
        }
        return start..<end
    }

    private func isCapitalised(_ text: UnsafeBufferPointer<UInt8>, _ position: Int) -> Bool {
        let byte = text[position]
        if ByteClass.isUpper(byte) { return true }
        return byte == 0xC3 && position + 1 < text.count && text[position + 1] >= 0x80 && text[position + 1] <= 0x9E
    }

    /// Extends the name over `Stora`, `Lilla`, `S:t` … written before it.
    private func includeLeadingWord(_ text: UnsafeBufferPointer<UInt8>, _ start: Int) -> Int {
        guard start >= 2, text[start - 1] == UInt8(ascii: " ") else { return start }
        let previous = wordBefore(text, end: start - 1)
        guard !previous.isEmpty, isCapitalised(text, previous.lowerBound),
              StreetLexicon.leadingWords.contains(ByteClass.lowered(text[previous])) else { return start }
        return previous.lowerBound
    }

    /// `12`, `12B`, `12 B`, `12-14`; nil when the number runs into a word or a longer number.
    private func houseNumber(_ text: UnsafeBufferPointer<UInt8>, start: Int, runEnd: Int) -> Range<Int>? {
        var end = runEnd
        let count = text.count
        func isEnd(_ position: Int) -> Bool { !ByteClass.isLetterOrDigit(text, at: position) }
        if end + 1 < count && text[end] == UInt8(ascii: "-") && ByteClass.isDigit(text[end + 1]) {
            var rangeEnd = end + 1
            while rangeEnd < count && ByteClass.isDigit(text[rangeEnd]) { rangeEnd += 1 }
            guard rangeEnd - end - 1 <= 3 else { return nil }
            end = rangeEnd
        }
        if end < count && ByteClass.isASCIILetter(text[end]) && isEnd(end + 1) {
            end += 1
        } else if end + 1 < count && text[end] == UInt8(ascii: " ") && ByteClass.isUpper(text[end + 1]) && isEnd(end + 2) {
            end += 2
        }
        guard isEnd(end), NumberBoundary.endsClean(text, at: end),
              !(end < count && text[end] == UInt8(ascii: "%")) else { return nil }
        return start..<end
    }

    /// `lgh 1102`, `, lgh. 1102`, `Lgh 1102` after the house number: the range of the whole phrase.
    private func apartment(_ text: UnsafeBufferPointer<UInt8>, after end: Int) -> Range<Int>? {
        var position = end
        if position < text.count && text[position] == UInt8(ascii: ",") { position += 1 }
        guard position < text.count, text[position] == UInt8(ascii: " ") else { return nil }
        position += 1
        guard ByteClass.hasLiteral(text, at: position, "lgh") || ByteClass.hasLiteral(text, at: position, "Lgh") else {
            return nil
        }
        position += 3
        if position < text.count && text[position] == UInt8(ascii: ".") { position += 1 }
        if position < text.count && text[position] == UInt8(ascii: " ") { position += 1 }
        guard DigitRuns.isRun(text, from: position, length: 4), NumberBoundary.endsClean(text, at: position + 4) else {
            return nil
        }
        return (end + (text[end] == UInt8(ascii: ",") ? 2 : 1))..<(position + 4)
    }

    // MARK: Postcode and town

    /// Looks for `NNN NN Postort` after a comma, spaces or one line break, and extends the span.
    private func attachPostcode(_ text: UnsafeBufferPointer<UInt8>, to parsed: inout Parsed) {
        var position = parsed.span.upperBound
        var breaks = 0
        if position < text.count && text[position] == UInt8(ascii: ",") { position += 1 }
        while position < text.count {
            let byte = text[position]
            if byte == 0x0A { breaks += 1 } else if byte != UInt8(ascii: " ") && byte != 0x09 && byte != 0x0D { break }
            position += 1
        }
        guard breaks <= 1, position > parsed.span.upperBound else { return }
        // Postcode in the next column of a table row: step over its header label.
        if text[position - 1] == 0x09, let next = CellGap.skip(text, at: position - 1) { position = next }
        if ByteClass.hasLiteral(text, at: position, "SE-") { position += 3 } else if ByteClass.hasLiteral(text, at: position, "S-") { position += 2 }
        guard let (code, codeEnd) = postcode(text, at: position) else { return }
        var townStart = codeEnd
        while townStart < text.count && text[townStart] == UInt8(ascii: " ") && townStart - codeEnd < 3 { townStart += 1 }
        if townStart == codeEnd, let next = CellGap.skip(text, at: codeEnd) { townStart = next } // town in the next column
        guard townStart > codeEnd, townStart < text.count, isCapitalised(text, townStart) else { return }
        let known = gazetteer.town(for: code)
        var townEnd = capitalisedWordEnd(text, from: townStart)
        var matches = false
        if let known, townStart + known.count <= text.count,
           ByteClass.lowered(text[townStart..<(townStart + known.count)]) == known,
           !ByteClass.isLetterOrDigit(text, at: townStart + known.count) {
            townEnd = townStart + known.count
            matches = true
        }
        parsed.postcode = code
        parsed.postcodeRange = position..<codeEnd
        parsed.postcodeExists = known != nil
        parsed.town = townStart..<townEnd
        parsed.townMatchesPostcode = matches
        parsed.span = parsed.span.lowerBound..<townEnd
    }

    /// `NNN NN`, `NNN NN` with a non-breaking space, or `NNNNN`; the first digit is 1–9.
    private func postcode(_ text: UnsafeBufferPointer<UInt8>, at position: Int) -> (Int32, Int)? {
        guard position < text.count, text[position] != UInt8(ascii: "0"), DigitRuns.isRun(text, from: position, length: 3)
                || DigitRuns.isRun(text, from: position, length: 5) else { return nil }
        var digits = Array(text[position..<(position + 3)])
        var end = position + 3
        if DigitRuns.isRun(text, from: position, length: 5) {
            digits = Array(text[position..<(position + 5)])
            end = position + 5
        } else {
            var gap = end
            if gap < text.count && text[gap] == UInt8(ascii: " ") { gap += 1 } else if NumberBoundary.isNonBreakingSpace(text, startingAt: gap) { gap += 2 }
            guard gap > end, DigitRuns.isRun(text, from: gap, length: 2) else { return nil }
            digits += text[gap..<(gap + 2)]
            end = gap + 2
        }
        guard NumberBoundary.endsClean(text, at: end) else { return nil }
        let code = digits.reduce(Int32(0)) { $0 * 10 + Int32($1 - 0x30) }
        return (code, end)
    }

    /// End of a capitalised town name: letters, multi-byte letters and inner `-`.
    private func capitalisedWordEnd(_ text: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var end = start
        while end < text.count {
            let byte = text[end]
            if byte >= 0x80 && byte < 0xC0 {
                end += 1
            } else if byte >= 0x80 ? ByteClass.isLetterOrDigit(text, at: end) : ByteClass.isASCIILetter(byte) {
                end += 1
            } else if byte == UInt8(ascii: "-") && end + 1 < text.count && isCapitalised(text, end + 1) {
                end += 1
            } else {
                break
            }
        }
        return end
    }

    // MARK: c/o

    /// A `c/o …` line right before the street (or `c/o …, ` on the same line).
    private func attachCareOf(_ text: UnsafeBufferPointer<UInt8>, to parsed: inout Parsed) {
        var position = parsed.span.lowerBound
        while position > 0 && (text[position - 1] == UInt8(ascii: " ") || text[position - 1] == 0x09) { position -= 1 }
        if position > 0 && text[position - 1] == UInt8(ascii: ",") { position -= 1 } else {
            if position > 0 && text[position - 1] == 0x0A { position -= 1 }
            if position > 0 && text[position - 1] == 0x0D { position -= 1 }
            guard position < parsed.span.lowerBound else { return }
        }
        var lineStart = position
        while lineStart > 0 && text[lineStart - 1] != 0x0A && position - lineStart < 80 { lineStart -= 1 }
        while lineStart < position && (text[lineStart] == UInt8(ascii: " ") || text[lineStart] == 0x09) { lineStart += 1 }
        guard position - lineStart > 4,
              ByteClass.hasLiteral(text, at: lineStart, "c/o ") || ByteClass.hasLiteral(text, at: lineStart, "C/O ")
                || ByteClass.hasLiteral(text, at: lineStart, "C/o ") else { return }
        parsed.careOf = lineStart..<position
        parsed.span = lineStart..<parsed.span.upperBound
    }
}
