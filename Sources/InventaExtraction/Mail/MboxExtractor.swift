import InventaModel

/// Unix mailboxes (`.mbox`): messages separated by `From ` lines (at the start or after
/// a blank line), each extracted as a member named by its 1-based position in the box
/// (`box.mbox!3`, `box.mbox!3!bilaga.docx`): positions are unique and stable, where
/// subjects repeat and can be long (docs/decisions/0102). `>From ` quoting (mboxrd) is
/// undone. The box is read in chunks; memory holds one message at a time.
public struct MboxExtractor: Extractor {
    public init() {}

    static let readSize = 1 << 20

    public func extract(_ input: ExtractionInput, context: ExtractionContext, emit: (TextUnit) -> Void) throws(ExtractionError) {
        var splitter = MboxSplitter(limit: context.limits.maxMemberBytes)
        var offset: Int64 = 0
        var pending: [UInt8] = []
        var sawMessage = false
        while offset < input.size {
            let chunk = try input.read(at: offset, count: MboxExtractor.readSize)
            if chunk.isEmpty { break }
            offset += Int64(chunk.count)
            pending += chunk
            var lineStart = 0
            while let newline = pending[lineStart...].firstIndex(of: 0x0A) {
                if let message = splitter.add(line: pending[lineStart...newline]) {
                    sawMessage = true
                    try deliver(message, context: context, emit: emit)
                }
                lineStart = newline + 1
            }
            pending.removeSubrange(0..<lineStart)
        }
        if !pending.isEmpty, let message = splitter.add(line: pending[...]) {
            sawMessage = true
            try deliver(message, context: context, emit: emit)
        }
        if let last = splitter.finish() {
            sawMessage = true
            try deliver(last, context: context, emit: emit)
        }
        if !sawMessage { throw ExtractionError.corrupt("mbox: no messages") }
    }

    private func deliver(_ message: MboxSplitter.Message, context: ExtractionContext, emit: (TextUnit) -> Void) throws(ExtractionError) {
        try context.budget.openMember()
        let name = String(message.number)
        if message.tooLarge {
            context.recordMember(name: name, outcome: ExtractionError.limitExceeded("message larger than \(context.limits.maxMemberBytes) bytes").outcome,
                                 size: message.size)
            return
        }
        context.extractMember(name: name, bytes: message.bytes, emit: emit)
    }
}

/// Cuts an mbox into messages line by line.
struct MboxSplitter {
    struct Message {
        var number: Int
        var bytes: [UInt8]
        var size: Int64
        var tooLarge: Bool
    }

    let limit: Int64
    private var current: Message?
    private var previousBlank = true
    private var count = 0

    init(limit: Int64) {
        self.limit = limit
    }

    /// Adds one line (with its newline); returns the message it completes, if any.
    mutating func add(line: ArraySlice<UInt8>) -> Message? {
        var finished: Message?
        if previousBlank && line.starts(with: MboxSplitter.from) {
            finished = current
            count += 1
            current = Message(number: count, bytes: [], size: 0, tooLarge: false)
            previousBlank = false
            return finished
        }
        previousBlank = line.allSatisfy { $0 == 0x0A || $0 == 0x0D }
        guard current != nil else { return nil } // text before the first `From ` line is not a message
        var line = line
        if line.first == UInt8(ascii: ">"), line.drop(while: { $0 == UInt8(ascii: ">") }).starts(with: MboxSplitter.from) {
            line = line.dropFirst()
        }
        current!.size += Int64(line.count)
        if current!.size > limit { current!.tooLarge = true; current!.bytes = [] }
        if !current!.tooLarge { current!.bytes += line }
        return finished
    }

    mutating func finish() -> Message? {
        defer { current = nil }
        return current
    }

    static let from = Array("From ".utf8)
}
