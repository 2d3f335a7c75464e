import InventaModel

/// Outlook messages (`.msg`, MS-OXMSG): a compound file whose `__substg1.0_TTTTYYYY`
/// streams hold the message's properties. Read: the sender and each recipient (display
/// name and SMTP address, from the `__recip_version1.0_#…` storages) as part `header`,
/// the subject as part `subject`, and the body as part `body` — the plain-text body, or
/// else the RTF body decompressed (`CompressedRTF`) and read by the RTF extractor, or
/// else the HTML body through the HTML extractor. Every attachment
/// (`__attach_version1.0_#…`) is a member named by its file name (`mail.msg!bilaga.docx`),
/// read through `context.extractMember` like a zip member; an attached message (an
/// embedded storage) is read as a member message in turn, within the nesting limit.
public struct MsgExtractor: Extractor {
    public init() {}

    public func extract(_ input: ExtractionInput, context: ExtractionContext, emit: (TextUnit) -> Void) throws(ExtractionError) {
        let file = try CompoundFile(input, maxStreamBytes: context.limits.maxMemberBytes)
        try MsgExtractor.readMessage(file, storage: 0, context: context, emit: emit)
    }

    static func readMessage(_ file: CompoundFile, storage: Int, context: ExtractionContext, emit: (TextUnit) -> Void) throws(ExtractionError) {
        let message = MsgProperties(file: file, storage: storage)
        var header: [String] = []
        if let from = address(message.string(0x0C1A) ?? message.string(0x0042),
                              message.string(0x5D01) ?? message.string(0x5D02) ?? message.smtpLike(0x0C1F) ?? message.smtpLike(0x0065)) {
            header.append("From: \(from)")
        }
        var attachments: [Int] = []
        for child in file.children(of: storage) {
            let name = file.entries[child].name
            if name.hasPrefix("__recip_version1.0_") {
                let recipient = MsgProperties(file: file, storage: child)
                let kind = ["From", "To", "Cc", "Bcc"][min(3, max(1, recipient.integer(0x0C15) ?? 1))]
                if let line = address(recipient.string(0x3001), recipient.string(0x39FE) ?? recipient.smtpLike(0x3003)) {
                    header.append("\(kind): \(line)")
                }
            } else if name.hasPrefix("__attach_version1.0_") {
                attachments.append(child)
            }
        }
        if !header.isEmpty { emit(TextUnit(text: header.joined(separator: "\n") + "\n", location: Location(line: 1, part: "header"))) }
        if let subject = message.string(0x0037), !subject.isEmpty { emit(TextUnit(text: subject, location: Location(part: "subject"))) }
        try readBody(message, context: context, emit: emit)
        for (index, attachment) in attachments.enumerated() {
            try context.checkBudget()
            try readAttachment(file, storage: attachment, index: index + 1, context: context, emit: emit)
        }
    }

    private static func readBody(_ message: MsgProperties, context: ExtractionContext, emit: (TextUnit) -> Void) throws(ExtractionError) {
        let body = Location(part: "body")
        func tagged(_ unit: TextUnit) {
            var unit = unit
            unit.location.part = unit.location.part ?? body.part
            emit(unit)
        }
        if let plain = message.string(0x1000), plain.utf8.contains(where: { $0 > 0x20 }) {
            var collector = TextCollector(location: body)
            collector.append(plain)
            collector.flush(emit: emit)
        } else if let compressed = try message.binary(0x1009),
                  let rtf = CompressedRTF.decompress(compressed, limit: Int(min(context.limits.maxMemberBytes, Int64(Int.max)))) {
            _ = try context.extractInline(rtf, as: .rtf, emit: tagged)
        } else if let html = try message.binary(0x1013) ?? message.string(0x1013).map({ Array($0.utf8) }) {
            _ = try context.extractInline(html, as: .html, emit: tagged)
        }
    }

