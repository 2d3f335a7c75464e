import InventaModel
import InventaRules

/// The detection stage, the pipeline's entry point: runs the rule engine over a text
/// unit, keeps the findings that start in the unit's owned range, resolves overlaps
/// (`OverlapResolver`), and stamps each finding with its location and container member.
///
/// Built once per scan from a validated rule set; immutable and thread-safe.
public struct Detection: Sendable {
    public let engine: RuleEngine

    public init(engine: RuleEngine) {
        self.engine = engine
    }

    public init(ruleSet: RuleSet, options: EngineOptions = EngineOptions()) throws(EngineError) {
        self.engine = try RuleEngine(ruleSet: ruleSet, options: options)
    }

    /// Loads, validates and compiles the rules in `directory`. Throws `RuleSetError`
    /// (every problem in the files) or `EngineError` (a builtin cannot start).
    public static func load(rulesDirectory directory: String, options: EngineOptions = EngineOptions()) throws -> Detection {
        let ruleSet = try RuleEngine.loadRules(directory: directory)
        return try Detection(ruleSet: ruleSet, options: options)
    }

    /// The findings of one text unit read alone (no earlier unit of its document is known).
    public func detect(_ unit: TextUnit) -> [Finding] {
        var documents = NamedDocuments()
        return detect(unit, documents: &documents)
    }

    /// The findings of `unit`, one of a file's units in reading order: `documents` says which
    /// documents named a person in an earlier unit (a sensitive term's subject, decision 0306)
    /// and learns from this one.
    public func detect(_ unit: TextUnit, documents: inout NamedDocuments) -> [Finding] {
        var text = unit.text
        let namedBefore = documents.contains(unit.member)
        var findings = text.withUTF8 { buffer -> [Finding] in
            var scored = engine.scored(in: buffer, namedBefore: namedBefore)
            scored.removeAllInPlace { !unit.ownedRange.contains($0.span.lowerBound) }
            // In a table row only a value is reported, never a match in a header label.
            if let table = unit.table { scored.removeAllInPlace { table.cell(containing: $0.span.lowerBound) == nil } }
            let items = scored.map {
                OverlapResolver.Item(span: $0.span, confidence: $0.card.provisional, category: $0.category)
            }
            // Findings (strings, evidence) are built only for the candidates that win.
            return OverlapResolver.resolve(items).map { engine.finding(scored, at: $0, in: buffer) }
        }
        if let table = unit.table { NameColumnJoin.join(&findings, table: table) }
        stamp(&findings, unit: unit, text: text)
        if let confidence = unit.ocrConfidence { markOCR(&findings, confidence: confidence) }
        documents.record(findings, member: unit.member)
        return findings
    }

    /// Findings read from a scan carry `ocr` and `ocr_confidence:NN` (tesseract's mean for
    /// the page), so `explain` and the report say which findings came from OCR and how sure
    /// the reading was (docs/decisions/0230-ocr.md).
    private func markOCR(_ findings: inout [Finding], confidence: Int) {
        for index in findings.indices {
            findings[index].evidence.tags += ["ocr", "ocr_confidence:\(confidence)"]
        }
    }

    /// Sets location (with the finding's own line for line-numbered units, or its cell's for a
    /// table row) and member path.
    private func stamp(_ findings: inout [Finding], unit: TextUnit, text: String) {
        guard !findings.isEmpty else { return }
        if let table = unit.table {
            for index in findings.indices {
                Self.stampCell(&findings[index], table: table)
                findings[index].member = unit.member
            }
            return
        }
        guard let baseLine = unit.location.line else {
            for index in findings.indices {
                findings[index].location = unit.location
                findings[index].member = unit.member
            }
            return
        }
        var text = text
        text.withUTF8 { utf8 in
            var line = baseLine
            var cursor = 0
            for index in findings.indices {
                let start = findings[index].span.lowerBound
                while cursor < start && cursor < utf8.count {
                    if utf8[cursor] == 0x0A { line += 1 }
                    cursor += 1
                }
                findings[index].location = unit.location
                findings[index].location.line = line
                findings[index].member = unit.member
            }
        }
    }

    /// A table finding gets the location of the cell it starts in; a value joined across cells
    /// (clearing | account, street | postcode | town) names the other cells in its evidence.
    static func stampCell(_ finding: inout Finding, table: TableLayout) {
        guard let first = table.cell(containing: finding.span.lowerBound) else { return }
        finding.location = table.cells[first].location
        var others: [String] = []
        var next = first + 1
        while next < table.cells.count && table.cells[next].value.lowerBound < finding.span.upperBound {
            others.append(table.cells[next].location.description)
            next += 1
        }
        if !others.isEmpty { finding.evidence.tags.append("cells: " + ([finding.location.description] + others).joined(separator: " + ")) }
    }
}
