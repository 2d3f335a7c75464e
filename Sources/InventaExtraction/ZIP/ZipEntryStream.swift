import CZlib

/// The decompressed bytes of one zip member, produced on demand (stored or deflated),
/// with the zip-bomb defences applied twice: to the sizes the archive declares before a
/// byte is inflated, and to the bytes that actually come out while inflating (ratio,
/// the file's total budget, and the declared size, which a hostile archive may fake).
/// The CRC is checked at the end.
///
/// Owns a zlib stream; one worker creates, reads and drops it.
public final class ZipEntryStream: ByteStream {
    public let entry: ZipEntry
    private let input: ExtractionInput
    private let budget: ExtractionBudget
    private var nextCompressed: Int64
    private var compressedLeft: Int64
    private var produced: Int64 = 0
    private var crc: UInt = 0
    private var finished = false
    private let zstream: UnsafeMutablePointer<z_stream>
    private let chunk: UnsafeMutableRawBufferPointer
    private var inflating = false

    static let chunkSize = 64 << 10

    init(archive: ZipArchive, entry: ZipEntry, budget: ExtractionBudget) throws(ExtractionError) {
        self.entry = entry
        self.input = archive.input
        self.budget = budget
        if entry.isEncrypted { throw ExtractionError.encrypted }
        // Hostile ZIP64 fields can hold any 64-bit value: bound them before any arithmetic.
        guard entry.compressedSize >= 0, entry.compressedSize <= input.size, entry.uncompressedSize >= 0,
              entry.localHeaderOffset >= 0, entry.localHeaderOffset < input.size else {
            throw ExtractionError.corrupt("zip: \(entry.name): sizes or offset outside the file")
        }
        guard entry.method == 0 || entry.method == 8 else {
            throw ExtractionError.unsupported("zip compression method \(entry.method)")
        }
        let limits = budget.limits
        if entry.uncompressedSize > limits.compressionRatioFloor
            && entry.uncompressedSize > max(entry.compressedSize, 1) * limits.maxCompressionRatio {
            throw ExtractionError.limitExceeded("\(entry.name) would expand more than \(limits.maxCompressionRatio) times")
        }
        try budget.check(declaredBytes: entry.uncompressedSize)
        let header = try input.read(at: entry.localHeaderOffset, count: 30)
        guard header.count == 30, header.u32(0) == 0x0403_4B50 else {
            throw ExtractionError.corrupt("zip: \(entry.name): bad local header")
        }
        nextCompressed = entry.localHeaderOffset + 30 + Int64(header.u16(26)) + Int64(header.u16(28))
        compressedLeft = entry.compressedSize
        guard nextCompressed + compressedLeft <= input.size else {
            throw ExtractionError.corrupt("zip: \(entry.name) runs past the end of the file (truncated?)")
        }
        zstream = .allocate(capacity: 1)
        zstream.initialize(to: z_stream())
        chunk = .allocate(byteCount: ZipEntryStream.chunkSize, alignment: 8)
        if entry.method == 8 {
            guard inflateInit2_(zstream, -MAX_WBITS, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
                zstream.deallocate()
                chunk.deallocate()
                throw ExtractionError.corrupt("zip: cannot start inflating")
            }
            inflating = true
        }
    }

    deinit {
        if inflating { inflateEnd(zstream) }
        zstream.deallocate()
        chunk.deallocate()
    }

    public func read(into buffer: UnsafeMutableRawBufferPointer) throws(ExtractionError) -> Int {
        guard !finished, buffer.count > 0 else { return 0 }
        let count = entry.method == 0 ? try readStored(into: buffer) : try inflate(into: buffer)
        try account(buffer, count: count)
        return count
    }

