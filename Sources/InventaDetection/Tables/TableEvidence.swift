import InventaModel

/// Column-level evidence for the findings of a file's tables (docs/decisions/0205-table-rows.md),
/// a per-file step after the rows are detected: a row unit sees its own cells only, but a
/// column says more than any of its cells.
///
/// - **Reference-number column.** A column of personnummer-shaped numbers (10 or 12
///   digits) of which at most `DensityPolicy.maximumValidFraction` are valid personnummer
///   or samordningsnummer is a column of invoice, case or customer numbers: the few that
///   pass Luhn and a date by chance get the density penalty. This is the unit-level density
///   step moved to columns (a row unit holds one such number, never ten).
/// - **Identifier column.** A column whose cells are mostly (`identifierShare`) confirmed
///   values of one identifier category is evidence for every finding of that category in
///   it: each gets `columnBoost` (a `Bankgiro` column's numbers reported `low` alone are
///   `medium` together).
///
/// The header as a label for every cell below it is not here: it is the inline label each
/// cell is written after (`Personnummer: …`), scored by the rules' context words.
///
/// Used by the pipeline, one value per file and worker; not thread-safe, not shared.
public struct TableEvidence {
    /// Identifier categories a column can vouch for: those with a check the value itself passes.
    static let identifiers: Set<Category> = [.personnummer, .samordningsnummer, .bankgiro, .plusgiro, .bankAccount,
                                             .iban, .paymentCard, .phone, .email]
    /// A column needs this many filled cells before it says anything.
    static let minimumCells = 4
    /// Share of a column's cells that must be confirmed values of one category.
    static let identifierShare = 0.6
    static let columnBoost = 0.20

    private struct Key: Hashable {
        var member: [String]
        var sheet: String?
        var table: Int
        var column: Int
    }

    private struct Column {
        /// Cells under a header (a table's header row and titles are not counted once it has one).
        var labelled = 0
        var unlabelled = 0
        var cells: Int { labelled > 0 ? labelled : unlabelled }
        var shaped = 0
        var validPersonnummer = 0
        var confirmed: [Category: Int] = [:]
        var findings: [Int] = []
    }

    private var columns: [Key: Column] = [:]
    let thresholds: LevelThresholds
    let density: DensityPolicy

    public init(options: EngineOptions) {
        self.thresholds = options.thresholds
        self.density = options.density
    }

    public var isEmpty: Bool { columns.isEmpty }

    /// Counts a row unit's cells and the findings detected in it (`findings[first...]`).
    public mutating func observe(_ unit: TextUnit, findings: [Finding], from first: Int) {
        guard let table = unit.table else { return }
        var text = unit.text
        text.withUTF8 { utf8 in
            for cell in table.cells where cell.value.upperBound <= utf8.count {
                let key = Key(member: unit.member, sheet: cell.location.sheet, table: table.table, column: cell.column)
                if cell.location.header != nil {
                    columns[key, default: Column()].labelled += 1
                } else {
                    columns[key, default: Column()].unlabelled += 1
                }
                if Self.isPersonnummerShaped(utf8, cell.value) { columns[key]!.shaped += 1 }
            }
        }
        for index in first..<findings.count {
            guard let cell = table.cell(containing: findings[index].span.lowerBound) else { continue }
            let finding = findings[index]
            let key = Key(member: unit.member, sheet: finding.location.sheet, table: table.table, column: table.cells[cell].column)
            guard columns[key] != nil else { continue }
            columns[key]!.findings.append(index)
            if Self.identifiers.contains(finding.category) && finding.evidence.validation == .confirmed {
                columns[key]!.confirmed[finding.category, default: 0] += 1
            }
            if finding.category == .personnummer || finding.category == .samordningsnummer,
               finding.evidence.validation == .confirmed {
                columns[key]!.validPersonnummer += 1
            }
        }
    }

    /// Applies the column steps to the findings observed; indices past the end (findings cut
    /// at the per-file limit) are skipped.
    public func apply(to findings: inout [Finding]) {
        for column in columns.values where column.cells >= Self.minimumCells && !column.findings.isEmpty {
            if column.shaped >= density.minimumNumbers,
               Double(column.validPersonnummer) <= density.maximumValidFraction * Double(column.shaped) {
                let reason = "column density -\(Self.format(density.penalty)) (\(column.validPersonnummer) of \(column.shaped) "
                    + "numbers of this shape in the column are valid: a column of reference numbers)"
                for index in column.findings where index < findings.count
                    && (findings[index].category == .personnummer || findings[index].category == .samordningsnummer) {
                    adjust(&findings[index], by: -density.penalty, step: reason)
                }
            }
            for (category, confirmed) in column.confirmed where Self.identifiers.contains(category)
                && Double(confirmed) >= Self.identifierShare * Double(column.cells) {
                let reason = "column +\(Self.format(Self.columnBoost)) (\(confirmed) of \(column.cells) cells in the column "
                    + "are valid \(category.rawValue))"
                for index in column.findings where index < findings.count && findings[index].category == category {
                    adjust(&findings[index], by: Self.columnBoost, step: reason)
                }
            }
        }
    }

    private func adjust(_ finding: inout Finding, by delta: Double, step: String) {
        let confidence = min(max(finding.confidence + delta, 0), 1)
        finding.confidence = (confidence * 100).rounded() / 100
        finding.level = thresholds.level(for: finding.confidence)
        // The closing steps (`final`, `level`) are rewritten after the column step.
        finding.evidence.steps.removeAll { $0.hasPrefix("final ") || $0.hasPrefix("level ") }
        finding.evidence.steps.append(step)
        finding.evidence.steps.append("final " + Self.format(finding.confidence))
        finding.evidence.steps.append("level " + finding.level.rawValue)
    }

    static func format(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        return "\(hundredths / 100).\(hundredths % 100 < 10 ? "0" : "")\(hundredths % 100)"
    }

    /// 10 or 12 digits, optionally with one `-` or `+` before the last four and spaces.
    static func isPersonnummerShaped(_ text: UnsafeBufferPointer<UInt8>, _ span: Range<Int>) -> Bool {
        var digits = 0
        for index in span {
            let byte = text[index]
            if ByteClass.isDigit(byte) {
                digits += 1
            } else if byte != UInt8(ascii: "-") && byte != UInt8(ascii: "+") && byte != UInt8(ascii: " ") {
                return false
            }
        }
        return digits == 10 || digits == 12
    }
}
