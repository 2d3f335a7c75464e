import InventaModel

/// The finance department's supplier register: companies with organisationsnummer,
/// bankgiro and plusgiro. No personal data; organisationsnummer must not be
/// reported as personnummer.
enum SupplierRegister {
    static func make(_ f: inout Faker, year: Int, length: Int) -> Document {
        var b = DocumentBuilder()
        b.heading("Leverantörsregister \(year)")
        var rows: [[Cell]] = []
        for index in 0..<(f.rng.int(10...40) * max(1, length)) {
            let orgnr = f.organisationsnummer()
            let orgCell = f.rng.chance(0.3) ? Cell(orgnr.filter(\.isNumber), numeric: true) : Cell(orgnr)
            let plusgiro = f.rng.chance(0.3) ? b.e(.plusgiro, f.plusgiro()) : ""
            rows.append([Cell(String(1000 + index), numeric: true), Cell(f.company()), orgCell,
                         Cell(b.e(.bankgiro, f.bankgiro())), Cell(plusgiro)])
        }
        b.table(["Lev.nr", "Leverantör", "Organisationsnummer", "Bankgiro", "Plusgiro"], rows)
        return b.document(title: "Leverantörsregister \(year)", type: .supplierRegister)
    }
}
