import InventaModel

/// What the crawler hands a visitor: a regular file to scan, or an entry it has
/// already settled (skipped or failed) that still belongs in the report.
public enum CrawlEvent: Sendable {
    case file(FileRef)
    case settled(FileResult)
}
