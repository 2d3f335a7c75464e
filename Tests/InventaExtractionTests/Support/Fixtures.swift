import Foundation
@testable import InventaExtraction
import InventaModel

/// What extracting one document produced.
struct Extracted {
    var units: [TextUnit]
    var result: ExtractionResult

    var text: String { units.map(\.ownedText).joined(separator: "\n") }

    /// The first unit whose owned text contains `needle`.
    func unit(containing needle: String) -> TextUnit? {
        units.first { $0.ownedText.contains(needle) }
    }

    /// Every table cell of every row unit, in order: its location and value text.
    var cells: [TableCellText] { units.flatMap(\.cellTexts) }

    /// The first table cell whose value contains `needle`.
    func cell(containing needle: String) -> TableCellText? {
        cells.first { $0.value.contains(needle) }
    }
}

/// One cell of a row unit as a test sees it.
struct TableCellText: Equatable {
    var location: Location
    var value: String
}

extension TextUnit {
    /// The cells of a row unit (none for other units).
    var cellTexts: [TableCellText] {
        let bytes = Array(text.utf8)
        return (table?.cells ?? []).map { TableCellText(location: $0.location, value: String(decoding: bytes[$0.value], as: UTF8.self)) }
    }
}

extension TextUnit {
    var ownedText: String {
        let bytes = Array(text.utf8)
        return String(decoding: bytes[ownedRange], as: UTF8.self)
    }
}

enum Fixtures {
    /// Path of a committed fixture, e.g. `pdf/good/seeded.pdf`.
    static func path(_ relative: String) -> String {
        Bundle.module.url(forResource: "Fixtures/" + relative, withExtension: nil)!.path
    }

    static func bytes(_ relative: String) -> [UInt8] {
        Array(FileManager.default.contents(atPath: path(relative))!)
    }

    /// Extracts a file on disk the way a scan does.
    static func extract(path: String, limits: ExtractionLimits = ExtractionLimits()) -> Extracted {
        Extraction.prepareLibraries()
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int64) ?? 0
        let name = (path as NSString).lastPathComponent
        let file = FileRef(pathBytes: Array(path.utf8), root: "", relativePath: name, size: size, mtime: 0)
        var units: [TextUnit] = []
        let result = Extraction(limits: limits).extract(file) { units.append($0) }
        return Extracted(units: units, result: result)
    }

    static func extract(_ relative: String, limits: ExtractionLimits = ExtractionLimits()) -> Extracted {
        extract(path: path(relative), limits: limits)
    }

    /// Extracts bytes held in memory (as a container member would be), under `name`.
    static func extract(bytes: [UInt8], name: String, limits: ExtractionLimits = ExtractionLimits()) -> Extracted {
        Extraction.prepareLibraries()
        let registry = ExtractorRegistry(limits: limits)
        let context = ExtractionContext(limits: limits, registry: registry)
        var units: [TextUnit] = []
        let (format, outcome) = registry.extract(MemorySource(bytes), name: name, context: context) { units.append($0) }
        return Extracted(units: units, result: ExtractionResult(format: format, outcome: outcome, members: context.members))
    }

    /// A fresh temporary file holding `bytes`; removed by the caller.
    static func temporaryFile(_ bytes: [UInt8], name: String) -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("inventa-tests-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let url = directory.appendingPathComponent(name)
        _ = FileManager.default.createFile(atPath: url.path, contents: Data(bytes))
        return url.path
    }
}
