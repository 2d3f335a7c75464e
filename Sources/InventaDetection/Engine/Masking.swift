import InventaModel

/// The masked form of a value found by a regex or phrase rule (builtins mask their own).
/// Sensitive-category terms (`diagnos`, `skyddad identitet`) identify nobody and are
/// kept as written, so a DPO can read what was found; any other value keeps its first
/// third and hides the rest of its letters and digits: `KS 2019/73` → `KS ****/**`.
enum Masking {
    static func mask(_ value: String, category: Category) -> String {
        if category.isSensitive { return value }
        let keep = max(1, value.count / 3)
        var seen = 0
        return String(value.map { character -> Character in
            seen += 1
            return seen > keep && (character.isLetter || character.isNumber) ? "*" : character
        })
    }
}
