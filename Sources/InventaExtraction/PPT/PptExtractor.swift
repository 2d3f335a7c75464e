import InventaModel

/// PowerPoint 97–2003 presentations (`.ppt`, `.pps`, `.pot`; MS-PPT): the text atoms of
/// the `PowerPoint Document` stream — TextCharsAtom (UTF-16), TextBytesAtom (one byte
/// per character) and, inside slides and notes, CString — each a unit located by slide
/// (`slide 2`; speaker notes as part `notes` with their slide's number, found through
/// the NotesAtom's slide id).
///
/// Records are walked front to back as a tree (containers hold records), never through
/// the persist directory: the outline text in the SlideListWithText is numbered by its
/// SlidePersistAtoms, text in slide drawings by the slide containers met. A text seen
/// twice at one place is read once. Masters and handouts (template text) are skipped.
/// Files with an `EncryptedSummary` stream are `encrypted`. Pictures, sounds and
/// embedded objects are not read.
public struct PptExtractor: Extractor {
    public init() {}

    public func extract(_ input: ExtractionInput, context: ExtractionContext, emit: (TextUnit) -> Void) throws(ExtractionError) {
        let file = try CompoundFile(input, maxStreamBytes: context.limits.maxMemberBytes)
        if file.child(named: "EncryptedSummary") != nil { throw ExtractionError.encrypted }
        guard let stream = try file.stream(named: "PowerPoint Document") else {
            throw ExtractionError.corrupt("ppt: no PowerPoint Document stream")
        }
        PptExtractor.walk(stream, emit: emit)
    }

    private enum Scope { case other, slide, notes, template, slideList(instance: Int) }

    static func walk(_ bytes: [UInt8], emit: (TextUnit) -> Void) {
        var stack: [(end: Int, scope: Scope)] = []
        var slides = 0, notesSlide = 0, listSlide = 0, listNotes = 0
        /// Slide ids (SlidePersistAtom) → slide numbers, so notes (NotesAtom) find their slide.
        var slideNumbers: [UInt32: Int] = [:]
        var seen = Set<String>()
        var at = 0
        while at + 8 <= bytes.count {
            while let last = stack.last, at >= last.end { stack.removeLast() }
            let version = CompoundFile.u16(bytes, at) & 0x0F, instance = Int(CompoundFile.u16(bytes, at) >> 4)
            let type = CompoundFile.u16(bytes, at + 2)
            let length = Int(CompoundFile.u32(bytes, at + 4))
            let start = at + 8
            let end = min(start + min(length, bytes.count), stack.last?.end ?? bytes.count, bytes.count)
            let scope = stack.last?.scope ?? .other
            if version == 0x0F {
                let inner: Scope
                switch type {
                case 0x03EE: slides += 1; inner = .slide
                case 0x03F0: notesSlide = 0; inner = .notes
                case 0x03F8, 0x0FC9: inner = .template // main master, handout
                case 0x0FF0: inner = .slideList(instance: instance)
                default: inner = scope
                }
                if stack.count < 64 { stack.append((end, inner)) }
                at = start
                continue
            }
            defer { at = max(end, start) }
            var location: Location?
            switch scope {
            case .slide: location = Location(slide: slides)
            case .notes:
                if type == 0x03F1 { notesSlide = slideNumbers[CompoundFile.u32(bytes, start)] ?? 0 }
                location = notesSlide > 0 ? Location(slide: notesSlide, part: "notes") : nil // 0: the notes master
            case .slideList(let list):
                if type == 0x03F3, list == 0 {
                    listSlide += 1
                    slideNumbers[CompoundFile.u32(bytes, start + 12)] = listSlide
                } else if type == 0x03F3, list == 2 {
                    listNotes += 1
                }
                location = list == 0 ? Location(slide: max(listSlide, 1)) : list == 2 ? Location(slide: max(listNotes, 1), part: "notes") : nil
            case .template: location = nil
            case .other: location = Location()
            }
            guard let location, start <= end else { continue }
            let text: String
            switch type {
            case 0x0FA0: text = utf16(bytes[start..<end])
            case 0x0FA8: text = TextEncoding.decodeWindows1252(bytes[start..<end])
            case 0x0FBA:
                guard case .slide = scope else { continue }
                text = utf16(bytes[start..<end])
                if text.hasPrefix("___PPT") { continue } // PowerPoint's own tags
            default: continue
            }
            let lines = String(text.map { $0 == "\r" || $0 == "\u{0B}" ? "\n" : $0 })
            // Placeholders such as `*` (the slide number field) carry no words.
            guard lines.utf8.contains(where: { ($0 >= 0x30 && $0 <= 0x39) || ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x7A) || $0 >= 0x80 }), seen.insert("\(location.description)\u{0}\(lines)").inserted else { continue }
            emit(TextUnit(text: lines, location: location))
        }
    }

    private static func utf16(_ bytes: ArraySlice<UInt8>) -> String {
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var i = bytes.startIndex
        while i + 1 < bytes.endIndex {
            units.append(UInt16(bytes[i]) | UInt16(bytes[i + 1]) << 8)
            i += 2
        }
        return String(decoding: units, as: UTF16.self)
    }
}
