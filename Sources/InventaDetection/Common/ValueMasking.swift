/// Masks for stored and displayed values: hide the identifying digits, keep the
/// layout (separators, letters) so a DPO can still recognise the kind of value.
enum ValueMasking {
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
