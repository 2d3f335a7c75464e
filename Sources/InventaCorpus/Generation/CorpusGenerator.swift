import Foundation
import InventaModel

/// What to generate: how many documents, from which seed, in which formats, and
/// how long documents get (`scale` multiplies the length of every document).
public struct CorpusOptions: Sendable {
    public var documents: Int
    public var seed: UInt64
    public var formats: Set<CorpusFormat>
    public var scale: Int

    public init(documents: Int, seed: UInt64, formats: Set<CorpusFormat> = Set(CorpusFormat.allCases), scale: Int = 1) {
        self.documents = documents
        self.seed = seed
        self.formats = formats
        self.scale = scale
    }
}

/// Totals of a generated corpus, for the command's summary line.
public struct CorpusSummary: Sendable {
    public var files = 0
    public var members = 0
    public var bytes: Int64 = 0
    public var entities = 0
}

/// Writes a synthetic municipal file share under `OUT/share/` and its ground
/// truth to `OUT/ground-truth.jsonl`. Deterministic: every document draws from
/// its own generator forked from the seed, timestamps inside files are fixed,
/// and nothing reads the clock or the system random generator, so the same
/// seed and options give byte-identical output. Does not set file-system mtimes
/// (they are not part of the corpus and the scanner only records them).
public struct CorpusGenerator: Sendable {
    public let options: CorpusOptions
    private var faker: Faker
    private var master: SplitMix64
    private var truth = GroundTruth()
    private var summary = CorpusSummary()

    public init(options: CorpusOptions, datasets: CorpusDatasets) {
        self.options = options
        master = SplitMix64(seed: options.seed)
        faker = Faker(seed: 0, data: datasets)
    }

    static let weights: [(DocType, Int)] = [
        (.caseNote, 20), (.classList, 10), (.payroll, 8), (.minutes, 10), (.invoice, 12),
        (.supplierRegister, 4), (.policy, 14), (.letter, 10), (.email, 7), (.archive, 5),
    ]

