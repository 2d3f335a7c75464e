import Testing
@testable import InventaExtraction
import InventaModel

/// Compound files built here byte by byte (`CompoundFileWriter`), so sector sizes,
/// DIFAT and damage can be chosen; real Office files are covered by the DOC/XLS/PPT tests.
@Suite struct CompoundFileTests {
    static func open(_ bytes: [UInt8]) throws(ExtractionError) -> CompoundFile {
        try CompoundFile(MemorySource(bytes), maxStreamBytes: 1 << 30)
    }

    @Test(arguments: [9, 12])
    func readsStreamsWithEitherSectorSize(shift: Int) throws {
        let payload = (0..<20_000).map { UInt8(truncatingIfNeeded: $0 * 7) }
        let bytes = CompoundFileWriter(shift: shift).build(streams: [("Workbook", payload), ("Small", Array("hej".utf8))])
        let file = try Self.open(bytes)
        #expect(try file.stream(named: "workbook") == payload) // names compare case-insensitively
        #expect(try file.stream(named: "Small") == Array("hej".utf8)) // in the mini stream
        #expect(CompoundFile.format(of: MemorySource(bytes)) == .xls)
    }

    @Test func largeFileNeedsTheDIFAT() throws {
        // Over 109 FAT sectors (7 MB with 512-byte sectors): the FAT's sector list continues in DIFAT sectors.
        let payload = (0..<8_000_000).map { UInt8(truncatingIfNeeded: $0 &* 31 >> 3) }
        let bytes = CompoundFileWriter(shift: 9).build(streams: [("WordDocument", payload)])
        #expect(try Self.open(bytes).stream(named: "WordDocument") == payload)
    }

    @Test func sectorLoopFailsTheFile() throws {
        var builder = CompoundFileWriter(shift: 9)
        builder.damage = .loop
        let bytes = builder.build(streams: [("Workbook", [UInt8](repeating: 1, count: 9000))])
        #expect(throws: ExtractionError.self) { try Self.open(bytes).stream(named: "Workbook") }
    }

    @Test func chainOutsideTheFileFailsTheFile() throws {
        var builder = CompoundFileWriter(shift: 9)
        builder.damage = .outside
        let bytes = builder.build(streams: [("Workbook", [UInt8](repeating: 1, count: 9000))])
        #expect(throws: ExtractionError.self) { try Self.open(bytes).stream(named: "Workbook") }
    }

    @Test func streamOverTheLimitIsALimit() throws {
        let bytes = CompoundFileWriter(shift: 9).build(streams: [("Workbook", [UInt8](repeating: 1, count: 9000))])
        let file = try CompoundFile(MemorySource(bytes), maxStreamBytes: 5000)
        #expect(throws: ExtractionError.limitExceeded("stream Workbook larger than 5000 bytes")) { try file.stream(named: "Workbook") }
    }

    @Test(arguments: [0, 7, 100, 511, 512, 600, 1500])
    func truncatedHeadersFailWithoutTrapping(cut: Int) {
        let bytes = CompoundFileWriter(shift: 9).build(streams: [("Workbook", [UInt8](repeating: 1, count: 9000))])
        #expect(throws: ExtractionError.self) { try Self.open(Array(bytes.prefix(cut))).stream(named: "Workbook") }
    }
}

/// Writes a minimal compound file: the root, one directory sector chain, streams under
/// the root (those under 4096 bytes in the mini stream), FAT and, when needed, DIFAT.
struct CompoundFileWriter {
    enum Damage { case none, loop, outside }
    var shift: Int
    var damage = Damage.none

    init(shift: Int) { self.shift = shift }

