import InventaModel

/// E-mails between staff and residents: names and addresses in the headers, a
/// person's identity number and phone in the body, attachments added by the generator.
enum Email {
    static func make(_ f: inout Faker, year: Int, length: Int) -> Document {
        var b = DocumentBuilder()
        let resident = f.person()
        let officer = f.official()
        let incoming = f.rng.chance(0.5)
        let (fromName, fromAddress) = incoming ? (resident.fullName, resident.email) : (officer.name, officer.email)
        let (toName, toAddress) = incoming ? (officer.name, officer.email) : (resident.fullName, resident.email)
        for entity in [(Category.name, fromName), (.email, fromAddress), (.name, toName), (.email, toAddress)] {
            _ = b.e(entity.0, entity.1)
        }
        let subject = f.rng.pick(["Angående ansökan", "Fråga om färdtjänst", "Underlag till möte", "Komplettering av ärende", "Återkoppling"])
        var lines = ["Hej \(toName.split(separator: " ").first.map(String.init) ?? "")!", ""]
        if incoming {
            lines.append("Jag skickar härmed kompletteringen till mitt ärende. Mitt personnummer är \(b.e(resident.identityCategory, f.written(resident.number))).")
            lines.append("Ni når mig på \(b.e(.phone, resident.phone)) eller på adressen \(b.e(.address, resident.street)), \(resident.postcode) \(resident.town).")
        } else {
            lines.append("Tack för ditt meddelande. Se bifogat underlag inför mötet den \(f.date(year: year)).")
        }
        for _ in 0..<max(1, length) { lines.append("Hör gärna av dig om du har frågor.") }
        lines += ["", "Med vänlig hälsning", fromName]
        b.paragraph(lines: lines)
        let header = MailHeader(fromName: fromName, fromAddress: fromAddress, toName: toName, toAddress: toAddress,
                                subject: subject, date: "")
        return b.document(title: subject, type: .email, mail: header)
    }
}
