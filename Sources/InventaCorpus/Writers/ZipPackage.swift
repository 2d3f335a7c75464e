import Foundation
import ZIPFoundation

/// Builds a ZIP in memory with fixed entry dates, so the same entries always give
/// the same bytes (ZIPFoundation converts dates with gmtime, independent of the
/// time zone). Used for ZIP archives and for the OOXML/ODF packages.
///
/// Builds are serialised: ZIPFoundation calls `gmtime`, which returns a pointer to one
/// process-wide buffer, so two generator threads converting different dates at once could
/// write each other's date into an entry (seen as a rare byte difference between two runs
/// with the same seed).
enum ZipPackage {
    private static let gmtimeLock = NSLock()

    struct Entry {
        var path: String
        var bytes: [UInt8]
        /// ODF's `mimetype` must be stored uncompressed.
        var stored = false
    }

    static func build(_ entries: [Entry], date: Date) throws(CorpusError) -> [UInt8] {
        gmtimeLock.lock()
        defer { gmtimeLock.unlock() }
        do {
            let archive = try Archive(data: Data(), accessMode: .create)
            for entry in entries {
                let data = Data(entry.bytes)
                try archive.addEntry(with: entry.path, type: .file, uncompressedSize: Int64(data.count),
                                     modificationDate: date, permissions: 0o644,
                                     compressionMethod: entry.stored ? .none : .deflate) { position, size in
                    data.subdata(in: Int(position)..<Int(position) + size)
                }
            }
            guard let data = archive.data else { throw CorpusError.output("zip archive has no data") }
            return [UInt8](data)
        } catch let error as CorpusError {
            throw error
        } catch {
            throw CorpusError.output("cannot build zip: \(error)")
        }
    }
}
