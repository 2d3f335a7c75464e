import InventaModel

/// A reader for OLE2 compound files (MS-CFB), the container of legacy Word, Excel,
/// PowerPoint and Outlook files: header, DIFAT, FAT, mini FAT, directory and streams,
/// for sector sizes 512 (version 3) and 4096 (version 4).
///
/// Hostile input is the normal case on a file share, so every number read is checked
/// before it is used: sector numbers against the file's size, chains against loops
/// (each sector at most once) and against the length the stream declares, stream sizes
/// against the file and `maxStreamBytes`. Anything wrong throws `corrupt` (or
/// `limitExceeded`) for this file only; nothing traps. Streams are read whole into
/// memory (they are bounded by the file and by the member limit); the reader does not
/// interpret them — the Word, Excel, PowerPoint and Outlook extractors do.
///
/// Also tells which Office application wrote a file (`format(of:)`), from the names in
/// its directory, and recognises password-protected Office Open XML files, which are
/// compound files holding an `EncryptedPackage`.
final class CompoundFile {
    static let signature: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]

    /// One directory entry: a storage (folder), a stream or the root.
    struct Entry {
        enum Kind: UInt8 { case empty = 0, storage = 1, stream = 2, root = 5 }
        var name: String
        var kind: Kind
        var left: UInt32
        var right: UInt32
        var child: UInt32
        var start: UInt32
        var size: UInt64
    }

    private static let endOfChain: UInt32 = 0xFFFF_FFFE
    private static let noStream: UInt32 = 0xFFFF_FFFF

    let input: ExtractionInput
    let sectorSize: Int
    let entries: [Entry]
    private let fat: [UInt32]
    private let miniFatStart: UInt32
    /// The mini FAT, read on first use like the mini stream.
    private var miniFatCache: [UInt32]?
    private let miniCutoff: UInt64
    private let maxStreamBytes: Int64
    /// Sectors the file holds after its header (the last may be partial).
    private let sectorCount: Int
    private let root: Entry
    /// The root's mini stream, read on first use (sniffing never needs it).
    private var miniStreamCache: [UInt8]?

    init(_ input: ExtractionInput, maxStreamBytes: Int64) throws(ExtractionError) {
        self.input = input
        self.maxStreamBytes = maxStreamBytes
        let header = try input.read(at: 0, count: 512)
        guard header.count == 512, header.starts(with: CompoundFile.signature) else {
            throw ExtractionError.corrupt("cfb: no compound file header (truncated or not an Office 97–2003 file)")
        }
        let shift = Int(CompoundFile.u16(header, 0x1E))
        guard shift == 9 || shift == 12 else { throw ExtractionError.corrupt("cfb: sector size 2^\(shift) is not 512 or 4096") }
        sectorSize = 1 << shift
        guard input.size > Int64(sectorSize) else { throw ExtractionError.corrupt("cfb: file ends after its header (truncated)") }
        sectorCount = Int((input.size - Int64(sectorSize) + Int64(sectorSize) - 1) / Int64(sectorSize))
        miniCutoff = UInt64(CompoundFile.u32(header, 0x38))
        fat = try CompoundFile.readFAT(input, header: header, sectorSize: sectorSize, sectorCount: sectorCount)
        var reader = ChainReader(input: input, sectorSize: sectorSize, sectorCount: sectorCount, fat: fat)
        let directory = try reader.chain(from: CompoundFile.u32(header, 0x30), bytes: nil, what: "directory")
        entries = CompoundFile.parseEntries(directory)
        guard let first = entries.first, first.kind == .root else { throw ExtractionError.corrupt("cfb: no root entry in the directory") }
        root = first
        miniFatStart = CompoundFile.u32(header, 0x3C)
    }

    private func miniFat() throws(ExtractionError) -> [UInt32] {
        if let miniFatCache { return miniFatCache }
        var reader = ChainReader(input: input, sectorSize: sectorSize, sectorCount: sectorCount, fat: fat)
        let table = CompoundFile.words(try reader.chain(from: miniFatStart, bytes: nil, what: "mini FAT"))
        miniFatCache = table
        return table
    }

    private func miniStream() throws(ExtractionError) -> [UInt8] {
        if let miniStreamCache { return miniStreamCache }
        let size = sectorSize == 512 ? root.size & 0xFFFF_FFFF : root.size
        guard size <= UInt64(input.size) else { throw ExtractionError.corrupt("cfb: mini stream larger than the file") }
        var reader = ChainReader(input: input, sectorSize: sectorSize, sectorCount: sectorCount, fat: fat)
        let bytes = size == 0 ? [] : try reader.chain(from: root.start, bytes: Int(size), what: "mini stream")
        miniStreamCache = bytes
        return bytes
    }

    /// The entries directly inside storage `index` (0 is the root), in directory order.
    /// The sibling tree is walked with a visited set, so a cyclic tree ends instead of looping.
    func children(of index: Int) -> [Int] {
        guard entries.indices.contains(index) else { return [] }
        var result: [Int] = []
        var seen = Set<UInt32>()
        var stack: [UInt32] = [entries[index].child]
        while let next = stack.popLast() {
            guard next != CompoundFile.noStream, next > 0, Int(next) < entries.count, seen.insert(next).inserted else { continue } // 0 is the root
            let entry = entries[Int(next)]
            if entry.kind != .empty { result.append(Int(next)) }
            stack.append(entry.left)
            stack.append(entry.right)
        }
        return result.sorted()
    }

    /// The entry named `name` (compared case-insensitively, as CFB does) directly inside `storage`.
    func child(named name: String, in storage: Int = 0) -> Int? {
        let wanted = name.lowercased()
        return children(of: storage).first { entries[$0].name.lowercased() == wanted }
    }

    /// The bytes of stream `index`.
    func read(_ index: Int) throws(ExtractionError) -> [UInt8] {
        guard entries.indices.contains(index), entries[index].kind == .stream else {
            throw ExtractionError.corrupt("cfb: directory entry \(index) is not a stream")
        }
        let entry = entries[index]
        // Version 3 files may leave garbage in the size's high half (MS-CFB 2.6.3).
        let size = sectorSize == 512 ? entry.size & 0xFFFF_FFFF : entry.size
        guard size <= UInt64(maxStreamBytes) else {
            throw ExtractionError.limitExceeded("stream \(entry.name) larger than \(maxStreamBytes) bytes")
        }
        guard size <= UInt64(input.size) else { throw ExtractionError.corrupt("cfb: stream \(entry.name) larger than the file") }
        if size == 0 { return [] }
        if size < miniCutoff { return try readMini(start: entry.start, size: Int(size), name: entry.name) }
        var reader = ChainReader(input: input, sectorSize: sectorSize, sectorCount: sectorCount, fat: fat)
        return try reader.chain(from: entry.start, bytes: Int(size), what: "stream \(entry.name)")
    }

    /// The stream named `name` directly inside `storage`, or nil when there is none.
    func stream(named name: String, in storage: Int = 0) throws(ExtractionError) -> [UInt8]? {
        guard let index = child(named: name, in: storage), entries[index].kind == .stream else { return nil }
        return try read(index)
    }

    private func readMini(start: UInt32, size: Int, name: String) throws(ExtractionError) -> [UInt8] {
        let mini = try miniStream()
        let miniFat = try miniFat()
        var out: [UInt8] = []
        out.reserveCapacity(size)
        var sector = start
        var seen = Set<UInt32>()
        while out.count < size {
            guard sector != CompoundFile.endOfChain else { throw ExtractionError.corrupt("cfb: stream \(name) ends early in the mini stream") }
            let offset = Int(sector) * 64
            let take = min(64, size - out.count)
            guard Int(sector) < miniFat.count, offset + take <= mini.count else {
                throw ExtractionError.corrupt("cfb: stream \(name) points outside the mini stream")
            }
            guard seen.insert(sector).inserted else { throw ExtractionError.corrupt("cfb: stream \(name) has a sector loop") }
            out += mini[offset..<(offset + take)]
            sector = miniFat[Int(sector)]
        }
        return out
    }

    // MARK: Header, FAT and directory

    /// The FAT: the sector numbers of its sectors come from the header's 109 DIFAT slots,
    /// then from the DIFAT chain (files over about 7 MB with 512-byte sectors).
    private static func readFAT(_ input: ExtractionInput, header: [UInt8], sectorSize: Int, sectorCount: Int) throws(ExtractionError) -> [UInt32] {
        let declared = Int(u32(header, 0x2C))
        guard declared <= sectorCount else { throw ExtractionError.corrupt("cfb: more FAT sectors (\(declared)) than the file holds") }
        var fatSectors: [UInt32] = []
        for slot in 0..<109 where fatSectors.count < declared {
            fatSectors.append(u32(header, 0x4C + slot * 4))
        }
        var difat = u32(header, 0x44)
        var seen = Set<UInt32>()
        let perDifat = sectorSize / 4 - 1
        while fatSectors.count < declared {
            guard difat < endOfChain - 4, Int(difat) < sectorCount, seen.insert(difat).inserted else {
                throw ExtractionError.corrupt("cfb: DIFAT chain loops or leaves the file")
            }
            let bytes = try input.read(at: Int64(difat + 1) * Int64(sectorSize), count: sectorSize)
            guard bytes.count == sectorSize else { throw ExtractionError.corrupt("cfb: DIFAT sector \(difat) is truncated") }
            for slot in 0..<perDifat where fatSectors.count < declared {
                fatSectors.append(u32(bytes, slot * 4))
            }
            difat = u32(bytes, perDifat * 4)
        }
        var fat: [UInt32] = []
        fat.reserveCapacity(fatSectors.count * sectorSize / 4)
        for sector in fatSectors {
            guard Int(sector) < sectorCount else { throw ExtractionError.corrupt("cfb: FAT sector \(sector) is outside the file (truncated?)") }
            let bytes = try input.read(at: Int64(sector + 1) * Int64(sectorSize), count: sectorSize)
            guard bytes.count == sectorSize else { throw ExtractionError.corrupt("cfb: FAT sector \(sector) is truncated") }
            fat += words(bytes)
        }
        return fat
    }

    private static func parseEntries(_ bytes: [UInt8]) -> [Entry] {
        var entries: [Entry] = []
        entries.reserveCapacity(bytes.count / 128)
        for base in stride(from: 0, to: bytes.count - 127, by: 128) {
            let nameLength = min(64, Int(u16(bytes, base + 0x40)))
            var units: [UInt16] = []
            for i in stride(from: 0, to: max(0, nameLength - 2), by: 2) { units.append(u16(bytes, base + i)) }
            let kind = Entry.Kind(rawValue: bytes[base + 0x42]) ?? .empty
            entries.append(Entry(name: String(decoding: units, as: UTF16.self), kind: kind,
                                 left: u32(bytes, base + 0x44), right: u32(bytes, base + 0x48), child: u32(bytes, base + 0x4C),
                                 start: u32(bytes, base + 0x74),
                                 size: UInt64(u32(bytes, base + 0x78)) | UInt64(u32(bytes, base + 0x7C)) << 32))
        }
        return entries
    }

    /// Follows FAT chains, reading runs of consecutive sectors with one read each.
    private struct ChainReader {
        let input: ExtractionInput
        let sectorSize: Int
        let sectorCount: Int
        let fat: [UInt32]

        /// The chain from `start`: `bytes` of it, or the whole chain when `bytes` is nil.
        mutating func chain(from start: UInt32, bytes: Int?, what: String) throws(ExtractionError) -> [UInt8] {
            if start == CompoundFile.endOfChain || start == CompoundFile.noStream { return [] }
            let needed = bytes.map { ($0 + sectorSize - 1) / sectorSize } ?? sectorCount
            var sectors: [Int] = []
            var seen = Set<UInt32>()
            var sector = start
            while sector != CompoundFile.endOfChain, bytes == nil || sectors.count < needed {
                guard Int(sector) < sectorCount, Int(sector) < fat.count else {
                    throw ExtractionError.corrupt("cfb: \(what) chain points outside the file (truncated or damaged)")
                }
                guard seen.insert(sector).inserted, sectors.count < needed else { throw ExtractionError.corrupt("cfb: \(what) chain has a sector loop") }
                sectors.append(Int(sector))
                sector = fat[Int(sector)]
            }
            if let bytes, sectors.count < needed { throw ExtractionError.corrupt("cfb: \(what) ends early (\(sectors.count * sectorSize) of \(bytes) bytes)") }
            var out: [UInt8] = []
            out.reserveCapacity(sectors.count * sectorSize)
            var index = 0
            while index < sectors.count {
                var run = 1
                while index + run < sectors.count, sectors[index + run] == sectors[index] + run { run += 1 }
                let chunk = try input.read(at: Int64(sectors[index] + 1) * Int64(sectorSize), count: run * sectorSize)
                out += chunk
                if chunk.count < run * sectorSize {
                    // Only the file's last sector may be short, and only past the stream's end.
                    guard index + run == sectors.count, let bytes, out.count >= bytes else {
                        throw ExtractionError.corrupt("cfb: \(what) runs past the end of the file (truncated)")
                    }
                }
                index += run
            }
            if let bytes { out.removeSubrange(bytes...) }
            return out
        }
    }

    // MARK: Which application

    static func format(of input: ExtractionInput) -> FileFormat? {
        streamNames(of: input).flatMap(classify)
    }

    /// True for a password-protected Office Open XML document (MS-OFFCRYPTO): Word, Excel
    /// and PowerPoint save an encrypted .docx/.xlsx/.pptx as a compound file holding the
    /// `EncryptedPackage` and its `EncryptionInfo`, not as a zip.
    static func holdsEncryptedPackage(_ input: ExtractionInput) -> Bool {
        guard let names = streamNames(of: input) else { return false }
        let lower = Set(names.map { $0.lowercased() })
        return lower.contains("encryptedpackage") && lower.contains("encryptioninfo")
    }

    /// The names of the root storage's entries; nil when `input` is no readable compound file.
    private static func streamNames(of input: ExtractionInput) -> [String]? {
        guard let file = try? CompoundFile(input, maxStreamBytes: 0) else { return nil }
        return file.children(of: 0).map { file.entries[$0].name }
    }

    /// The application, from the stream names (case-insensitive, as CFB compares them).
    static func classify(_ names: [String]) -> FileFormat? {
        let lower = Set(names.map { $0.lowercased() })
        if lower.contains("worddocument") { return .doc }
        if lower.contains("workbook") || lower.contains("book") { return .xls }
        if lower.contains("powerpoint document") { return .ppt }
        if names.contains(where: { $0.hasPrefix("__substg1.0_") || $0.hasPrefix("__properties_version1.0") }) { return .msg }
        return names.isEmpty ? nil : .ole
    }

    // MARK: Little-endian fields

    static func u16(_ b: [UInt8], _ i: Int) -> UInt16 {
        guard i >= 0, i + 1 < b.count else { return 0 }
        return UInt16(b[i]) | UInt16(b[i + 1]) << 8
    }

    static func u32(_ b: [UInt8], _ i: Int) -> UInt32 {
        guard i >= 0, i + 3 < b.count else { return 0 }
        return UInt32(b[i]) | UInt32(b[i + 1]) << 8 | UInt32(b[i + 2]) << 16 | UInt32(b[i + 3]) << 24
    }

    private static func words(_ bytes: [UInt8]) -> [UInt32] {
        stride(from: 0, to: bytes.count - 3, by: 4).map { u32(bytes, $0) }
    }
}
