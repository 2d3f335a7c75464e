import InventaModel

/// Turns one document's bytes into text units with locations. One implementation per
/// format, each in its own folder.
///
/// Concurrency contract: an extractor value may be shared by many workers, but every
/// call to `extract` creates and frees its own C handles, which never leave that call.
/// Units are passed to `emit` as they are produced, so memory stays bounded by one
/// unit, not by the file. Container formats pass their members to
/// `context.extractMember`. Throwing ends the document with `failed: <reason>`;
/// text already emitted is kept.
public protocol Extractor: Sendable {
    func extract(_ input: ExtractionInput, context: ExtractionContext, emit: (TextUnit) -> Void) throws(ExtractionError)
}
