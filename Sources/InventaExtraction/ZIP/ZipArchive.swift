/// Reads a zip archive's central directory through an `ExtractionInput`, so a zip on
/// disk is read with the scanner's own read-only file handle (never reopened by path)
/// and a zip in memory needs no copy. Handles ZIP64 and UTF-8 or CP437 member names.
///
/// Why not ZIPFoundation's `Archive`: it opens files by path with `fopen` (losing the
/// read-only, no-atime handle), needs the whole archive in memory otherwise, and stops
/// listing at the first encrypted member without saying so. See docs/decisions/0100.
public struct ZipArchive {
    public let input: ExtractionInput
    public let entries: [ZipEntry]

    /// Largest central directory read; a real one is about 100 bytes per member.
    static let maxDirectoryBytes = 64 << 20

    public init(_ input: ExtractionInput) throws(ExtractionError) {
        self.input = input
        self.entries = try ZipArchive.readDirectory(input)
    }

    /// The entry with exactly this name, if any.
    public func entry(_ name: String) -> ZipEntry? {
        entries.first { $0.name == name }
    }

    /// A stream of the entry's inflated bytes, checked against the file's budget.
    public func open(_ entry: ZipEntry, budget: ExtractionBudget) throws(ExtractionError) -> ZipEntryStream {
        try ZipEntryStream(archive: self, entry: entry, budget: budget)
    }

    /// The entry's whole content, for parts and members held in memory.
    public func read(_ entry: ZipEntry, budget: ExtractionBudget) throws(ExtractionError) -> [UInt8] {
        guard entry.uncompressedSize <= budget.limits.maxMemberBytes else {
            throw ExtractionError.limitExceeded("\(entry.name) is larger than \(budget.limits.maxMemberBytes) bytes")
        }
        return try open(entry, budget: budget).readAll(limit: budget.limits.maxMemberBytes)
    }

    // MARK: - Central directory

    private static func readDirectory(_ input: ExtractionInput) throws(ExtractionError) -> [ZipEntry] {
        let tailLength = Int(min(input.size, 22 + 65_535))
        let tail = try input.read(at: input.size - Int64(tailLength), count: tailLength)
        guard let eocd = lastIndex(of: [0x50, 0x4B, 0x05, 0x06], in: tail), eocd + 22 <= tail.count else {
            throw ExtractionError.corrupt("zip: no end of central directory (truncated?)")
        }
        var count = Int64(tail.u16(eocd + 10))
        var size = Int64(tail.u32(eocd + 12))
        var offset = Int64(tail.u32(eocd + 16))
        if count == 0xFFFF || size == 0xFFFF_FFFF || offset == 0xFFFF_FFFF, eocd >= 20,
           tail.u32(eocd - 20) == 0x0706_4B50 {
            let recordOffset = Int64(truncatingIfNeeded: tail.u64(eocd - 20 + 8))
            guard recordOffset >= 0, recordOffset < input.size else { throw ExtractionError.corrupt("zip: bad ZIP64 directory locator") }
            let record = try input.read(at: recordOffset, count: 56)
            guard record.count == 56, record.u32(0) == 0x0606_4B50 else { throw ExtractionError.corrupt("zip: bad ZIP64 directory record") }
            count = Int64(truncatingIfNeeded: record.u64(32))
            size = Int64(truncatingIfNeeded: record.u64(40))
            offset = Int64(truncatingIfNeeded: record.u64(48))
        }
        guard size >= 0, offset >= 0, size <= maxDirectoryBytes, offset <= input.size, size <= input.size - offset else {
            throw ExtractionError.corrupt("zip: central directory outside the file (truncated?)")
        }
        let directory = try input.read(at: offset, count: Int(size))
        var entries: [ZipEntry] = []
        entries.reserveCapacity(Int(min(count, 100_000)))
        var cursor = 0
        while cursor + 46 <= directory.count && directory.u32(cursor) == 0x0201_4B50 {
            let (entry, next) = try parseEntry(directory, at: cursor)
            entries.append(entry)
            cursor = next
        }
        guard entries.count == Int(count) || count == 0xFFFF else {
            throw ExtractionError.corrupt("zip: central directory lists \(entries.count) of \(count) members")
        }
        return entries
    }

