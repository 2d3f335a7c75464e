/// The report's record of which HMAC key made its hashes: `meta.key_fingerprint`, the
/// key's `KeyedHasher.fingerprint`. Written by the first scan that writes with a key;
/// checked by every later scan and search, which refuse another key with one line
/// instead of answering "nobody" (see docs/decisions/0605-key-fingerprint.md).
/// A report from before fingerprints adopts the key of its next scan: it cannot be
/// checked, and a scan never creates a new key for a report that holds hashes.
enum KeyFingerprint {
    static let metaKey = "key_fingerprint"

    static func recorded(_ db: SQLiteDatabase) throws(ReportError) -> String? {
        let statement = try db.prepare("SELECT value FROM meta WHERE key = ?")
        statement.bind(1, metaKey)
        return try statement.step() ? statement.text(0) : nil
    }

    /// Records `hasher`'s fingerprint if none is, or refuses a different one.
    static func adopt(_ db: SQLiteDatabase, hasher: KeyedHasher, keyPath: String, report: String) throws(ReportError) {
        let mine = hasher.fingerprint
        if let recorded = try recorded(db) {
            guard recorded == mine else {
                throw ReportError.keyMismatch(path: keyPath, report: report, expected: KeyedHasher.short(recorded),
                                              found: KeyedHasher.short(mine))
            }
            return
        }
        let insert = try db.prepare("INSERT INTO meta (key, value) VALUES (?, ?)")
        insert.bind(1, metaKey)
        insert.bind(2, mine)
        try insert.run()
    }

    /// Refuses `hasher` when the report recorded another key.
    static func check(_ db: SQLiteDatabase, hasher: KeyedHasher, keyPath: String, report: String) throws(ReportError) {
        guard let recorded = try recorded(db) else { return }
        guard recorded == hasher.fingerprint else {
            throw ReportError.keyMismatch(path: keyPath, report: report, expected: KeyedHasher.short(recorded),
                                          found: KeyedHasher.short(hasher.fingerprint))
        }
    }
}
