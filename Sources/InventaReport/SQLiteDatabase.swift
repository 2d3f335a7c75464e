import CSQLite
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A thin owner of one SQLite connection: open, execute, prepare. Nothing more.
///
/// Not thread-safe and not Sendable: exactly one thread owns a connection (the
/// report writer's, or a reader's). The file is created mode 0600 before SQLite
/// opens it, because the report is personal data too.
final class SQLiteDatabase {
    let handle: OpaquePointer

    init(path: String, readOnly: Bool = false) throws(ReportError) {
        if !readOnly { try SecureFile.createIfMissing(path: path) }
        var db: OpaquePointer?
        // Writing, SQLite refuses a database path that is a link (NOFOLLOW; its -wal and -shm it
        // always opens with O_NOFOLLOW). Reading through a link (a `latest.sqlite`) stays allowed.
        let flags = readOnly ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOFOLLOW)
        let rc = sqlite3_open_v2(path, &db, flags | SQLITE_OPEN_NOMUTEX, nil)
        guard rc == SQLITE_OK, let db else {
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
            sqlite3_close(db)
            throw ReportError.cannotOpen(path: path, message: message)
        }
        handle = db
        sqlite3_busy_timeout(db, 10_000)
    }

    deinit { sqlite3_close(handle) }

    func execute(_ sql: String) throws(ReportError) {
        var error: UnsafeMutablePointer<CChar>?
        if sqlite3_exec(handle, sql, nil, nil, &error) != SQLITE_OK {
            let message = error.map { String(cString: $0) } ?? "unknown error"
            sqlite3_free(error)
            throw ReportError.sql(message)
        }
    }

    func prepare(_ sql: String) throws(ReportError) -> Statement {
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(handle, sql, -1, &statement, nil) == SQLITE_OK, let statement else {
            throw ReportError.sql("\(lastError) in: \(sql.prefix(80))")
        }
        return Statement(statement, database: self)
    }

    var lastError: String { String(cString: sqlite3_errmsg(handle)) }
    var lastInsertID: Int64 { sqlite3_last_insert_rowid(handle) }

    /// Runs `sql` and returns the first column of the first row as an integer.
    func scalar(_ sql: String) throws(ReportError) -> Int64? {
        let statement = try prepare(sql)
        return try statement.step() ? statement.int(0) : nil
    }
}

/// A prepared statement. Bind with 1-based indexes, read columns with 0-based ones.
final class Statement {
    private let handle: OpaquePointer
    private unowned let database: SQLiteDatabase
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    init(_ handle: OpaquePointer, database: SQLiteDatabase) {
        self.handle = handle
        self.database = database
    }

    deinit { sqlite3_finalize(handle) }

    func bind(_ index: Int32, _ value: String?) {
        if let value { sqlite3_bind_text(handle, index, value, -1, Statement.transient) } else { sqlite3_bind_null(handle, index) }
    }

    func bind(_ index: Int32, _ value: Int64?) {
        if let value { sqlite3_bind_int64(handle, index, value) } else { sqlite3_bind_null(handle, index) }
    }

    func bind(_ index: Int32, _ value: Double?) {
        if let value { sqlite3_bind_double(handle, index, value) } else { sqlite3_bind_null(handle, index) }
    }

    /// Advances one row: true when a row is available, false when done.
    @discardableResult
    func step() throws(ReportError) -> Bool {
        switch sqlite3_step(handle) {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default: throw ReportError.sql(database.lastError)
        }
    }

    /// Runs the statement to completion and resets it for reuse.
    func run() throws(ReportError) {
        defer { reset() }
        while try step() {}
    }

    func reset() {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
    }

    func int(_ column: Int32) -> Int64 { sqlite3_column_int64(handle, column) }
    func double(_ column: Int32) -> Double { sqlite3_column_double(handle, column) }
    func isNull(_ column: Int32) -> Bool { sqlite3_column_type(handle, column) == SQLITE_NULL }

    /// True when the column's text is exactly `bytes`, without building a String.
    func textEquals(_ column: Int32, _ bytes: [UInt8]) -> Bool {
        guard let pointer = sqlite3_column_text(handle, column) else { return false }
        let count = Int(sqlite3_column_bytes(handle, column))
        guard count == bytes.count else { return false }
        return count == 0 || bytes.withUnsafeBufferPointer { memcmp(pointer, $0.baseAddress!, count) == 0 }
    }

    func text(_ column: Int32) -> String? {
        guard let pointer = sqlite3_column_text(handle, column) else { return nil }
        return String(cString: pointer)
    }
}
