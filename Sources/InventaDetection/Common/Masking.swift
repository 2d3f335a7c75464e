import InventaModel

/// Masks for stored and displayed values: hide the identifying digits, keep the
/// layout (separators, letters) so a DPO can still recognise the kind of value.
enum Masking {
    /// The masked form of a value found by a regex or phrase rule (builtins mask their own).
    /// Sensitive-category terms (`diagnos`, `skyddad identitet`) identify nobody and are
    /// kept as written, so a DPO can read what was found; any other value keeps its first
    /// third and hides the rest of its letters and digits: `KS 2019/73` → `KS ****/**`.
    static func mask(_ value: String, category: Category) -> String {
        if category.isSensitive { return value }
        let keep = max(1, value.count / 3)
        var seen = 0
        return String(value.map { character -> Character in
            seen += 1
            return seen > keep && (character.isLetter || character.isNumber) ? "*" : character
        })
    }

    /// Replaces every ASCII digit except the first `keepFirst` and the last `keepLast` with `*`.
    static func digits(_ value: String, keepFirst: Int, keepLast: Int) -> String {
        let total = value.utf8.reduce(0) { $0 + (ByteClass.isDigit($1) ? 1 : 0) }
        var seen = 0
        var out: [UInt8] = []
        out.reserveCapacity(value.utf8.count)
        for byte in value.utf8 {
            guard ByteClass.isDigit(byte) else { out.append(byte); continue }
            seen += 1
            out.append(seen <= keepFirst || seen > total - keepLast ? byte : UInt8(ascii: "*"))
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Replaces every ASCII letter or digit from position `keepFirst` up to the last `keepLast`
    /// of them with `*` (for alphanumeric values such as an IBAN).
    static func alphanumerics(_ value: String, keepFirst: Int, keepLast: Int) -> String {
        let total = value.utf8.reduce(0) { $0 + (ByteClass.isAlphanumeric($1) ? 1 : 0) }
        var seen = 0
        var out: [UInt8] = []
        for byte in value.utf8 {
            guard ByteClass.isAlphanumeric(byte) else { out.append(byte); continue }
            seen += 1
            out.append(seen <= keepFirst || seen > total - keepLast ? byte : UInt8(ascii: "*"))
        }
        return String(decoding: out, as: UTF8.self)
    }
}
