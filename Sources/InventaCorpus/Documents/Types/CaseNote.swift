import InventaModel

/// Social-services case notes (journalanteckningar): a client identified by name,
/// identity number and address, health terms, the case officer, sometimes a
/// protected-identity marking. High risk by design.
enum CaseNote {
    static func make(_ f: inout Faker, year: Int, length: Int) -> Document {
        var b = DocumentBuilder()
        let client = f.person(born: f.rng.chance(0.2) ? 1915...1922 : 1950...2004)
        let officer = f.official()
        let dnr = f.diarienummer(year: year)
        b.heading("Journalanteckning \(dnr)")
        b.paragraph("Klient: \(b.e(.name, f.writtenName(client)))",
                    "Personnummer: \(b.e(client.identityCategory, f.written(client.number)))",
                    "Adress: \(b.e(.address, client.street)), \(client.postcode) \(client.town)",
                    "Telefon: \(b.e(.phone, client.phone))")
        if f.rng.chance(0.1) {
            b.paragraph("OBS! Klienten har \(b.e(.protectedIdentity, "skyddade personuppgifter")). Lämna inte ut adressen.")
        }
        for entry in 0..<max(1, length) {
            let date = f.date(year: year)
            let term = f.rng.pick(Faker.healthTerms)
            var lines = ["\(date) Hembesök. \(client.first) berättar att hen har \(b.e(.health, term)) och har svårt att sköta hushållet."]
            if f.rng.chance(0.5) {
                let relative = f.person()
                lines.append("Kontakt med anhörig \(b.e(.name, relative.fullName)), tel \(b.e(.phone, relative.phone)).")
            }
            if entry % 3 == 2 {
                lines.append("Bistånd enligt 4 kap. 1 § SoL beviljas med \(f.amount()) per månad.")
            }
            lines.append("Planerad uppföljning om fyra veckor.")
            b.paragraph(lines: lines)
        }
        b.paragraph("Handläggare: \(b.e(.name, officer.name)), \(b.e(.email, officer.email))")
        return b.document(title: "Journalanteckning \(dnr)", type: .caseNote)
    }
}
