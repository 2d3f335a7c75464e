import Foundation
import InventaModel

/// The labelled truth of a generated corpus, stored as JSON Lines in
/// `CORPUS/ground-truth.jsonl` beside the share (`CORPUS/share/`). Each line has
/// a `kind`:
/// - `"file"`: `path`, `format` (the report's format value), `doc_type`,
///   `has_personal_data`, `expected_risk` — one per file and per container member;
/// - `"entity"`: `path`, `category`, `value` as written, `count` — one per distinct
///   value per file.
/// Paths are relative to `share/`; container members are joined with `!`
/// (`Arkiv/export.zip!inner.zip!lista.csv`, `Mejl/m.eml!bilaga.pdf`).
public struct GroundTruth: Sendable {
    public struct FileLine: Sendable, Codable, Equatable {
        public var path: String
        public var format: String
        public var docType: String
        public var hasPersonalData: Bool
        public var expectedRisk: String

        public init(path: String, format: String, docType: String, hasPersonalData: Bool, expectedRisk: String) {
            self.path = path
            self.format = format
            self.docType = docType
            self.hasPersonalData = hasPersonalData
            self.expectedRisk = expectedRisk
        }
    }

    public struct EntityLine: Sendable, Codable, Equatable {
        public var path: String
        public var category: String
        public var value: String
        public var count: Int

        public init(path: String, category: String, value: String, count: Int) {
            self.path = path
            self.category = category
            self.value = value
            self.count = count
        }
    }

    public var files: [FileLine]
    public var entities: [EntityLine]

    public init(files: [FileLine] = [], entities: [EntityLine] = []) {
        self.files = files
        self.entities = entities
    }

    public static let fileName = "ground-truth.jsonl"
    public static let shareFolder = "share"

    /// Reads `CORPUS/ground-truth.jsonl`.
    public static func load(corpus: String) throws(CorpusError) -> GroundTruth {
        let path = corpus + "/" + fileName
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CorpusError.truth("cannot read \(path): is this a corpus written by 'inventa corpus generate'?")
        }
        var truth = GroundTruth()
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        for (number, line) in data.split(separator: UInt8(ascii: "\n")).enumerated() where !line.isEmpty {
            let parsed: Line
            do {
                parsed = try decoder.decode(Line.self, from: line)
            } catch {
                throw CorpusError.truth("\(path) line \(number + 1) is not a ground-truth line: \(error)")
            }
            switch parsed.kind {
            case "file":
                guard let format = parsed.format, let docType = parsed.docType, let personal = parsed.hasPersonalData,
                      let risk = parsed.expectedRisk else { throw CorpusError.truth("\(path) line \(number + 1): a file line needs format, doc_type, has_personal_data and expected_risk") }
                truth.files.append(FileLine(path: parsed.path, format: format, docType: docType, hasPersonalData: personal, expectedRisk: risk))
            case "entity":
                guard let category = parsed.category, let value = parsed.value else {
                    throw CorpusError.truth("\(path) line \(number + 1): an entity line needs category and value")
                }
                truth.entities.append(EntityLine(path: parsed.path, category: category, value: value, count: parsed.count ?? 1))
            default:
                throw CorpusError.truth("\(path) line \(number + 1): unknown kind '\(parsed.kind)'")
            }
        }
        return truth
    }

    /// Either kind of line, decoded once.
    private struct Line: Decodable {
        var kind: String
        var path: String
        var format: String?
        var docType: String?
        var hasPersonalData: Bool?
        var expectedRisk: String?
        var category: String?
        var value: String?
        var count: Int?
    }

    /// JSON Lines, files first, in path order; keys in a fixed order so output is byte-stable.
    public func jsonLines() -> String {
        var out = ""
        for file in files {
            out += "{\"kind\":\"file\",\"path\":\(Self.json(file.path)),\"format\":\(Self.json(file.format)),"
                + "\"doc_type\":\(Self.json(file.docType)),\"has_personal_data\":\(file.hasPersonalData),"
                + "\"expected_risk\":\(Self.json(file.expectedRisk))}\n"
        }
        for entity in entities {
            out += "{\"kind\":\"entity\",\"path\":\(Self.json(entity.path)),\"category\":\(Self.json(entity.category)),"
                + "\"value\":\(Self.json(entity.value)),\"count\":\(entity.count)}\n"
        }
        return out
    }

    static func json(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// The risk a correct scanner gives a file with exactly these entities: the
    /// report's own `RiskPolicy` applied to them as high-confidence findings.
    public static func expectedRisk(of entities: [GoldEntity]) -> RiskLevel {
        let findings = entities.map { entity in
            Finding(category: entity.category, value: entity.value,
                    normalized: Normalizer.normalize(entity.value, category: entity.category), masked: "",
                    span: 0..<0, confidence: 1, level: .high, rule: "gold", evidence: Evidence())
        }
        return RiskPolicy().risk(of: findings)
    }
}