    /// The whole member, or `limitExceeded` past `limit` bytes.
    public func readAll(limit: Int64) throws(ExtractionError) -> [UInt8] {
        var bytes = [UInt8]()
        bytes.reserveCapacity(Int(min(entry.uncompressedSize, limit, 16 << 20))) // the declared size may be a lie
        let block = UnsafeMutableRawBufferPointer.allocate(byteCount: ZipEntryStream.chunkSize, alignment: 8)
        defer { block.deallocate() }
        while true {
            let count = try read(into: block)
            if count == 0 { return bytes }
            guard Int64(bytes.count + count) <= limit else {
                throw ExtractionError.limitExceeded("\(entry.name) is larger than \(limit) bytes")
            }
            bytes += UnsafeRawBufferPointer(rebasing: block[0..<count])
        }
    }

    private func readStored(into buffer: UnsafeMutableRawBufferPointer) throws(ExtractionError) -> Int {
        let count = Int(min(Int64(buffer.count), compressedLeft))
        guard count > 0 else { finished = true; return 0 }
        let bytes = try input.read(at: nextCompressed, count: count)
        guard bytes.count == count else { throw ExtractionError.corrupt("zip: \(entry.name) cut short") }
        bytes.withUnsafeBytes { buffer.baseAddress!.copyMemory(from: $0.baseAddress!, byteCount: count) }
        nextCompressed += Int64(count)
        compressedLeft -= Int64(count)
        return count
    }

    private func inflate(into buffer: UnsafeMutableRawBufferPointer) throws(ExtractionError) -> Int {
        zstream.pointee.next_out = buffer.baseAddress!.assumingMemoryBound(to: Bytef.self)
        zstream.pointee.avail_out = uInt(buffer.count)
        while zstream.pointee.avail_out == uInt(buffer.count) {
            if zstream.pointee.avail_in == 0 && compressedLeft > 0 { try refill() }
            let result = CZlib.inflate(zstream, Z_NO_FLUSH)
            if result == Z_STREAM_END { finished = true; break }
            if result == Z_BUF_ERROR && zstream.pointee.avail_in == 0 && compressedLeft == 0 {
                throw ExtractionError.corrupt("zip: \(entry.name) cut short")
            }
            guard result == Z_OK || result == Z_BUF_ERROR else {
                throw ExtractionError.corrupt("zip: \(entry.name): damaged compressed data")
            }
        }
        return buffer.count - Int(zstream.pointee.avail_out)
    }

    private func refill() throws(ExtractionError) {
        let count = Int(min(Int64(chunk.count), compressedLeft))
        let bytes = try input.read(at: nextCompressed, count: count)
        guard bytes.count == count else { throw ExtractionError.corrupt("zip: \(entry.name) cut short") }
        bytes.withUnsafeBytes { chunk.baseAddress!.copyMemory(from: $0.baseAddress!, byteCount: count) }
        nextCompressed += Int64(count)
        compressedLeft -= Int64(count)
        zstream.pointee.next_in = chunk.baseAddress!.assumingMemoryBound(to: Bytef.self)
        zstream.pointee.avail_in = uInt(count)
    }

    /// Applies the limits to bytes that really came out, and the CRC at the end.
    private func account(_ buffer: UnsafeMutableRawBufferPointer, count: Int) throws(ExtractionError) {
        if count > 0 {
            produced += Int64(count)
            crc = crc32(crc, buffer.baseAddress!.assumingMemoryBound(to: Bytef.self), uInt(count))
            try budget.spend(bytes: count)
            let limits = budget.limits
            if produced > limits.compressionRatioFloor && produced > max(entry.compressedSize, 1) * limits.maxCompressionRatio {
                throw ExtractionError.limitExceeded("\(entry.name) expands more than \(limits.maxCompressionRatio) times")
            }
            if produced > entry.uncompressedSize {
                throw ExtractionError.corrupt("zip: \(entry.name) inflates past its declared size")
            }
        }
        if finished || (count == 0 && entry.method == 0) {
            finished = true
            guard produced == entry.uncompressedSize, UInt32(truncatingIfNeeded: crc) == entry.crc32 else {
                throw ExtractionError.corrupt("zip: \(entry.name): checksum or size mismatch")
            }
        }
    }
}
