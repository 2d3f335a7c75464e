import InventaModel

/// Letters to residents (beslut, kallelser): a recipient's name and address block,
/// often in capitals, sometimes the identity number the decision concerns.
enum Letter {
    static func make(_ f: inout Faker, year: Int, length: Int) -> Document {
        var b = DocumentBuilder()
        let person = f.person()
        let caps = f.rng.chance(0.3)
        let name = caps ? person.fullName.uppercased() : person.fullName
        let street = caps ? person.street.uppercased() : person.street
        b.paragraph("Exempelby kommun", "Socialförvaltningen", f.date(year: year))
        b.paragraph(b.e(.name, name), b.e(.address, street), "\(person.postcode) \(caps ? person.town.uppercased() : person.town)")
        b.heading(f.rng.pick(["Beslut om bistånd", "Kallelse till möte", "Beslut om färdtjänst", "Information om avgift"]))
        var lines = ["Hej \(b.e(.name, person.first + " " + person.last))!"]
        if f.rng.chance(0.6) { lines.append("Ärendet gäller \(b.e(person.identityCategory, f.written(person.number))).") }
        for _ in 0..<max(1, length) {
            lines.append("Beslutet har fattats med stöd av gällande lagstiftning och kan överklagas inom tre veckor.")
        }
        b.paragraph(lines: lines)
        let officer = f.official()
        b.paragraph("Med vänlig hälsning", b.e(.name, officer.name), "Telefon \(b.e(.phone, f.phone()))")
        return b.document(title: "Brev", type: .letter)
    }
}
