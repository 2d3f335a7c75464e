import InventaModel

/// An Office Open XML (or OpenDocument) package: a zip archive of XML parts. Opens
/// parts as streaming XML readers, inflating while parsing, and resolves
/// relationships (`_rels/*.rels`) from ids to part names.
struct OOXMLPackage {
    let archive: ZipArchive
    let budget: ExtractionBudget

    init(_ input: ExtractionInput, budget: ExtractionBudget) throws(ExtractionError) {
        archive = try ZipArchive(input)
        self.budget = budget
    }

    /// A streaming reader over the part, or nil when the package has no such part.
    func reader(_ part: String) throws(ExtractionError) -> XMLStreamReader? {
        guard let entry = archive.entry(part) else { return nil }
        return try XMLStreamReader(stream: archive.open(entry, budget: budget), partName: part)
    }

    /// True for a password-protected OpenDocument file: its manifest lists encryption data
    /// for the parts, which are then unreadable without the password.
    func isEncryptedOpenDocument() throws(ExtractionError) -> Bool {
        guard let entry = archive.entry("META-INF/manifest.xml"), entry.uncompressedSize < 4 << 20 else { return false }
        let manifest = try archive.read(entry, budget: budget)
        return manifest.withUnsafeBufferPointer { bytes in
            let needle = Array("encryption-data".utf8)
            guard bytes.count >= needle.count else { return false }
            return (0...(bytes.count - needle.count)).contains { start in
                bytes[start] == needle[0] && needle.indices.allSatisfy { bytes[start + $0] == needle[$0] }
            }
        }
    }

    /// Files embedded in the document (a workbook pasted into a letter, a document in a
    /// slide) are extracted as members (`brev.docx!word/embeddings/Blad1.xlsx`), so their
    /// text is scanned too. Images and other media are not text and are left alone.
    func extractEmbeddings(under folder: String, context: ExtractionContext, emit: (TextUnit) -> Void) throws(ExtractionError) {
        for entry in archive.entries where entry.name.hasPrefix(folder) && !entry.isDirectory {
            try budget.openMember()
            do throws(ExtractionError) {
                let bytes = try archive.read(entry, budget: budget)
                context.extractMember(name: entry.name, bytes: bytes, emit: emit)
            } catch {
                if budget.uncompressedBytes >= budget.limits.maxUncompressedBytes { throw error }
                context.recordMember(name: entry.name, outcome: error.outcome, size: entry.uncompressedSize)
            }
        }
    }

    /// Pictures placed in the document's own text (a scanned page or a photographed form
    /// pasted into a letter or a slide), read by OCR as members (`brev.docx!word/media/image1.png`)
    /// when OCR is on. `names` are the parts the body refers to, so letterhead logos of
    /// headers, footers and slide masters are left alone; pictures under
    /// `minEmbeddedPicturePixels` (icons, bullets, signatures) and formats OCR cannot decode
    /// (EMF, WMF, SVG) are skipped without a member row. Size, pixel and page limits are the
    /// image extractor's, as for any image (docs/decisions/0231-ocr-of-embedded-pictures.md).
    func extractPictures(_ names: [String], context: ExtractionContext, emit: (TextUnit) -> Void) throws(ExtractionError) {
        guard context.limits.ocr.isEnabled else { return }
        var seen = Set<String>()
        for name in names where seen.insert(name).inserted {
            guard let entry = archive.entry(name), !entry.isDirectory else { continue }
            try context.checkBudget()
            do throws(ExtractionError) {
                let bytes = try archive.read(entry, budget: budget)
                guard let pixels = ImageExtractor.pixelCount(bytes),
                      pixels >= OOXMLPackage.minEmbeddedPicturePixels else { continue }
                try budget.openMember()
                context.extractMember(name: entry.name, bytes: bytes, emit: emit)
            } catch {
                if budget.uncompressedBytes >= budget.limits.maxUncompressedBytes { throw error }
                context.recordMember(name: entry.name, outcome: error.outcome, size: entry.uncompressedSize)
            }
        }
    }

    /// 200 × 200 pixels: a line of legible text at 200 dpi needs about that much, and logos,
    /// icons and bullets are mostly smaller, so they cost no OCR.
    static let minEmbeddedPicturePixels = 40_000

    /// The picture parts that `part` refers to through its relationships (DrawingML
    /// `a:blip r:embed` in a DOCX body or a PPTX slide), in relationship-id order.
    func pictures(of part: String) throws(ExtractionError) -> [String] {
        try relationships(of: part).filter { $0.value.type.hasSuffix("/image") }
            .sorted { ($0.key.count, $0.key) < ($1.key.count, $1.key) }.map(\.value.target)
    }

    /// Part names in the package that start with `prefix` and end with `.xml`, in natural
    /// order (`header2.xml` before `header10.xml`).
    func parts(prefix: String) -> [String] {
        archive.entries.map(\.name).filter { $0.hasPrefix(prefix) && $0.hasSuffix(".xml") && !$0.contains("/_rels/") }
            .sorted { ($0.count, $0) < ($1.count, $1) }
    }

    /// The part's relationships: id → (type, target part name).
    func relationships(of part: String) throws(ExtractionError) -> [String: (type: String, target: String)] {
        let directory = OOXMLPackage.directory(of: part)
        let file = String(part.dropFirst(directory.count))
        guard let reader = try reader(directory + "_rels/" + file + ".rels") else { return [:] }
        var result: [String: (type: String, target: String)] = [:]
        while try reader.read() {
            guard reader.nodeType == .element, reader.localName == "Relationship",
                  let id = reader.attribute("Id"), let target = reader.attribute("Target"),
                  reader.attribute("TargetMode") != "External" else { continue }
            result[id] = (reader.attribute("Type") ?? "", OOXMLPackage.resolve(target, from: directory))
        }
        return result
    }

    /// `xl/` for `xl/workbook.xml`.
    static func directory(of part: String) -> String {
        guard let slash = part.lastIndex(of: "/") else { return "" }
        return String(part[...slash])
    }

    /// A relationship target relative to `directory` (or absolute from the package root) as a part name.
    static func resolve(_ target: String, from directory: String) -> String {
        var components: [Substring] = target.hasPrefix("/") ? [] : directory.split(separator: "/")
        for piece in target.split(separator: "/") {
            if piece == ".." { if !components.isEmpty { components.removeLast() } } else if piece != "." { components.append(piece) }
        }
        return components.joined(separator: "/")
    }
}
