import InventaModel

/// A set of categories as bits. The engine asks "is this category in the policy's set?"
/// for every scored candidate; `Set<Category>` answers by hashing the category's string
/// raw value, a bit test answers in one instruction.
struct CategoryMask: Sendable, Equatable {
    private(set) var bits: UInt32 = 0

    init() {}

    init<S: Sequence<Category>>(_ categories: S) {
        for category in categories { insert(category) }
    }

    func contains(_ category: Category) -> Bool { bits & Self.bit(category) != 0 }

    mutating func insert(_ category: Category) { bits |= Self.bit(category) }

    var isEmpty: Bool { bits == 0 }

    /// The categories in the set, ordered by raw value (as evidence texts list them).
    var sortedByName: [Category] { Self.byName.filter(contains) }

    private static let byName = Category.allCases.sorted { $0.rawValue < $1.rawValue }

    /// A switch, not a table: the compiler checks that every category has its bit.
    private static func bit(_ category: Category) -> UInt32 {
        switch category {
        case .personnummer: return 1 << 0
        case .samordningsnummer: return 1 << 1
        case .name: return 1 << 2
        case .address: return 1 << 3
        case .phone: return 1 << 4
        case .email: return 1 << 5
        case .iban: return 1 << 6
        case .bankgiro: return 1 << 7
        case .plusgiro: return 1 << 8
        case .bankAccount: return 1 << 9
        case .paymentCard: return 1 << 10
        case .health: return 1 << 11
        case .ethnicity: return 1 << 12
        case .religion: return 1 << 13
        case .politics: return 1 << 14
        case .union: return 1 << 15
        case .sexuality: return 1 << 16
        case .geneticBiometric: return 1 << 17
        case .criminal: return 1 << 18
        case .protectedIdentity: return 1 << 19
        }
    }
}
