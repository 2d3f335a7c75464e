import Crypto
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Keyed hashes of normalised values: HMAC-SHA256 with a per-installation key kept
/// outside the report. The report stores the hash, never (by default) the value, so
/// a later search for one person (`inventa subject`) works without cleartext, while
/// someone holding only the report cannot test guesses without the key.
// SymmetricKey is an immutable value that swift-crypto 3 does not mark Sendable.
public struct KeyedHasher: @unchecked Sendable {
    private let key: SymmetricKey

    public init(keyBytes: [UInt8]) {
        key = SymmetricKey(data: keyBytes)
    }

    /// Lower-case hex HMAC-SHA256 of `normalized`.
    public func hash(_ normalized: String) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Array(normalized.utf8), using: key)
        var hex = [UInt8]()
        hex.reserveCapacity(64)
        for byte in mac {
            hex.append(KeyedHasher.hexDigits[Int(byte >> 4)])
            hex.append(KeyedHasher.hexDigits[Int(byte & 0x0F)])
        }
        return String(decoding: hex, as: UTF8.self)
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// The default key path: `$INVENTA_KEY_FILE`, else `$XDG_CONFIG_HOME/inventa/hmac.key`,
    /// else `~/.config/inventa/hmac.key`.
    public static var defaultKeyPath: String {
        if let explicit = getenv("INVENTA_KEY_FILE").map({ String(cString: $0) }), !explicit.isEmpty { return explicit }
        if let xdg = getenv("XDG_CONFIG_HOME").map({ String(cString: $0) }), !xdg.isEmpty { return xdg + "/inventa/hmac.key" }
        let home = getenv("HOME").map { String(cString: $0) } ?? "."
        return home + "/.config/inventa/hmac.key"
    }

    /// The key's fingerprint: the keyed hash of a fixed constant, never the key itself.
    /// Stored in every report the key wrote, so a search or a rescan with another key is
    /// refused instead of silently matching nothing. It reveals nothing about the key that
    /// a stored value hash does not already (both are HMAC outputs under the same key).
    public var fingerprint: String { hash("inventa key fingerprint v1") }

    /// The first 16 hex digits of `fingerprint`, for messages and summaries.
    public static func short(_ fingerprint: String) -> String { String(fingerprint.prefix(16)) }

    /// Loads an existing key; for searches, where a new key would silently find nothing.
    public static func load(path: String) throws(ReportError) -> KeyedHasher {
        guard SecureFile.mode(of: path) != nil else {
            throw ReportError.keyFile(path: path, message: "not found; searching needs the key the scans used (pass --key-file)")
        }
        return try loadOrCreate(path: path)
    }

    /// The key for a scan into `report`: the existing key, or a new one only when the report
    /// holds no hashes yet. A report with hashes whose key is gone is refused: a new key would
    /// make every earlier finding unsearchable while the rescan looked like success.
    public static func forScan(path: String, report: ReportState) throws(ReportError) -> KeyedHasher {
        if SecureFile.mode(of: path) == nil && report.holdsHashes {
            throw ReportError.keyMissing(path: path, report: report.path, fingerprint: report.fingerprint.map(short))
        }
        return try loadOrCreate(path: path)
    }

    /// Loads the key at `path`, creating a new random 32-byte key (mode 0600) when none exists.
    /// A key readable by group or others is refused: it protects every hash in every report.
    /// A new key is written to a temporary file and linked into place, so `path` never holds
    /// a partly written key (a full disk leaves no empty key behind) and a key another process
    /// created meanwhile is never overwritten.
    public static func loadOrCreate(path: String) throws(ReportError) -> KeyedHasher {
        if let mode = SecureFile.mode(of: path) {
            guard mode & 0o077 == 0 else {
                throw ReportError.keyFile(path: path, message: "readable by others (mode \(String(mode, radix: 8))); run: chmod 600 \(path)")
            }
            return KeyedHasher(keyBytes: try read(path: path))
        }
        if let slash = path.lastIndex(of: "/") { SecureFile.makeDirectories(String(path[..<slash])) }
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
        switch SecureFile.publish(bytes, at: path) {
        case .written: return KeyedHasher(keyBytes: bytes)
        case .existed: return KeyedHasher(keyBytes: try read(path: path))
        case .failed(let message): throw ReportError.keyFile(path: path, message: "cannot create: \(message) (free some space, or pass --key-file PATH)")
        }
    }

    private static func read(path: String) throws(ReportError) -> [UInt8] {
        // O_NOFOLLOW: the key decides every hash; one swapped in through a link planted in the
        // key's folder would make the report's hashes the planter's. Pass the real path instead.
        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else {
            if errno == ELOOP {
                throw ReportError.keyFile(path: path, message: "is a symbolic link; pass the key's real path with --key-file")
            }
            throw ReportError.keyFile(path: path, message: "cannot read: \(String(cString: strerror(errno)))")
        }
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0, count: 256)
        let count = Glibc.read(fd, &buffer, buffer.count)
        guard count >= 16 else {
            throw ReportError.keyFile(path: path, message: "too short or unreadable; restore it from your backup (a new key cannot search old reports)")
        }
        return Array(buffer[0..<count])
    }
}