    private static func parseEntry(_ d: [UInt8], at c: Int) throws(ExtractionError) -> (ZipEntry, Int) {
        let nameLength = Int(d.u16(c + 28)), extraLength = Int(d.u16(c + 30)), commentLength = Int(d.u16(c + 32))
        let next = c + 46 + nameLength + extraLength + commentLength
        guard next <= d.count else { throw ExtractionError.corrupt("zip: central directory entry cut short") }
        let flags = d.u16(c + 8)
        let nameBytes = d[(c + 46)..<(c + 46 + nameLength)]
        var entry = ZipEntry(name: decodeName(nameBytes, utf8: flags & 0x800 != 0), flags: flags, method: d.u16(c + 10),
                             compressedSize: Int64(d.u32(c + 20)), uncompressedSize: Int64(d.u32(c + 24)),
                             crc32: d.u32(c + 16), localHeaderOffset: Int64(d.u32(c + 42)))
        applyZip64(d, extra: (c + 46 + nameLength)..<(c + 46 + nameLength + extraLength), to: &entry)
        return (entry, next)
    }

    /// ZIP64 extra field: the 64-bit values, in order, of the fields set to all ones.
    private static func applyZip64(_ d: [UInt8], extra: Range<Int>, to entry: inout ZipEntry) {
        var cursor = extra.lowerBound
        while cursor + 4 <= extra.upperBound {
            let id = d.u16(cursor), length = Int(d.u16(cursor + 2))
            let end = min(cursor + 4 + length, extra.upperBound)
            if id == 0x0001 {
                var field = cursor + 4
                func next() -> Int64? {
                    guard field + 8 <= end else { return nil }
                    defer { field += 8 }
                    return Int64(truncatingIfNeeded: d.u64(field))
                }
                if entry.uncompressedSize == 0xFFFF_FFFF, let v = next() { entry.uncompressedSize = v }
                if entry.compressedSize == 0xFFFF_FFFF, let v = next() { entry.compressedSize = v }
                if entry.localHeaderOffset == 0xFFFF_FFFF, let v = next() { entry.localHeaderOffset = v }
            }
            cursor = end
        }
    }

    /// Names are UTF-8 when flagged (or when they decode as such), else the DOS code page 437.
    static func decodeName(_ bytes: ArraySlice<UInt8>, utf8: Bool) -> String {
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        var scalars = String.UnicodeScalarView()
        for byte in bytes {
            scalars.append(byte < 0x80 ? Unicode.Scalar(byte) : Unicode.Scalar(cp437High[Int(byte - 0x80)]) ?? "?")
        }
        return String(scalars)
    }

    private static func lastIndex(of signature: [UInt8], in bytes: [UInt8]) -> Int? {
        guard bytes.count >= signature.count else { return nil }
        var index = bytes.count - signature.count
        while index >= 0 {
            if bytes[index] == signature[0] && bytes[index + 1] == signature[1]
                && bytes[index + 2] == signature[2] && bytes[index + 3] == signature[3] { return index }
            index -= 1
        }
        return nil
    }

    private static let cp437High: [UInt32] = Array(
        "ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u{A0}"
            .unicodeScalars.map(\.value))
}

extension Array where Element == UInt8 {
    func u16(_ i: Int) -> UInt16 { UInt16(self[i]) | UInt16(self[i + 1]) << 8 }
    func u32(_ i: Int) -> UInt32 { UInt32(u16(i)) | UInt32(u16(i + 2)) << 16 }
    func u64(_ i: Int) -> UInt64 { UInt64(u32(i)) | UInt64(u32(i + 4)) << 32 }
}
