import Foundation
@testable import InventaExtraction
import InventaModel

/// The one seeded synthetic identity every fixture of every format carries (see
/// Fixtures/make-fixtures.py and Fixtures/make-container-fixtures.py).
enum Vector {
    /// Skatteverket test personnummer (skatteverket_testpersonnummer.tsv, line 16318).
    static let pnr = "19850101-2382"
    static let pnrDigits = "198501012382"
    static let name = "Tolvan Testsson"
    static let address = "Blåbärsvägen 12, 123 45 Farsta"
}

/// A container fixture's extraction result and every unit it produced.
struct Unpacked {
    let result: ExtractionResult
    let units: [TextUnit]

    /// The part of each unit it owns (its overlap with neighbours left out).
    static func owned(_ unit: TextUnit) -> String {
        String(decoding: Array(unit.text.utf8)[unit.ownedRange], as: UTF8.self)
    }

    /// All owned text, units separated by newlines.
    var text: String { units.map(Unpacked.owned).joined(separator: "\n") }

    /// Each table row unit split into one unit per cell (the row's text, the cell's value as the
    /// owned range, the cell's location); other units as they are. Lets a test ask for a cell.
    var cellUnits: [TextUnit] { units.flatMap(\.perCell) }

    /// Units whose owned text contains `needle`.
    func units(containing needle: String) -> [TextUnit] {
        units.filter { Unpacked.owned($0).contains(needle) }
    }

    /// The one unit containing `needle`; nil when none or several do.
    func unit(containing needle: String) -> TextUnit? {
        let found = units(containing: needle)
        return found.count == 1 ? found[0] : nil
    }

    /// The line of `needle` inside `unit`, counting from the unit's own line.
    static func line(of needle: String, in unit: TextUnit) -> Int? {
        guard let base = unit.location.line, let range = unit.text.firstRange(of: needle) else { return nil }
        return base + unit.text[..<range.lowerBound].utf8.filter { $0 == 0x0A }.count
    }

    func member(_ path: [String]) -> MemberResult? {
        result.members.first { $0.member == path }
    }
}

enum Fixture {
    static var root: URL { Bundle.module.url(forResource: "Fixtures", withExtension: nil)! }

    static func url(_ relative: String) -> URL { root.appendingPathComponent(relative) }

    static func bytes(_ relative: String) throws -> [UInt8] { Array(try Data(contentsOf: url(relative))) }

    /// Extracts a fixture through the front door, as a scan would.
    static func extract(_ relative: String, limits: ExtractionLimits = ExtractionLimits()) -> Unpacked {
        extract(path: url(relative).path, limits: limits)
    }

    static func extract(path: String, limits: ExtractionLimits = ExtractionLimits()) -> Unpacked {
        let name = (path as NSString).lastPathComponent
        let file = FileRef(pathBytes: Array(path.utf8), root: "/", relativePath: name, size: 0, mtime: 0)
        var units: [TextUnit] = []
        let result = Extraction(limits: limits).extract(file) { units.append($0) }
        return Unpacked(result: result, units: units)
    }

    /// Writes `bytes` to a temporary file named `name` and extracts it.
    static func extract(bytes: [UInt8], name: String, limits: ExtractionLimits = ExtractionLimits()) throws -> Unpacked {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("inventa-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent(name)
        try Data(bytes).write(to: file)
        return extract(path: file.path, limits: limits)
    }
}

extension Outcome {
    var isFailed: Bool { if case .failed = self { return true } else { return false } }
    var isPartial: Bool { if case .partial = self { return true } else { return false } }
}

extension TextUnit {
    /// A row unit as one unit per cell (see `Unpacked.cellUnits`).
    var perCell: [TextUnit] {
        guard let table else { return [self] }
        return table.cells.map { TextUnit(text: text, location: $0.location, ownedRange: $0.value, member: member) }
    }
}
