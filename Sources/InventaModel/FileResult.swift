/// Everything the pipeline learned about one file, handed to the report writer
/// as one message: the file, its format and outcome, its findings, and the
/// outcome of every member when the file is a container (zip, e-mail).
public struct FileResult: Sendable {
    public var file: FileRef
    public var format: FileFormat?
    public var outcome: Outcome
    /// All findings in the file and its members; a finding's `member` says where.
    public var findings: [Finding]
    /// One entry per container member met (at any depth), so members are reported
    /// as files of their own (`outer.zip!inner/a.docx`) with their own outcome.
    public var members: [MemberResult]
    /// Bytes of text extracted; for throughput figures.
    public var textBytes: Int
    /// Pages read by OCR, skipped by its budget, or too poor to trust.
    public var ocr = OCRCounts()

    public init(file: FileRef, format: FileFormat? = nil, outcome: Outcome, findings: [Finding] = [],
                members: [MemberResult] = [], textBytes: Int = 0) {
        self.file = file
        self.format = format
        self.outcome = outcome
        self.findings = findings
        self.members = members
        self.textBytes = textBytes
    }
}

/// The outcome of one member of a container file.
public struct MemberResult: Sendable, Equatable {
    /// Member names from the outermost container inwards, e.g. `["inner.zip", "a.docx"]`.
    public var member: [String]
    public var format: FileFormat?
    public var outcome: Outcome
    /// Uncompressed size in bytes, when known.
    public var size: Int64

    public init(member: [String], format: FileFormat?, outcome: Outcome, size: Int64 = 0) {
        self.member = member
        self.format = format
        self.outcome = outcome
        self.size = size
    }

    /// `outer.zip!inner.zip!a.docx` style display path for a container at `path`.
    public func path(in containerPath: String) -> String {
        ([containerPath] + member).joined(separator: "!")
    }
}
