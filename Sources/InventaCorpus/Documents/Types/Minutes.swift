import InventaModel

/// Meeting minutes of a committee: officials named in their roles, decisions with
/// diarienummer, dates and amounts. Names only, no identity numbers.
enum Minutes {
    static let committees = ["Kommunstyrelsen", "Socialnämnden", "Barn- och utbildningsnämnden", "Miljö- och byggnadsnämnden", "Kultur- och fritidsnämnden"]
    static let topics = ["Budgetuppföljning", "Investeringsplan för skollokaler", "Revidering av avfallstaxa",
                         "Detaljplan för kvarteret Eken", "Internkontrollplan", "Delegationsordning", "Upphandling av skolskjuts"]

    static func make(_ f: inout Faker, year: Int, length: Int) -> Document {
        var b = DocumentBuilder()
        let committee = f.rng.pick(committees)
        let date = f.date(year: year)
        b.heading("Protokoll \(committee) \(date)")
        let chair = f.official(), secretary = f.official()
        var present = ["Ordförande: \(b.e(.name, chair.name))", "Sekreterare: \(b.e(.name, secretary.name))"]
        for _ in 0..<f.rng.int(3...7) { present.append("Ledamot: \(b.e(.name, f.official().name))") }
        b.paragraph(lines: present)
        for section in 1...(f.rng.int(3...8) * max(1, length)) {
            let dnr = f.diarienummer(year: year)
            b.heading("§ \(section) \(f.rng.pick(topics)) (\(dnr))")
            b.paragraph("Förvaltningen har den \(f.date(year: year)) redovisat ärendet. Kostnaden beräknas till \(f.amount()).",
                        "Beslut: Nämnden beslutar enligt förvaltningens förslag.")
        }
        b.paragraph("Justeras: \(b.e(.name, chair.name))")
        return b.document(title: "Protokoll \(committee) \(date)", type: .minutes)
    }
}
