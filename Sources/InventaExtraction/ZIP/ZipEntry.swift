/// One member of a zip archive as its central directory describes it. The sizes are
/// what the archive claims; `ZipEntryStream` checks them against what inflates.
public struct ZipEntry: Sendable {
    public var name: String
    public var flags: UInt16
    public var method: UInt16
    public var compressedSize: Int64
    public var uncompressedSize: Int64
    public var crc32: UInt32
    public var localHeaderOffset: Int64

    /// Traditional PKWARE encryption sets bit 0; WinZip AES also uses method 99.
    public var isEncrypted: Bool { flags & 1 != 0 || method == 99 }
    public var isDirectory: Bool { name.hasSuffix("/") }
}
