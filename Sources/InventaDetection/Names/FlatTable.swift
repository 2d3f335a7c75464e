/// An immutable open-addressing hash table from 64-bit keys to values, built once at
/// load time. Lookups are a multiply, a mask and usually one comparison, which keeps
/// the name scanner's dozens of feature and lexicon lookups per capitalised word cheap
/// (a Swift `Dictionary` costs several times more per lookup here).
///
/// Key 0 is reserved as the empty marker; a real key 0 is remapped to 1 (FNV values
/// are effectively never 0 or 1, so the collision does not matter in practice).
struct FlatTable<Value: Sendable>: Sendable {
    /// Keys and values side by side, so a lookup touches one cache line.
    private let slots: [(key: UInt64, value: Value)]
    private let mask: Int
    let count: Int

    init(_ entries: [UInt64: Value], empty: Value) {
        var capacity = 16
        while capacity < entries.count * 2 { capacity <<= 1 }
        var slots = [(key: UInt64, value: Value)](repeating: (0, empty), count: capacity)
        let mask = capacity - 1
        // Insert in key order so the layout does not depend on Dictionary iteration order.
        for (key, value) in entries.sorted(by: { $0.key < $1.key }) {
            let k = key == 0 ? 1 : key
            var slot = Self.slot(k, mask)
            while slots[slot].key != 0 && slots[slot].key != k { slot = (slot + 1) & mask }
            slots[slot] = (k, value)
        }
        self.slots = slots
        self.mask = mask
        self.count = entries.count
    }

    fileprivate init(slots: [(key: UInt64, value: Value)], mask: Int, count: Int) {
        self.slots = slots
        self.mask = mask
        self.count = count
    }

    @inline(__always) fileprivate static func slot(_ key: UInt64, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 20) & mask
    }

    @inline(__always) func contains(_ key: UInt64) -> Bool { lookup(key) != nil }

    @inline(__always) func lookup(_ key: UInt64) -> Value? {
        let k = key == 0 ? 1 : key
        var slot = Self.slot(k, mask)
        return slots.withUnsafeBufferPointer { table in
            while true {
                let found = table[slot]
                if found.key == k { return found.value }
                if found.key == 0 { return nil }
                slot = (slot + 1) & mask
            }
        }
    }
}

extension FlatTable {
    /// Fills a table in place while a dataset is parsed, so loading needs no intermediate
    /// `Dictionary` and no sort (both were a large part of start-up). The layout depends
    /// only on the insertion order, which is the file order, so it is reproducible.
    struct Builder {
        private var slots: [(key: UInt64, value: Value)]
        private var mask: Int
        private(set) var count = 0
        private let empty: Value

        init(expectedCount: Int, empty: Value) {
            var capacity = 16
            while capacity < expectedCount * 2 { capacity <<= 1 }
            slots = .init(repeating: (0, empty), count: capacity)
            mask = capacity - 1
            self.empty = empty
        }

        /// Passes the value stored under `key` (or `empty` when absent) to `body` to change.
        mutating func update(_ key: UInt64, _ body: (inout Value) -> Void) {
            if (count + 1) * 2 > slots.count { grow() }
            let k = key == 0 ? 1 : key
            var slot = FlatTable.slot(k, mask)
            while slots[slot].key != 0 && slots[slot].key != k { slot = (slot + 1) & mask }
            if slots[slot].key == 0 {
                slots[slot] = (k, empty)
                count += 1
            }
            body(&slots[slot].value)
        }

        func contains(_ key: UInt64) -> Bool {
            let k = key == 0 ? 1 : key
            var slot = FlatTable.slot(k, mask)
            while slots[slot].key != 0 {
                if slots[slot].key == k { return true }
                slot = (slot + 1) & mask
            }
            return false
        }

        /// Every stored key and value, in slot order.
        func forEach(_ body: (UInt64, Value) -> Void) {
            for entry in slots where entry.key != 0 { body(entry.key, entry.value) }
        }

        func build() -> FlatTable { FlatTable(slots: slots, mask: mask, count: count) }

        /// Doubles the capacity, reinserting in slot order (deterministic).
        private mutating func grow() {
            let old = slots
            slots = .init(repeating: (0, empty), count: old.count * 2)
            mask = slots.count - 1
            for entry in old where entry.key != 0 {
                var slot = FlatTable.slot(entry.key, mask)
                while slots[slot].key != 0 { slot = (slot + 1) & mask }
                slots[slot] = entry
            }
        }
    }
}
