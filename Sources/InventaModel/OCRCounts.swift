/// How many pages of one file (all its members together) went through OCR: read,
/// left unread because `--max-ocr-pages` or the per-file timeout was used up, or read
/// but too poor to trust (mean confidence under the threshold). Stored per file in the
/// report, so `report summary` and `report problems` can say how much of a share was
/// read from scans and how much of it could not be. See docs/decisions/0230-ocr.md.
public struct OCRCounts: Sendable, Equatable {
    public var pages: Int
    public var skipped: Int
    public var unreadable: Int

    public init(pages: Int = 0, skipped: Int = 0, unreadable: Int = 0) {
        self.pages = pages
        self.skipped = skipped
        self.unreadable = unreadable
    }

    public var isEmpty: Bool { pages == 0 && skipped == 0 && unreadable == 0 }
}
