import InventaModel

/// HR payroll lists: employees with personnummer, bank accounts, sometimes IBAN
/// or a purchasing card. Salary amounts are not personal data on their own.
enum Payroll {
    static func make(_ f: inout Faker, year: Int, length: Int) -> Document {
        var b = DocumentBuilder()
        let month = f.rng.pick(["januari", "februari", "mars", "april", "maj", "juni", "augusti", "september", "oktober", "november"])
        b.heading("Löneutbetalning \(month) \(year)")
        var rows: [[Cell]] = []
        for _ in 0..<(f.rng.int(8...30) * max(1, length)) {
            let employee = f.person(born: 1958...2003)
            let number = b.e(employee.identityCategory, f.rng.chance(0.3) ? employee.number : f.written(employee.number))
            let account: String
            if f.rng.chance(0.15) {
                account = b.e(.iban, f.iban())
            } else {
                account = b.e(.bankAccount, f.bankAccount())
            }
            let card = f.rng.chance(0.1) ? b.e(.paymentCard, f.rng.pick(Faker.testCards)) : ""
            rows.append([Cell(b.e(.name, f.writtenName(employee))), Cell(number, numeric: number.allSatisfy(\.isNumber)),
                         Cell(account), Cell(String(f.rng.int(24_000...61_000)), numeric: true), Cell(card)])
        }
        b.table(["Namn", "Personnummer", "Konto", "Bruttolön", "Inköpskort"], rows)
        b.paragraph("Attesterad av löneenheten \(f.date(year: year)).")
        return b.document(title: "Lön \(month) \(year)", type: .payroll)
    }
}
