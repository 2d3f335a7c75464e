import InventaModel

/// Just enough of the OLE2 compound file format (MS-CFB) to tell which Office
/// application wrote a legacy file: reads the header, follows the directory's sector
/// chain through the FAT and looks at the stream names. Reads at most a few dozen
/// sectors, bounds-checks everything and gives up (nil) on anything odd; it never
/// extracts content. Legacy Word, Excel, PowerPoint and Outlook files are reported
/// as `unsupported: <format>` so the report counts them; password-protected Office Open
/// XML files (which are compound files, not zips) as `encrypted`.
enum CompoundFile {
    static let signature: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]
    /// Directory sectors read at most: enough for hundreds of streams.
    private static let maxDirectorySectors = 64

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

    /// The stream and storage names in the directory; nil when `input` is no compound file.
    private static func streamNames(of input: ExtractionInput) -> [String]? {
        guard let header = try? input.read(at: 0, count: 512), header.count == 512,
              header.starts(with: signature) else { return nil }
        let shift = Int(u16(header, 0x1E))
        guard shift == 9 || shift == 12 else { return nil }
        return directoryNames(input, header: header, sectorSize: 1 << shift)
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

    private static func directoryNames(_ input: ExtractionInput, header: [UInt8], sectorSize: Int) -> [String] {
        var names: [String] = []
        var sector = u32(header, 0x30)
        var seen = Set<UInt32>()
        var fatCache: [UInt32: [UInt8]] = [:]
        while sector < 0xFFFF_FFFA, seen.count < maxDirectorySectors, seen.insert(sector).inserted {
            guard let bytes = try? input.read(at: Int64(sector + 1) * Int64(sectorSize), count: sectorSize),
                  bytes.count == sectorSize else { break }
            for entry in stride(from: 0, to: sectorSize, by: 128) {
                let nameLength = Int(u16(bytes, entry + 0x40))
                guard bytes[entry + 0x42] != 0, nameLength >= 2, nameLength <= 64 else { continue }
                var units: [UInt16] = []
                for i in stride(from: 0, to: nameLength - 2, by: 2) { units.append(u16(bytes, entry + i)) }
                names.append(String(decoding: units, as: UTF16.self))
            }
            guard let next = nextSector(after: sector, input: input, header: header, sectorSize: sectorSize, cache: &fatCache) else { break }
            sector = next
        }
        return names
    }

    /// The FAT entry for `sector`, using the header's first 109 FAT sector numbers.
    private static func nextSector(after sector: UInt32, input: ExtractionInput, header: [UInt8], sectorSize: Int,
                                   cache: inout [UInt32: [UInt8]]) -> UInt32? {
        let perSector = sectorSize / 4
        let fatIndex = Int(sector) / perSector
        guard fatIndex < 109 else { return nil }
        let fatSector = u32(header, 0x4C + fatIndex * 4)
        guard fatSector < 0xFFFF_FFFA else { return nil }
        if cache[fatSector] == nil {
            guard let bytes = try? input.read(at: Int64(fatSector + 1) * Int64(sectorSize), count: sectorSize),
                  bytes.count == sectorSize else { return nil }
            cache[fatSector] = bytes
        }
        guard let fat = cache[fatSector] else { return nil }
        return u32(fat, (Int(sector) % perSector) * 4)
    }

    private static func u16(_ b: [UInt8], _ i: Int) -> UInt16 { UInt16(b[i]) | UInt16(b[i + 1]) << 8 }
    private static func u32(_ b: [UInt8], _ i: Int) -> UInt32 {
        UInt32(b[i]) | UInt32(b[i + 1]) << 8 | UInt32(b[i + 2]) << 16 | UInt32(b[i + 3]) << 24
    }
}
