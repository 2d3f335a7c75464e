/// What one file may still cost while it is extracted: decompressed bytes and members
/// opened, counted across every container level. Shared by the contexts of one file
/// (the file's and its members'), so a zip inside a zip inside a mail draws on one budget.
///
/// Owned by the one worker extracting the file; not Sendable and never shared.
public final class ExtractionBudget {
    public let limits: ExtractionLimits
    public private(set) var uncompressedBytes: Int64 = 0
    public private(set) var membersOpened = 0

    init(limits: ExtractionLimits) {
        self.limits = limits
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
}
