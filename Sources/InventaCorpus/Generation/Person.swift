import InventaModel

/// A made-up person: a name from the name lists, a Skatteverket test personnummer
/// (or samordningsnummer), a made-up street with a real postcode and town, a
/// phone number from the fiction range and an e-mail at a reserved domain.
struct Person: Sendable {
    var first: String
    var last: String
    /// 12 digits, e.g. `198001012382`.
    var number: String
    var isSamordningsnummer: Bool
    var street: String
    var postcode: String
    var town: String
    var phone: String
    var email: String

    var fullName: String { "\(first) \(last)" }
    var birthYear: Int { Int(number.prefix(4)) ?? 1980 }
    var identityCategory: Category { isSamordningsnummer ? .samordningsnummer : .personnummer }
}
