import InventaModel

/// Small, fast, deterministic JSON writing for the report's JSON columns and the
/// JSON Lines exports. Keys come out in the order given, so golden files are stable.
public enum JSONText {
    public static func string(_ text: String) -> String {
        var out = ""
        append(text, to: &out)
        return out
    }

    /// Appends `text` as a JSON string to `out`.
    static func append(_ text: String, to out: inout String) {
        // Most values need no escaping: one scan of the bytes, then a single copy.
        guard text.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) else {
            out += "\""
            out += text
            out += "\""
            return
        }
        out += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case let c where c.value < 0x20:
                let hex = String(c.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }

    public static func stringOrNull(_ text: String?) -> String { text.map(string) ?? "null" }

    /// `{"a":1,"b":"x"}` from already-encoded values, in order.
    public static func object(_ pairs: [(String, String)]) -> String {
        "{" + pairs.map { string($0.0) + ":" + $0.1 }.joined(separator: ",") + "}"
    }

    public static func array(_ items: [String]) -> String { "[" + items.joined(separator: ",") + "]" }

    public static func number(_ value: Double) -> String {
        let rounded = (value * 1000).rounded() / 1000
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }

    /// Reads back a JSON array of strings written by `array(_:)`/`string(_:)`; other input gives [].
    public static func parseStringArray(_ json: String) -> [String] {
        var items: [String] = []
        var current = ""
        var inString = false
        var escaping = false
        var scalars = json.unicodeScalars.makeIterator()
        while let c = scalars.next() {
            if !inString {
                if c == "\"" { inString = true; current = "" }
                continue
            }
            if escaping {
                escaping = false
                switch c {
                case "n": current += "\n"
                case "r": current += "\r"
                case "t": current += "\t"
                case "u":
                    var hex = ""
                    for _ in 0..<4 { if let h = scalars.next() { hex.unicodeScalars.append(h) } }
                    if let value = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(value) { current.unicodeScalars.append(scalar) }
                default: current.unicodeScalars.append(c)
                }
            } else if c == "\\" {
                escaping = true
            } else if c == "\"" {
                items.append(current)
                inString = false
            } else {
                current.unicodeScalars.append(c)
            }
        }
        return items
    }

    public static func location(_ location: Location) -> String {
        var pairs: [(String, String)] = []
        if let part = location.part { pairs.append(("part", string(part))) }
        if let page = location.page { pairs.append(("page", String(page))) }
        if let sheet = location.sheet { pairs.append(("sheet", string(sheet))) }
        if let cell = location.cell { pairs.append(("cell", string(cell))) }
        if let slide = location.slide { pairs.append(("slide", String(slide))) }
        if let row = location.row { pairs.append(("row", String(row))) }
        if let column = location.column { pairs.append(("column", String(column))) }
        if let line = location.line { pairs.append(("line", String(line))) }
        if let header = location.header { pairs.append(("header", string(header))) }
        return object(pairs)
    }

    /// Written once per finding, so built in one string rather than from pieces;
    /// the same text as `object` over `array`s of `string`s.
    public static func evidence(_ evidence: Evidence) -> String {
        var out = "{\"validation\":"
        append(evidence.validation.rawValue, to: &out)
        for (key, items) in [("checks", evidence.checks), ("steps", evidence.steps),
                             ("context", evidence.context), ("tags", evidence.tags)] {
            out += ",\"" + key + "\":["
            for (index, item) in items.enumerated() {
                if index > 0 { out += "," }
                append(item, to: &out)
            }
            out += "]"
        }
        return out + "}"
    }
}