    func build(streams: [(String, [UInt8])]) -> [UInt8] {
        let size = 1 << shift
        var sectors: [[UInt8]] = []
        var fat: [UInt32] = []
        func chain(_ data: [UInt8]) -> UInt32 {
            guard !data.isEmpty else { return 0xFFFF_FFFE }
            let first = UInt32(sectors.count)
            let count = (data.count + size - 1) / size
            for i in 0..<count {
                var sector = Array(data[(i * size)..<min(data.count, (i + 1) * size)])
                sector += [UInt8](repeating: 0, count: size - sector.count)
                sectors.append(sector)
                fat.append(i == count - 1 ? 0xFFFF_FFFE : first + UInt32(i) + 1)
            }
            return first
        }
        var mini: [UInt8] = [], miniFat: [UInt32] = []
        var placed: [(name: String, start: UInt32, size: Int)] = []
        for (name, data) in streams where data.count < 4096 {
            let first = UInt32(mini.count / 64)
            let count = (data.count + 63) / 64
            for i in 0..<count { miniFat.append(i == count - 1 ? 0xFFFF_FFFE : first + UInt32(i) + 1) }
            mini += data + [UInt8](repeating: 0, count: count * 64 - data.count)
            placed.append((name, first, data.count))
        }
        for (name, data) in streams where data.count >= 4096 {
            let start = chain(data)
            placed.append((name, start, data.count))
            if damage == .loop { fat[Int(start) + 1] = start }
            if damage == .outside { fat[Int(start) + 1] = 0x00FF_FFF0 }
        }
        let miniStart = chain(mini)
        let miniFatStart = chain(miniFat.flatMap(Self.le32))
        var directory: [UInt8] = []
        func entry(_ name: String, kind: UInt8, child: UInt32, right: UInt32, start: UInt32, size: Int) -> [UInt8] {
            var e = [UInt8](repeating: 0, count: 128)
            let units = Array(name.utf16) + [0]
            for (i, u) in units.enumerated() { e[i * 2] = UInt8(u & 0xFF); e[i * 2 + 1] = UInt8(u >> 8) }
            e[0x40] = UInt8(units.count * 2); e[0x42] = kind; e[0x43] = 1
            e.replaceSubrange(0x44..<0x48, with: Self.le32(0xFFFF_FFFF))
            e.replaceSubrange(0x48..<0x4C, with: Self.le32(right))
            e.replaceSubrange(0x4C..<0x50, with: Self.le32(child))
            e.replaceSubrange(0x74..<0x78, with: Self.le32(start))
            e.replaceSubrange(0x78..<0x7C, with: Self.le32(UInt32(size)))
            return e
        }
        directory += entry("Root Entry", kind: 5, child: placed.isEmpty ? 0xFFFF_FFFF : 1, right: 0xFFFF_FFFF, start: miniStart, size: mini.count)
        for (i, stream) in placed.enumerated() {
            directory += entry(stream.name, kind: 2, child: 0xFFFF_FFFF, right: i + 1 < placed.count ? UInt32(i + 2) : 0xFFFF_FFFF,
                               start: stream.start, size: stream.size)
        }
        let directoryStart = chain(directory)
        // FAT sectors (marked 0xFFFFFFFD) and DIFAT sectors (0xFFFFFFFC) describe themselves too.
        let perSector = size / 4
        var fatCount = 0, difatCount = 0
        while true {
            let total = sectors.count + fatCount + difatCount
            let needFat = (total + perSector - 1) / perSector
            let needDifat = max(0, needFat - 109 + perSector - 2) / (perSector - 1)
            if needFat == fatCount && needDifat == difatCount { break }
            fatCount = needFat; difatCount = needDifat
        }
        let fatStart = sectors.count
        let difatStart = fatStart + fatCount
        fat += [UInt32](repeating: 0xFFFF_FFFD, count: fatCount) + [UInt32](repeating: 0xFFFF_FFFC, count: difatCount)
        fat += [UInt32](repeating: 0xFFFF_FFFF, count: fatCount * perSector - fat.count)
        for i in 0..<fatCount { sectors.append(fat[(i * perSector)..<((i + 1) * perSector)].flatMap(Self.le32)) }
        let fatSectors = (0..<fatCount).map { UInt32(fatStart + $0) }
        var rest = Array(fatSectors.dropFirst(109))
        for i in 0..<difatCount {
            var words = Array(rest.prefix(perSector - 1))
            rest.removeFirst(words.count)
            words += [UInt32](repeating: 0xFFFF_FFFF, count: perSector - 1 - words.count)
            words.append(i + 1 < difatCount ? UInt32(difatStart + i + 1) : 0xFFFF_FFFE)
            sectors.append(words.flatMap(Self.le32))
        }
        var header = [UInt8](repeating: 0, count: size)
        header.replaceSubrange(0..<8, with: CompoundFile.signature)
        header.replaceSubrange(0x18..<0x1A, with: [0x3E, 0])
        header.replaceSubrange(0x1A..<0x1C, with: [shift == 9 ? 3 : 4, 0])
        header.replaceSubrange(0x1C..<0x1E, with: [0xFE, 0xFF])
        header.replaceSubrange(0x1E..<0x20, with: [UInt8(shift), 0])
        header.replaceSubrange(0x20..<0x22, with: [6, 0])
        header.replaceSubrange(0x2C..<0x30, with: Self.le32(UInt32(fatCount)))
        header.replaceSubrange(0x30..<0x34, with: Self.le32(directoryStart))
        header.replaceSubrange(0x38..<0x3C, with: Self.le32(4096))
        header.replaceSubrange(0x3C..<0x40, with: Self.le32(miniFatStart))
        header.replaceSubrange(0x40..<0x44, with: Self.le32(UInt32((miniFat.count * 4 + size - 1) / size)))
        header.replaceSubrange(0x44..<0x48, with: Self.le32(difatCount > 0 ? UInt32(difatStart) : 0xFFFF_FFFE))
        header.replaceSubrange(0x48..<0x4C, with: Self.le32(UInt32(difatCount)))
        for slot in 0..<109 {
            header.replaceSubrange((0x4C + slot * 4)..<(0x50 + slot * 4), with: Self.le32(slot < fatSectors.count ? fatSectors[slot] : 0xFFFF_FFFF))
        }
        return header + sectors.flatMap { $0 }
    }

    static func le32(_ v: UInt32) -> [UInt8] { [UInt8(v & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v >> 16 & 0xFF), UInt8(v >> 24)] }
}
