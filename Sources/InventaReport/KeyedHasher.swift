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

    /// Loads an existing key; for searches, where a new key would silently find nothing.
    public static func load(path: String) throws(ReportError) -> KeyedHasher {
        guard SecureFile.mode(of: path) != nil else {
            throw ReportError.keyFile(path: path, message: "not found; searching needs the key the scans used (pass --key-file)")
        }
        return try loadOrCreate(path: path)
    }

    /// Loads the key at `path`, creating a new random 32-byte key (mode 0600) when none exists.
    /// A key readable by group or others is refused: it protects every hash in every report.
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
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        if fd < 0 {
            if errno == EEXIST { return KeyedHasher(keyBytes: try read(path: path)) }
            throw ReportError.keyFile(path: path, message: "cannot create: \(String(cString: strerror(errno))) (pass --key-file PATH)")
        }
        defer { close(fd) }
        guard write(fd, bytes, bytes.count) == bytes.count else {
            throw ReportError.keyFile(path: path, message: "cannot write: \(String(cString: strerror(errno)))")
        }
        return KeyedHasher(keyBytes: bytes)
    }

    private static func read(path: String) throws(ReportError) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            throw ReportError.keyFile(path: path, message: "cannot read: \(String(cString: strerror(errno)))")
        }
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0, count: 256)
        let count = Glibc.read(fd, &buffer, buffer.count)
        guard count >= 16 else {
            throw ReportError.keyFile(path: path, message: "too short or unreadable; delete it to make a new key (old reports then cannot be searched)")
        }
        return Array(buffer[0..<count])
    }
}
