/// The known collision cases of issue 4 that no matcher but the one named may claim, shared by
/// every matcher's test table: a mobile number that passes Luhn (from the fiction range), an
/// organisationsnummer, a Luhn-valid invoice number, a date, an amount, a diarienummer and a
/// postcode alone.
enum CollisionCases {
    static let mobilePassingLuhn = "Mobil 070-174 06 07 (klarar Luhn)"
    static let organisationsnummer = "Org.nr 556677-8899"
    /// A Skatteverket test number used as an invoice number: Luhn-valid, and no real person's.
    static let invoiceNumber = "Fakturanr: 7201079295"
    static let date = "Datum 2018-04-10"
    static let amount = "Belopp 2 600 000 kr"
    static let diarienummer = "Dnr KS 2019/73"
    static let postcode = "Postnummer 123 47"

    static let all = [mobilePassingLuhn, organisationsnummer, invoiceNumber, date, amount, diarienummer, postcode]

    static func all(except excluded: String) -> [String] { all.filter { $0 != excluded } }
}
