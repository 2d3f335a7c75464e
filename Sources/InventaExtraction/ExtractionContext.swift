import InventaModel

/// Per-file state while one file is extracted: where we are inside containers, the
/// limits still left, and the outcome of every member met. Container extractors
/// call `extractMember` for each member; it sniffs the member's format, recurses
/// (up to `limits.maxDepth`) and tags every unit with the member path.
///
/// Owned by one worker for one file; not Sendable and never shared.
public final class ExtractionContext {
    public let limits: ExtractionLimits
    /// Member names from the outermost container inwards; empty for the file itself.
    public let member: [String]
    /// Member outcomes collected so far (all depths), for the report.
    public private(set) var members: [MemberResult] = []
    /// Text, time, decompressed bytes and members this file may still use, shared with every nested context.
    public let budget: ExtractionBudget
    private let registry: ExtractorRegistry

    init(limits: ExtractionLimits, registry: ExtractorRegistry, member: [String] = [], budget: ExtractionBudget? = nil) {
        self.limits = limits
        self.registry = registry
        self.member = member
        self.budget = budget ?? ExtractionBudget(limits: limits)
    }

    /// Throws `limitExceeded` once the file's text budget or deadline is used up. Extractors
    /// call it between pages, rows, cells or members; the text emitted so far is kept.
    public func checkBudget() throws(ExtractionError) {
        try budget.check()
    }

    /// Nesting depth: 0 for the file itself, 1 for a member of it, and so on.
    public var depth: Int { member.count }

    /// Extracts one member of the current container. Problems with the member become its
    /// outcome; they never stop the container. Units come out tagged with the member path.
    /// Returns the member's outcome, so a container can report a limit met inside it.
    @discardableResult
    public func extractMember(name: String, bytes: [UInt8], emit: (TextUnit) -> Void) -> Outcome {
        let child: ExtractionContext
        switch open(name: name, size: Int64(bytes.count)) {
        case .success(let opened): child = opened
        case .failure(let tooDeep): return tooDeep.outcome
        }
        let path = child.member
        let (format, outcome) = registry.extract(MemorySource(bytes), name: name, context: child) { unit in
            emit(ExtractionContext.tagged(unit, path))
        }
        close(child, format: format, outcome: outcome, size: Int64(bytes.count))
        return outcome
    }

    /// Extracts a member that is a structure inside this document rather than bytes (a
    /// message embedded in an Outlook `.msg` is a storage of the same compound file):
    /// `read` gets the member's context and emits its units, which come out tagged with
    /// the member path and are counted like any member's.
    @discardableResult
    public func extractMember(name: String, format: FileFormat, read: @escaping (ExtractionContext, (TextUnit) -> Void) throws(ExtractionError) -> Void,
                              emit: (TextUnit) -> Void) -> Outcome {
        let child: ExtractionContext
        switch open(name: name, size: 0) {
        case .success(let opened): child = opened
        case .failure(let tooDeep): return tooDeep.outcome
        }
        let path = child.member
        var outcome = Outcome.scanned
        do throws(ExtractionError) {
            try read(child) { unit in emit(ExtractionContext.tagged(unit, path)) }
            outcome = budget.exceeded?.outcome ?? .scanned
        } catch {
            outcome = (budget.exceeded ?? error).outcome
        }
        close(child, format: format, outcome: outcome, size: 0)
        return outcome
    }

    /// The member's context, or (recorded) the nesting limit when it would be too deep.
    private func open(name: String, size: Int64) -> Result<ExtractionContext, ExtractionError> {
        let path = member + [name]
        guard path.count <= limits.maxDepth else {
            let error = ExtractionError.limitExceeded("nesting deeper than \(limits.maxDepth)")
            members.append(MemberResult(member: path, format: nil, outcome: error.outcome, size: size))
            return .failure(error)
        }
        return .success(ExtractionContext(limits: limits, registry: registry, member: path, budget: budget))
    }

    private func close(_ child: ExtractionContext, format: FileFormat?, outcome: Outcome, size: Int64) {
        members.append(MemberResult(member: child.member, format: format, outcome: outcome, size: size))
        members += child.members
    }

    /// Units from deeper members already carry their longer path.
    private static func tagged(_ unit: TextUnit, _ path: [String]) -> TextUnit {
        var unit = unit
        if unit.member.isEmpty { unit.member = path }
        return unit
    }

    /// Records a member that was not opened (encrypted, over a limit, unreadable), so the
    /// report still lists it with the reason.
    public func recordMember(name: String, outcome: Outcome, size: Int64, format: FileFormat? = nil) {
        members.append(MemberResult(member: member + [name], format: format, outcome: outcome, size: size))
    }

    /// Runs the registered extractor for `format` on `bytes` as part of the current
    /// document (an e-mail's HTML body, say): units keep this document's member path and
    /// no member row is recorded. Returns false when no extractor is registered for it.
    public func extractInline(_ bytes: [UInt8], as format: FileFormat, emit: (TextUnit) -> Void) throws(ExtractionError) -> Bool {
        guard let extractor = registry.extractor(for: format) else { return false }
        try extractor.extract(MemorySource(bytes), context: self, emit: emit)
        return true
    }
}
