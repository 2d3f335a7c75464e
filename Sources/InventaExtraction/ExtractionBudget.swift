import InventaModel

/// What one file may still cost while it is extracted: text, wall-clock time,
/// decompressed bytes and members opened, counted across every container level.
/// Shared by the contexts of one file (the file's and its members'), so a zip inside
/// a zip inside a mail draws on one budget.
///
/// Every unit passes through `admit` on its way to detection (the registry does this,
/// so no extractor can forget it); extractors call `context.checkBudget()` between
/// pages, rows or members to stop early, and container extractors call `check(declaredBytes:)`
/// before inflating and `spend(bytes:)` while inflating.
///
/// A limit never discards what was read before it: the unit that crosses the text
/// limit is cut at the limit, and the file ends as `limit_exceeded: …`. The deadline
/// is cooperative: one call into a C library (a PDF page) runs to its end.
///
/// Owned by one worker for one file; not Sendable and never shared.
public final class ExtractionBudget {
    public let limits: ExtractionLimits
    public let maxTextBytes: Int
    public let deadline: ContinuousClock.Instant
    private let timeoutSeconds: Double
    /// UTF-8 bytes of owned text admitted so far.
    public private(set) var textBytes = 0
    public private(set) var uncompressedBytes: Int64 = 0
    public private(set) var membersOpened = 0
    /// OCR pages read, skipped and unreadable, across every member (`--max-ocr-pages`).
    public let ocr = OCRTally()
    /// The first text or time limit hit, if any; once set, no more text is admitted.
    public private(set) var exceeded: ExtractionError?

    public init(limits: ExtractionLimits, now: ContinuousClock.Instant = .now) {
        self.limits = limits
        maxTextBytes = max(0, limits.maxTextBytes)
        timeoutSeconds = limits.timeoutSeconds
        deadline = now + .milliseconds(Int64(max(0, min(limits.timeoutSeconds, 1e9)) * 1000))
    }

    /// Throws the limit already hit, or `limitExceeded` when the deadline has passed.
    public func check() throws(ExtractionError) {
        if let exceeded { throw exceeded }
        if ContinuousClock.now >= deadline {
            let error = timeout
            exceeded = error
            throw error
        }
    }

    /// Counts `unit`'s owned text; returns it, cut at the text limit when it crosses it,
    /// or nil once a limit has been hit.
    public func admit(_ unit: TextUnit) -> TextUnit? {
        if exceeded != nil { return nil }
        if ContinuousClock.now >= deadline {
            exceeded = timeout
            return nil
        }
        let remaining = maxTextBytes - textBytes
        let owned = unit.ownedRange.count
        if owned <= remaining {
            textBytes += owned
            return unit
        }
        exceeded = .limitExceeded("text over \(maxTextBytes) bytes; raise --max-text-per-file to read it all")
        guard remaining > 0 else { return nil }
        let utf8 = Array(unit.text.utf8)
        var cut = unit.ownedRange.lowerBound + remaining
        while cut > unit.ownedRange.lowerBound && cut < utf8.count && (utf8[cut] & 0xC0) == 0x80 { cut -= 1 }
        var truncated = unit
        truncated.text = String(decoding: utf8[0..<cut], as: UTF8.self)
        truncated.ownedRange = unit.ownedRange.lowerBound..<cut
        textBytes += cut - unit.ownedRange.lowerBound
        return truncated
    }

    /// Counts `count` more decompressed bytes; throws once the file's total is over the limit.
    public func spend(bytes count: Int) throws(ExtractionError) {
        uncompressedBytes += Int64(count)
        if uncompressedBytes > limits.maxUncompressedBytes {
            throw ExtractionError.limitExceeded("more than \(limits.maxUncompressedBytes) bytes decompressed from this file")
        }
    }

    /// Checks a member's declared size against what is left, before any byte is inflated.
    public func check(declaredBytes: Int64) throws(ExtractionError) {
        if declaredBytes > limits.maxUncompressedBytes - uncompressedBytes { // no overflow on a hostile size
            throw ExtractionError.limitExceeded("more than \(limits.maxUncompressedBytes) bytes decompressed from this file")
        }
    }

    /// Counts one more member; throws once the file has more than `maxMembers`.
    public func openMember() throws(ExtractionError) {
        membersOpened += 1
        if membersOpened > limits.maxMembers {
            throw ExtractionError.limitExceeded("more than \(limits.maxMembers) members in this file")
        }
    }

    private var timeout: ExtractionError {
        .limitExceeded("timeout after \(Self.seconds(timeoutSeconds)) s; raise --timeout-per-file to read it all")
    }

    private static func seconds(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}
