/// Public policy documents (styrdokument): dates, amounts, diarienummer, paragraph
/// references and reference numbers, some Luhn-valid. No personal data at all,
/// so every finding here is a false positive.
enum Policy {
    static let subjects = ["Riktlinjer för informationssäkerhet", "Policy för hantering av personuppgifter", "Avfallsplan",
                           "Riktlinjer för representation", "Plan för krisberedskap", "Program för miljöarbete", "Taxa för bygglov"]
    static let sentences = [
        "Kommunen ska verka för en hållbar utveckling och en effektiv förvaltning.",
        "Nämnderna ansvarar för att riktlinjerna följs inom respektive verksamhet.",
        "Uppföljning sker årligen i samband med verksamhetsberättelsen.",
        "Dokumentet revideras vid behov, dock minst en gång per mandatperiod.",
        "Avvikelser rapporteras till kommunstyrelsen enligt fastställd rutin.",
    ]

    static func make(_ f: inout Faker, year: Int, length: Int) -> Document {
        var b = DocumentBuilder()
        let subject = f.rng.pick(subjects)
        b.heading(subject)
        b.paragraph("Antagen av kommunfullmäktige \(f.date(year: year)), \(f.diarienummer(year: year)).",
                    "Gäller från \(f.date(year: year + 1)). Referensnummer \(f.referenceNumber()).")
        for section in 1...(f.rng.int(3...8) * max(1, length)) {
            b.heading("\(section). \(f.rng.pick(["Syfte", "Omfattning", "Ansvar", "Genomförande", "Ekonomi", "Uppföljning"]))")
            var lines: [String] = []
            for _ in 0..<f.rng.int(2...5) { lines.append(f.rng.pick(sentences)) }
            lines.append("Budgetram \(year): \(f.amount()). Beslut \(f.diarienummer(year: year)), ref \(f.referenceNumber()).")
            b.paragraph(lines: lines)
        }
        return b.document(title: subject, type: .policy)
    }
}
