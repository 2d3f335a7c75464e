import InventaModel

/// Which documents of one file have named a person so far, as the file is read unit by unit
/// (decision 0306): a case file's header table names its client (`Namn:`, `Personnummer:`),
/// and `Klienten har …` in the body below refers to that client, although the body is another
/// text unit. A document is a member path (a zip's or an e-mail's members are documents of
/// their own, the file itself is `[]`).
///
/// It records names and identity numbers at medium or more only; what counts as a reference
/// to a person is `SubjectReach`'s. One per file being read; not shared between threads.
public struct NamedDocuments: Sendable {
    private var named: Set<[String]> = []

    public init() {}

    /// True when an earlier unit of document `member` named a person.
    public func contains(_ member: [String]) -> Bool { named.contains(member) }

    /// Records that `member` named a person if one of `findings` does.
    public mutating func record(_ findings: [Finding], member: [String]) {
        guard !named.contains(member) else { return }
        if findings.contains(where: { Self.naming.contains($0.category) && $0.level >= .medium }) { named.insert(member) }
    }

    private static let naming: Set<Category> = [.personnummer, .samordningsnummer, .name]
}
