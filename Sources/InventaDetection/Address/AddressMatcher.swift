import InventaModel

/// Finds Swedish postal addresses: street name + house number (`Björkvägen 12`, `Stora
/// Nygatan 3 B`, `Vasa väg 4, lgh 1102`) or `Box 123`, optionally with a `c/o` line before
/// and `NNN NN Postort` after (same line after a comma, or the next line): one finding per
/// address, multi-line addresses included. The street is recognised by its suffix (see
/// `StreetLexicon`); the house number anchors the byte scan, so text without digits costs
/// almost nothing.
///
/// Rejects: a postcode alone and a postcode with a town but no street (not an address on its
/// own); lower-case street words (`vägen 12`); `Box NNN` without postcode and town.
///
/// Scoring (base, before context):
/// - street + postcode + the town the gazetteer gives for that postcode: 0.90, confirmed
///   (check `postcode-town`);
/// - street + existing postcode + another town: 0.70; street + unknown postcode: 0.55;
/// - street and number alone: 0.45, or 0.60 with an `lgh` number (a home);
/// - `Box` + postcode + town: 0.40 and tag `box_address` (mostly organisations);
/// - any of these beside an organisation number, bankgiro or `växel` (`OrganisationMarks`):
///   0.30 and tag `organisation_address` (a company's or authority's, not a person's).
/// Normalised to lower case with single spaces and without the `c/o` line and punctuation
/// (`björkvägen 12 123 45 farsta`). Masked keeping the first letter and suffix of the street,
/// the first three postcode digits and the town (`B****vägen **, 123 ** Farsta`).
public struct AddressMatcher: Matcher {
    public var name: String { "address" }
    /// Base score of an address written beside an organisation number, bankgiro or switchboard.
    static let organisationBase = 0.30
    let parser: AddressParser

    /// Loads the postcode gazetteer from `rulesDirectory/datasets/geonames-postal-SE/`.
    public init(rulesDirectory: String) throws {
        self.init(gazetteer: try PostalGazetteer(rulesDirectory: rulesDirectory))
    }

    public init(gazetteer: PostalGazetteer) {
        self.parser = AddressParser(gazetteer: gazetteer)
    }

    public func candidates(in text: UnsafeBufferPointer<UInt8>, visit: (Candidate) -> Void) {
        candidates(in: text, runs: DigitRunIndex(text), visit: visit)
    }

    public func candidates(in text: UnsafeBufferPointer<UInt8>, runs: DigitRunIndex, visit: (Candidate) -> Void) {
        var lastEnd = 0
        DigitRuns.forEach(in: text, runs: runs, only: .houseNumber) { start, end in
            guard parser.mayStartAddress(text, numberStart: start, numberEnd: end),
                  let found = parser.street(text, numberStart: start, numberEnd: end)
                    ?? parser.box(text, numberStart: start, numberEnd: end),
                  found.span.lowerBound >= lastEnd else { return end }
            lastEnd = found.span.upperBound
            visit(candidate(found, text: text))
            return found.span.upperBound
        }
    }

    private func candidate(_ found: AddressParser.Parsed, text: UnsafeBufferPointer<UInt8>) -> Candidate {
        var checks = found.isBox ? ["box"] : ["street_suffix"]
        var tags: [String] = []
        var base: Double
        if found.isBox {
            base = 0.40
            tags.append("box_address")
            if found.townMatchesPostcode { checks.append("postcode-town") }
        } else if found.townMatchesPostcode {
            base = 0.90
            checks.append("postcode-town")
        } else if found.postcode != nil {
            base = found.postcodeExists ? 0.70 : 0.55
            if found.postcodeExists { checks.append("postcode") }
        } else {
            base = found.apartment != nil ? 0.60 : 0.45
        }
        if found.apartment != nil { checks.append("lgh") }
        if found.careOf != nil { tags.append("care_of") }
        // An organisation's letterhead, buyer line or footer (decision 0405): below medium
        // even with an address label, whatever the gazetteer says.
        if OrganisationMarks.near(text, found.span) {
            base = Self.organisationBase
            tags.append("organisation_address")
        }
        return Candidate(category: .address, span: found.span, value: CellGap.crosses(text, found.span) ? CellGap.joined(text, found.span, separator: ", ")
                            : String(decoding: text[found.span], as: UTF8.self),
                         normalized: normalized(found, text: text), masked: masked(found, text: text),
                         validation: found.townMatchesPostcode ? .confirmed : .unknown, checks: checks, baseScore: base,
                         tags: tags)
    }

