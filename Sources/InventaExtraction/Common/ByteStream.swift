/// A source of bytes read front to back, such as a zip member being inflated. Lets a
/// large XML part be parsed while it is decompressed, without holding it whole.
public protocol ByteStream: AnyObject {
    /// Fills the start of `buffer` and returns the byte count; 0 at the end.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws(ExtractionError) -> Int
}

/// Bytes already in memory, as a stream.
public final class ArrayByteStream: ByteStream {
    private let bytes: [UInt8]
    private var offset = 0

    public init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    public func read(into buffer: UnsafeMutableRawBufferPointer) throws(ExtractionError) -> Int {
        let count = min(buffer.count, bytes.count - offset)
        guard count > 0 else { return 0 }
        bytes.withUnsafeBytes { source in
            buffer.baseAddress!.copyMemory(from: source.baseAddress! + offset, byteCount: count)
        }
        offset += count
        return count
    }
}
