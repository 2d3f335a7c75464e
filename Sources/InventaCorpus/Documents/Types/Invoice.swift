import InventaModel

/// Supplier invoices: organisationsnummer, bankgiro, plusgiro and an OCR reference
/// that may pass Luhn. Business data, not personal data: the bankgiro/plusgiro
/// entities are gold for their categories, but the file has no personal data.
enum Invoice {
    static func make(_ f: inout Faker, year: Int, length: Int) -> Document {
        var b = DocumentBuilder()
        let supplier = f.company()
        let (postcode, town) = f.rng.pick(f.data.postcodes)
        b.heading("FAKTURA")
        b.paragraph("\(supplier)", "Organisationsnummer: \(f.organisationsnummer())",
                    "Box \(f.rng.int(100...9999)), \(postcode) \(town)")
        b.paragraph("Fakturanummer: \(f.rng.int(10000...99999))", "Fakturadatum: \(f.date(year: year))",
                    "OCR: \(f.referenceNumber())", "Er referens: Ekonomienheten, Exempelby kommun")
        var rows: [[Cell]] = []
        for _ in 0..<(f.rng.int(2...8) * max(1, length)) {
            rows.append([Cell(f.rng.pick(["Konsulttimmar", "Material", "Resekostnad", "Licens", "Serviceavgift"])),
                         Cell(String(f.rng.int(1...40)), numeric: true), Cell(f.amount())])
        }
        b.table(["Beskrivning", "Antal", "Belopp"], rows)
        var payment = ["Att betala: \(f.amount())", "Bankgiro: \(b.e(.bankgiro, f.bankgiro()))"]
        if f.rng.chance(0.4) { payment.append("Plusgiro: \(b.e(.plusgiro, f.plusgiro()))") }
        b.paragraph(lines: payment)
        return b.document(title: "Faktura \(supplier)", type: .invoice)
    }
}
