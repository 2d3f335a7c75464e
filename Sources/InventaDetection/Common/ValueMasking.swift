/// Masks for stored and displayed values: hide the identifying digits, keep the
/// layout (separators, letters) so a DPO can still recognise the kind of value.
enum ValueMasking {
    /// Replaces every ASCII digit except the first `keepFirst` and the last `keepLast` with `*`.
    static func digits(_ value: String, keepFirst: Int, keepLast: Int) -> String {
        masked(value, keepFirst: keepFirst, keepLast: keepLast, counting: ByteClass.isDigit)
    }

    /// Replaces every ASCII letter or digit from position `keepFirst` up to the last `keepLast`
    /// of them with `*` (for alphanumeric values such as an IBAN).
    static func alphanumerics(_ value: String, keepFirst: Int, keepLast: Int) -> String {
        masked(value, keepFirst: keepFirst, keepLast: keepLast, counting: ByteClass.isAlphanumeric)
    }

    /// Two passes over the value's bytes, the second writing straight into the new string:
    /// this runs for every candidate of the number matchers, and a byte array in between
    /// cost more than the masking.
    @inline(__always)
    private static func masked(_ value: String, keepFirst: Int, keepLast: Int, counting counts: (UInt8) -> Bool) -> String {
        var value = value
        return value.withUTF8 { bytes in
            var total = 0
            for byte in bytes where counts(byte) { total += 1 }
            return String(unsafeUninitializedCapacity: bytes.count) { out in
                var seen = 0
                for index in bytes.indices {
                    let byte = bytes[index]
                    var written = byte
                    if counts(byte) {
                        seen += 1
                        if seen > keepFirst && seen <= total - keepLast { written = UInt8(ascii: "*") }
                    }
                    out[index] = written
                }
                return bytes.count
            }
        }
    }
}
