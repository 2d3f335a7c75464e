/// Words that name a field of a form (`Personnummer`, `Adress`, `Telefon`), used only to
/// tell a key–value table (labels in its first column) from a table with a header row.
/// A shape question, not a detection one: the rules' context words decide what a label
/// means for a value; this list only says "this cell is a label, not a datum".
enum FieldLabels {
    /// Lower-case stems; a key cell is a label when it starts with one (after folding case).
    static let stems: [String] = [
        "namn", "förnamn", "efternamn", "tilltalsnamn", "personnummer", "personnr", "pers.nr", "pnr", "p-nr",
        "födelse", "samordningsnummer", "adress", "gatuadress", "postadress", "postnummer", "postnr", "ort",
        "telefon", "tel", "mobil", "e-post", "epost", "mejl", "mail", "konto", "bankkonto", "clearing",
        "bankgiro", "plusgiro", "iban", "bank", "datum", "diarienummer", "dnr", "ärende", "handläggare",
        "vårdnadshavare", "förälder", "elev", "klass", "skola", "sökande", "medsökande", "make", "maka",
        "sambo", "barn", "kontaktperson", "anhörig", "arbetsgivare", "befattning", "anställning", "yrke",
        "kön", "ålder", "medborgarskap", "nationalitet", "språk", "civilstånd", "beslut", "belopp",
        "name", "first name", "last name", "surname", "ssn", "social security", "date of birth", "address",
        "phone", "mobile", "e-mail", "email", "account", "employer", "title",
    ]

    static func isFieldLabel(_ text: String) -> Bool {
        let name = TableRowBuilder.columnName(text)
        if name.hasSuffix(":") && TableRowBuilder.looksLikeLabel(name) { return true }
        guard name.utf8.count <= 48 else { return false }
        let folded = name.lowercased()
        return stems.contains { folded.hasPrefix($0) }
    }
}