    /// Street, number, `lgh`, postcode `NNN NN` and town, lower-cased, single-spaced.
    /// The parts are written byte by byte straight into the string's storage (no array per
    /// part, no byte array): joined by spaces, line breaks and tabs read as spaces, commas
    /// and repeated spaces dropped.
    private func normalized(_ found: AddressParser.Parsed, text: UnsafeBufferPointer<UInt8>) -> String {
        // The written span bounds every part; the joins, ` lgh ` and the postcode's space add at most 16.
        String(unsafeUninitializedCapacity: found.span.count + 16) { out in
            var writer = NormalFormWriter(out: out)
            writer.add(lowered: found.name, of: text)
            writer.add(UInt8(ascii: " "))
            writer.add(lowered: found.number, of: text)
            if let apartment = found.apartment {
                for byte in " lgh ".utf8 { writer.add(byte) }
                for index in apartment where ByteClass.isDigit(text[index]) { writer.add(text[index]) }
            }
            if let code = found.postcode, let town = found.town {
                // `NNN NN`, from the number's decimal digits (as `String(code)` gives them).
                let digits = Self.decimalDigits(Int(code))
                writer.add(UInt8(ascii: " "))
                for byte in digits.prefix(3) { writer.add(byte) }
                writer.add(UInt8(ascii: " "))
                for byte in digits.dropFirst(3) { writer.add(byte) }
                writer.add(UInt8(ascii: " "))
                writer.add(lowered: town, of: text)
            }
            return writer.count
        }
    }

    /// Writes the normal form into a string's storage: line breaks and tabs as spaces, no
    /// commas, no repeated spaces. A struct with mutating methods rather than nested
    /// functions capturing the buffer, which the compiler kept from inlining.
    private struct NormalFormWriter {
        let out: UnsafeMutableBufferPointer<UInt8>
        var count = 0

        @inline(__always)
        mutating func add(_ written: UInt8) {
            let byte = written == 0x0A || written == 0x09 || written == 0x0D ? UInt8(ascii: " ") : written
            guard !(byte == UInt8(ascii: " ") && count > 0 && out[count - 1] == UInt8(ascii: " ")) && byte != UInt8(ascii: ",") else { return }
            out[count] = byte
            count += 1
        }

        /// `ByteClass.lowered` of one part, without building it.
        mutating func add(lowered range: Range<Int>, of text: UnsafeBufferPointer<UInt8>) {
            var index = range.lowerBound
            while index < range.upperBound {
                let byte = text[index]
                if ByteClass.isUpper(byte) {
                    add(byte | 0x20)
                } else if byte == 0xC3 && index + 1 < range.upperBound && text[index + 1] >= 0x80 && text[index + 1] <= 0x9E
                            && text[index + 1] != 0x97 {
                    add(byte)
                    add(text[index + 1] + 0x20)
                    index += 1
                } else {
                    add(byte)
                }
                index += 1
            }
        }
    }

    /// The ASCII digits of a non-negative number, most significant first, without a string.
    private static func decimalDigits(_ value: Int) -> [UInt8] {
        var digits: [UInt8] = []
        var rest = value
        repeat {
            digits.append(UInt8(ascii: "0") + UInt8(rest % 10))
            rest /= 10
        } while rest > 0
        return digits.reversed()
    }

    /// Hides the street name between its first letter and suffix, the numbers, the last two
    /// postcode digits and the `c/o` name; keeps layout, suffix and town. Written straight
    /// into the string's storage: the mask is never longer than the value.
    private func masked(_ found: AddressParser.Parsed, text: UnsafeBufferPointer<UInt8>) -> String {
        // The hidden parts as plain values (an array of ranges per address cost an allocation).
        var nameMiddle = 0..<0
        if !found.isBox, let suffixStart = found.suffixStart {
            let firstEnd = found.name.lowerBound + utf8Width(text[found.name.lowerBound])
            if suffixStart > firstEnd { nameMiddle = firstEnd..<suffixStart }
        }
        let number = found.number
        let apartment = found.apartment ?? 0..<0
        let postcodeEnd = found.postcodeRange.map { ($0.upperBound - 2)..<$0.upperBound } ?? 0..<0
        let careOfName = found.careOf.map { ($0.lowerBound + 4)..<$0.upperBound } ?? 0..<0
        return String(unsafeUninitializedCapacity: found.span.count) { out in
            var count = 0
            for position in found.span {
                let byte = text[position]
                let isHidden = number.contains(position) || nameMiddle.contains(position) || apartment.contains(position)
                    || postcodeEnd.contains(position) || careOfName.contains(position)
                if isHidden && (ByteClass.isAlphanumeric(byte) || byte >= 0xC0) {
                    out[count] = UInt8(ascii: "*")
                    count += 1
                } else if !(isHidden && byte >= 0x80 && byte < 0xC0) {
                    out[count] = byte
                    count += 1
                }
            }
            return count
        }
    }

    private func utf8Width(_ lead: UInt8) -> Int { lead < 0xC0 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4 }
}