    private static func readAttachment(_ file: CompoundFile, storage: Int, index: Int, context: ExtractionContext,
                                       emit: (TextUnit) -> Void) throws(ExtractionError) {
        let attachment = MsgProperties(file: file, storage: storage)
        let given = attachment.string(0x3707) ?? attachment.string(0x3704) ?? attachment.string(0x3001)
        if let embedded = file.child(named: "__substg1.0_3701000D", in: storage) {
            let name = MIMEWalker.memberName(given.map { $0.lowercased().hasSuffix(".msg") ? $0 : $0 + ".msg" }, type: "", index: index)
            try context.budget.openMember()
            context.extractMember(name: name, format: .msg, read: { (child: ExtractionContext, tagged: (TextUnit) -> Void) throws(ExtractionError) in
                try readMessage(file, storage: embedded, context: child, emit: tagged)
            }, emit: emit)
            return
        }
        let name = MIMEWalker.memberName(given, type: "", index: index)
        let data: [UInt8]
        do throws(ExtractionError) {
            guard let read = try attachment.binary(0x3701) else { return }
            data = read
        } catch {
            // A damaged attachment is that member's problem; the message and its other attachments still count.
            guard case .corrupt = error else { throw error }
            context.recordMember(name: name, outcome: error.outcome, size: 0)
            return
        }
        try context.budget.openMember()
        context.extractMember(name: name, bytes: data, emit: emit)
    }

    /// `Name <smtp>`, or whichever of the two is there.
    private static func address(_ name: String?, _ smtp: String?) -> String? {
        switch (name?.isEmpty == false ? name : nil, smtp?.isEmpty == false ? smtp : nil) {
        case let (name?, smtp?): return name == smtp ? name : "\(name) <\(smtp)>"
        case let (name?, nil): return name
        case let (nil, smtp?): return smtp
        default: return nil
        }
    }
}

/// The property streams of one message, recipient or attachment storage in a `.msg` file.
struct MsgProperties {
    let file: CompoundFile
    let storage: Int

    private func stream(_ tag: UInt16, _ type: UInt16) -> Int? {
        file.child(named: "__substg1.0_" + hex(tag) + hex(type), in: storage)
    }

    /// A string property (PT_UNICODE, or PT_STRING8 read as Windows-1252), without its terminator.
    func string(_ tag: UInt16) -> String? {
        if let index = stream(tag, 0x001F), let bytes = try? file.read(index) {
            var units: [UInt16] = []
            units.reserveCapacity(bytes.count / 2)
            var i = 0
            while i + 1 < bytes.count { units.append(UInt16(bytes[i]) | UInt16(bytes[i + 1]) << 8); i += 2 }
            while units.last == 0 { units.removeLast() }
            return String(decoding: units, as: UTF16.self)
        }
        if let index = stream(tag, 0x001E), var bytes = try? file.read(index) {
            while bytes.last == 0 { bytes.removeLast() }
            return TextEncoding.decodeWindows1252(bytes[...])
        }
        return nil
    }

    /// A string property that is an SMTP address (not an Exchange X.500 one).
    func smtpLike(_ tag: UInt16) -> String? {
        string(tag).flatMap { $0.contains("@") && !$0.hasPrefix("/") ? $0 : nil }
    }

    func binary(_ tag: UInt16) throws(ExtractionError) -> [UInt8]? {
        guard let index = stream(tag, 0x0102) else { return nil }
        return try file.read(index)
    }

    /// A 32-bit property from the fixed-length `__properties_version1.0` stream.
    func integer(_ tag: UInt16) -> Int? {
        guard let index = file.child(named: "__properties_version1.0", in: storage), let bytes = try? file.read(index) else { return nil }
        // Header: 32 bytes for the top-level message, 24 for an embedded one, 8 for recipients and attachments.
        let headerLength = storage == 0 ? 32 : (file.entries[storage].name.hasPrefix("__substg1.0_") ? 24 : 8)
        var at = headerLength
        while at + 16 <= bytes.count {
            if CompoundFile.u16(bytes, at + 2) == tag && CompoundFile.u16(bytes, at) == 0x0003 { return Int(CompoundFile.u32(bytes, at + 8)) }
            at += 16
        }
        return nil
    }

    private func hex(_ value: UInt16) -> String {
        let digits = Array("0123456789ABCDEF".utf8)
        return String(decoding: [12, 8, 4, 0].map { digits[Int(value >> UInt16($0)) & 0xF] }, as: UTF8.self)
    }
}