    /// Generates the corpus into `directory`, which must not exist or be empty.
    public mutating func generate(into directory: String) throws(CorpusError) -> CorpusSummary {
        let fm = FileManager.default
        if let existing = try? fm.contentsOfDirectory(atPath: directory), !existing.isEmpty {
            throw CorpusError.output("\(directory) is not empty; choose a new folder (the generator never overwrites files)")
        }
        let share = directory + "/" + GroundTruth.shareFolder
        do {
            try fm.createDirectory(atPath: share, withIntermediateDirectories: true)
        } catch {
            throw CorpusError.output("cannot create \(share): \(error.localizedDescription)")
        }
        let types = Self.weights.filter { !Set($0.0.formats).isDisjoint(with: options.formats) }
        guard !types.isEmpty else { throw CorpusError.output("no document type can be written in the chosen formats") }
        // Documents are made in parallel batches, each from its own stream forked in
        // document order, and written and recorded in document order: the output does
        // not depend on the number of threads.
        let jobs = max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8))
        var start = 0
        while start < options.documents {
            let batch = start..<min(options.documents, start + 16 * jobs)
            let seeds = batch.map { _ in master.fork() }
            var fresh = self
            fresh.truth = GroundTruth()
            fresh.summary = CorpusSummary()
            let template = fresh
            let made = BatchResults(count: batch.count)
            DispatchQueue.concurrentPerform(iterations: batch.count) { offset in
                var worker = template
                do throws(CorpusError) {
                    made.set(offset, try worker.document(index: batch.lowerBound + offset, seed: seeds[offset], types: types))
                } catch {
                    made.fail(error)
                }
            }
            if let error = made.error { throw error }
            for item in made.items {
                guard let item else { continue }
                truth.files += item.truth.files
                truth.entities += item.truth.entities
                summary.members += item.members
                try write(item.bytes, to: share + "/" + item.path)
            }
            start = batch.upperBound
        }
        let text = truth.jsonLines()
        try write(Array(text.utf8), to: directory + "/" + GroundTruth.fileName)
        summary.entities = truth.entities.count
        return summary
    }

    /// Makes document `index` from its own seed; returns its bytes and truth.
    private mutating func document(index: Int, seed: SplitMix64, types: [(DocType, Int)]) throws(CorpusError) -> BatchResults.Item {
        faker.rng = seed
        let type = pickWeighted(types)
        let format = faker.rng.pick(type.formats.filter(options.formats.contains))
        let year = faker.rng.int(2015...2024)
        let path = Self.folder(for: type, year: year, index: index) + "." + format.fileExtension
        let bytes = try file(type: type, format: format, year: year, path: path, index: index)
        return BatchResults.Item(path: path, bytes: bytes, truth: truth, members: summary.members)
    }

    private mutating func pickWeighted(_ items: [(DocType, Int)]) -> DocType {
        var roll = faker.rng.int(0..<items.reduce(0) { $0 + $1.1 })
        for (type, weight) in items {
            if roll < weight { return type }
            roll -= weight
        }
        return items[0].0
    }

    /// Most documents are short; some are long journals, registers and reports.
    /// `--scale` lengthens prose-heavy documents (policies, minutes, invoices) fully
    /// and entity-dense ones (registers, journals) by a hundredth of it, so a corpus of
    /// a gigabyte has realistic bulk without a ground truth of a gigabyte.
    private mutating func length(for type: DocType) -> Int {
        let roll = faker.rng.int(0..<100)
        let base = roll < 88 ? 1 : (roll < 97 ? 5 : 40)
        let bulk: Set<DocType> = [.policy, .minutes, .invoice]
        return base * max(1, bulk.contains(type) ? options.scale : options.scale / 100)
    }

    static func folder(for type: DocType, year: Int, index: Int) -> String {
        switch type {
        case .caseNote:
            return index % 4 == 0 ? "Socialförvaltningen/Äldreomsorg/Genomförandeplaner/genomförandeplan \(index)"
                : "Socialförvaltningen/Ärenden/\(year)/journalanteckning-\(index)"
        case .classList: return "Skola/Klasslistor/\(year)/Klasslista \(index)"
        case .payroll: return "HR/Lön/\(year)/lönelista-\(index)"
        case .minutes: return "Nämnder/Protokoll/\(year)/protokoll-\(index)"
        case .invoice: return "Ekonomi/Fakturor/\(year)/faktura-\(index)"
        case .supplierRegister: return "Ekonomi/Leverantörer/leverantörsregister-\(index)"
        case .policy: return "Kommunstyrelsen/Styrdokument/styrdokument-\(index)"
        case .letter: return "Socialförvaltningen/Utskick/\(year)/brev-\(index)"
        case .email: return "Socialförvaltningen/Mejl/\(year)/mejl-\(index)"
        case .archive: return "Arkiv/\(year)/export-\(index)"
        }
    }

    // MARK: documents and containers

    /// Makes one top-level file (recursing for e-mails and archives) and records its truth.
    private mutating func file(type: DocType, format: CorpusFormat, year: Int, path: String, index: Int) throws(CorpusError) -> [UInt8] {
        switch type {
        case .email: return try email(year: year, path: path, index: index)
        case .archive: return try archive(year: year, path: path, depth: 0)
        default:
            let document = make(type, year: year)
            record(document.entities, path: path, format: format, type: type)
            return try render(document, as: format, year: year)
        }
    }

    private mutating func make(_ type: DocType, year: Int) -> Document {
        let length = length(for: type)
        switch type {
        case .caseNote: return CaseNote.make(&faker, year: year, length: length)
        case .classList: return ClassList.make(&faker, year: year, length: length)
        case .payroll: return Payroll.make(&faker, year: year, length: length)
        case .minutes: return Minutes.make(&faker, year: year, length: length)
        case .invoice: return Invoice.make(&faker, year: year, length: length)
        case .supplierRegister: return SupplierRegister.make(&faker, year: year, length: length)
        case .policy: return Policy.make(&faker, year: year, length: length)
        case .letter: return Letter.make(&faker, year: year, length: length)
        case .email: return Email.make(&faker, year: year, length: length)
        case .archive: return Policy.make(&faker, year: year, length: length)
        }
    }

    static let memberTypes: [DocType] = [.caseNote, .classList, .payroll, .minutes, .invoice, .policy, .letter]
    static let attachmentFormats: [CorpusFormat] = [.pdf, .docx, .xlsx, .csv, .txt, .odt]

    /// A document for a container, with its member name and bytes; nil when no format fits.
    private mutating func member(year: Int, folder: String, number: Int, formats: [CorpusFormat]) throws(CorpusError)
        -> (name: String, format: CorpusFormat, document: Document, bytes: [UInt8])? {
        let type = faker.rng.pick(Self.memberTypes)
        let usable = type.formats.filter { formats.contains($0) && options.formats.contains($0) }
        guard !usable.isEmpty else { return nil }
        let format = faker.rng.pick(usable)
        let document = make(type, year: year)
        let name = folder + "\(type.rawValue.replacingOccurrences(of: "_", with: "-"))-\(number).\(format.fileExtension)"
        return (name, format, document, try render(document, as: format, year: year))
    }

    private mutating func email(year: Int, path: String, index: Int) throws(CorpusError) -> [UInt8] {
        var document = Email.make(&faker, year: year, length: 1)
        document.mail?.date = "\(faker.rng.int(1...28)) "
            + "\(["Jan", "Mar", "Apr", "Jun", "Sep", "Oct", "Nov"][faker.rng.int(0...6)]) \(year) 10:\(faker.rng.int(10...59)):00 +0100"
        var attachments: [EMLWriter.Attachment] = []
        var all = document.entities
        var members: [(GroundTruth.FileLine, [GoldEntity])] = []
        for number in 0..<faker.rng.int(0...2) {
            guard let item = try member(year: year, folder: "bilaga-", number: number, formats: Self.attachmentFormats) else { continue }
            attachments.append(EMLWriter.Attachment(name: item.name, contentType: Self.mimeType(item.format), bytes: item.bytes))
            members.append((line(path: path + "!" + item.name, format: item.format, type: item.document.docType, entities: item.document.entities),
                            item.document.entities))
            all += item.document.entities
        }
        truth.files.append(line(path: path, format: .eml, type: .email, entities: all))
        addEntities(document.entities, path: path)
        for (fileLine, entities) in members {
            truth.files.append(fileLine)
            addEntities(entities, path: fileLine.path)
            summary.members += 1
        }
        let token = String(faker.rng.next(), radix: 16)
        return EMLWriter.eml(document, attachments: attachments, token: token, date: document.mail?.date ?? "")
    }

    /// A ZIP of documents, sometimes with a nested ZIP inside; returns the bytes and records the truth.
    private mutating func archive(year: Int, path: String, depth: Int) throws(CorpusError) -> [UInt8] {
        var entries: [ZipPackage.Entry] = []
        var lines: [(GroundTruth.FileLine, [GoldEntity])] = []
        var all: [GoldEntity] = []
        let folder = faker.rng.pick(["", "arenden/", "underlag/", "export/"])
        for number in 0..<faker.rng.int(2...5) {
            guard let item = try member(year: year, folder: folder, number: number, formats: CorpusFormat.allCases) else { continue }
            entries.append(ZipPackage.Entry(path: item.name, bytes: item.bytes))
            lines.append((line(path: path + "!" + item.name, format: item.format, type: item.document.docType, entities: item.document.entities),
                          item.document.entities))
            all += item.document.entities
        }
        let nestedStart = truth.files.count
        if depth == 0 && faker.rng.chance(0.3) {
            let name = "aldre-\(year - 1).zip"
            let bytes = try archive(year: year - 1, path: path + "!" + name, depth: 1)
            entries.append(ZipPackage.Entry(path: name, bytes: bytes))
            all += nestedEntities(under: path + "!" + name)
        }
        let nested = Array(truth.files[nestedStart...])
        truth.files.removeSubrange(nestedStart...)
        truth.files.append(line(path: path, format: .zip, type: .archive, entities: all))
        for (fileLine, entities) in lines {
            truth.files.append(fileLine)
            addEntities(entities, path: fileLine.path)
            summary.members += 1
        }
        truth.files += nested
        return try ZipPackage.build(entries, date: Self.date(year: year))
    }

    /// The gold entities already recorded under a nested container, for its parent's risk.
    private func nestedEntities(under prefix: String) -> [GoldEntity] {
        truth.entities.filter { $0.path == prefix || $0.path.hasPrefix(prefix + "!") }.flatMap { line in
            Array(repeating: GoldEntity(Category(rawValue: line.category) ?? .name, line.value), count: line.count)
        }
    }

    // MARK: rendering

    private mutating func render(_ document: Document, as format: CorpusFormat, year: Int) throws(CorpusError) -> [UInt8] {
        let date = Self.date(year: year)
        let iso = "\(year)-03-15T10:00:00"
        switch format {
        case .txt:
            let latin1 = document.entities.allSatisfy { $0.value.unicodeScalars.allSatisfy { $0.value < 256 } }
            let roll = faker.rng.int(0..<10)
            let encoding: TextEncodingVariant = roll < 7 || !latin1 ? .utf8 : (roll < 9 ? .windows1252 : .utf16LE)
            return TextWriters.txt(document, encoding: latin1 || encoding != .windows1252 ? encoding : .utf8)
        case .csv: return TextWriters.csv(document)
        case .html: return TextWriters.html(document, namedEntities: faker.rng.chance(0.3))
        case .rtf: return TextWriters.rtf(document)
        case .docx: return try OfficeWriters.docx(document, date: date, isoDate: iso + "Z")
        case .xlsx: return try OfficeWriters.xlsx(document, date: date, isoDate: iso + "Z")
        case .pptx: return try OfficeWriters.pptx(document, date: date, isoDate: iso + "Z")
        case .odt: return try OfficeWriters.odt(document, date: date)
        case .ods: return try OfficeWriters.ods(document, date: date)
        case .pdf: return PDFWriter.pdf(document, isoDate: iso)
        case .eml, .zip: return TextWriters.txt(document, encoding: .utf8)
        }
    }

    static func mimeType(_ format: CorpusFormat) -> String {
        switch format {
        case .pdf: return "application/pdf"
        case .docx: return "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        case .xlsx: return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        case .odt: return "application/vnd.oasis.opendocument.text"
        case .csv: return "text/csv"
        default: return "text/plain"
        }
    }

    /// 15 March of `year`, 10:00 UTC: the fixed timestamp inside every file of that year.
    static func date(year: Int) -> Date {
        var days = 0
        for y in 1970..<year { days += (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) ? 366 : 365 }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        days += 31 + (leap ? 29 : 28) + 14
        return Date(timeIntervalSince1970: Double(days) * 86400 + 36000)
    }

    // MARK: truth

    private func line(path: String, format: CorpusFormat, type: DocType, entities: [GoldEntity]) -> GroundTruth.FileLine {
        let personal = entities.contains { ![.bankgiro, .plusgiro].contains($0.category) }
        return GroundTruth.FileLine(path: path, format: format.fileFormat.rawValue, docType: type.rawValue,
                                    hasPersonalData: personal, expectedRisk: GroundTruth.expectedRisk(of: entities).rawValue)
    }

    private mutating func record(_ entities: [GoldEntity], path: String, format: CorpusFormat, type: DocType) {
        truth.files.append(line(path: path, format: format, type: type, entities: entities))
        addEntities(entities, path: path)
    }

    /// One entity line per distinct (category, value), with its count, in first-seen order.
    private mutating func addEntities(_ entities: [GoldEntity], path: String) {
        var counts: [GoldEntity: Int] = [:]
        var order: [GoldEntity] = []
        for entity in entities {
            if counts[entity] == nil { order.append(entity) }
            counts[entity, default: 0] += 1
        }
        for entity in order {
            truth.entities.append(GroundTruth.EntityLine(path: path, category: entity.category.rawValue,
                                                         value: entity.value, count: counts[entity]!))
        }
    }

    private mutating func write(_ bytes: [UInt8], to path: String) throws(CorpusError) {
        let fm = FileManager.default
        let folder = (path as NSString).deletingLastPathComponent
        do {
            try fm.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw CorpusError.output("cannot create \(folder): \(error.localizedDescription)")
        }
        guard fm.createFile(atPath: path, contents: Data(bytes)) else { throw CorpusError.output("cannot write \(path)") }
        if !path.hasSuffix(GroundTruth.fileName) {
            summary.files += 1
            summary.bytes += Int64(bytes.count)
        }
    }
}

/// One batch's documents, filled by worker threads in any order and read in index order.
/// `@unchecked Sendable`: workers change `items` and `error` only with `lock` held; the
/// generator reads them only after `concurrentPerform` has returned, which orders every
/// worker's writes before the read.
final class BatchResults: @unchecked Sendable {
    struct Item {
        var path: String
        var bytes: [UInt8]
        var truth: GroundTruth
        var members: Int
    }

    private let lock = NSLock()
    private(set) var items: [Item?]
    private(set) var error: CorpusError?

    init(count: Int) {
        items = Array(repeating: nil, count: count)
    }

    func set(_ offset: Int, _ item: Item) {
        lock.withLock { items[offset] = item }
    }

    func fail(_ error: CorpusError) {
        lock.withLock { if self.error == nil { self.error = error } }
    }
}
