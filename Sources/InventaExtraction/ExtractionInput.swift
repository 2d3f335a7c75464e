/// The bytes of one document to extract: a file on disk or a member of a container
/// already read into memory. Extractors read through this, never through paths, so
/// a DOCX inside a ZIP inside an e-mail needs no special case.
public protocol ExtractionInput: AnyObject {
    /// Total size in bytes.
    var size: Int64 { get }
    /// Up to `count` bytes at `offset`; fewer only at the end.
    func read(at offset: Int64, count: Int) throws(ExtractionError) -> [UInt8]
}

extension ExtractionInput {
    /// The whole input, or `limitExceeded` when it is larger than `limit` bytes.
    public func readAll(limit: Int64) throws(ExtractionError) -> [UInt8] {
        guard size <= limit else { throw ExtractionError.limitExceeded("document larger than \(limit) bytes") }
        return try read(at: 0, count: Int(size))
    }
}

extension FileSource: ExtractionInput {}

/// A container member held in memory.
public final class MemorySource: ExtractionInput {
    public let bytes: [UInt8]
    public var size: Int64 { Int64(bytes.count) }

    public init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    public func read(at offset: Int64, count: Int) throws(ExtractionError) -> [UInt8] {
        let start = Int(max(0, min(offset, size)))
        let end = min(bytes.count, start + count)
        return Array(bytes[start..<end])
    }
}
