/// Decompresses the RTF body Outlook stores in `.msg` files (PidTagRtfCompressed,
/// MS-OXRTFCP): a 16-byte header, then LZ77 runs against a 4 KB dictionary that starts
/// with a fixed RTF prologue. Uncompressed (`MELA`) bodies are returned as they are.
/// Output is capped at the header's raw size and at `limit`; a bad header is nil.
enum CompressedRTF {
    private static let prologue = Array(("{\\rtf1\\ansi\\mac\\deff0\\deftab720{\\fonttbl;}{\\f0\\fnil \\froman \\fswiss \\fmodern \\fscript "
        + "\\fdecor MS Sans SerifSymbolArialTimes New RomanCourier{\\colortbl\\red0\\green0\\blue0\r\n\\par "
        + "\\pard\\plain\\f0\\fs20\\b\\i\\u\\tab\\tx").utf8)

    static func decompress(_ bytes: [UInt8], limit: Int) -> [UInt8]? {
        guard bytes.count >= 16 else { return nil }
        let rawSize = Int(CompoundFile.u32(bytes, 4)), kind = CompoundFile.u32(bytes, 8)
        if kind == 0x414C_454D { return Array(bytes[16..<min(bytes.count, 16 + min(rawSize, limit))]) } // "MELA"
        guard kind == 0x7546_5A4C else { return nil } // "LZFu"
        let cap = min(rawSize, limit)
        var dictionary = [UInt8](repeating: 0, count: 4096)
        dictionary.replaceSubrange(0..<prologue.count, with: prologue)
        var write = prologue.count
        var out: [UInt8] = []
        out.reserveCapacity(cap)
        var at = 16
        while at < bytes.count, out.count < cap {
            let control = bytes[at]
            at += 1
            for bit in 0..<8 {
                guard at < bytes.count, out.count < cap else { break }
                if control & (1 << bit) == 0 {
                    let byte = bytes[at]
                    at += 1
                    out.append(byte)
                    dictionary[write] = byte
                    write = (write + 1) & 0xFFF
                } else {
                    guard at + 1 < bytes.count else { return out }
                    let reference = Int(bytes[at]) << 8 | Int(bytes[at + 1])
                    at += 2
                    var read = reference >> 4
                    if read == write { return out } // the end marker
                    for _ in 0..<((reference & 0xF) + 2) where out.count < cap {
                        let byte = dictionary[read]
                        out.append(byte)
                        dictionary[write] = byte
                        write = (write + 1) & 0xFFF
                        read = (read + 1) & 0xFFF
                    }
                }
            }
        }
        return out
    }
}
