import InventaModel

/// School class lists: children's names and personnummer, guardians' phone numbers,
/// cells with line breaks. Many identifiers, so high risk.
enum ClassList {
    static func make(_ f: inout Faker, year: Int, length: Int) -> Document {
        var b = DocumentBuilder()
        let grade = f.rng.int(1...9)
        let klass = "\(grade)\(f.rng.pick(["A", "B", "C"]))"
        let teacher = f.official()
        b.heading("Klasslista \(klass) läsåret \(year)/\(year + 1)")
        b.paragraph("Mentor: \(b.e(.name, teacher.name))")
        let born = (year - 7 - grade)...(year - 6 - grade)
        var rows: [[Cell]] = []
        for _ in 0..<(f.rng.int(18...28) * max(1, length)) {
            let child = f.person(born: born)
            let guardian = f.person()
            let number = f.rng.chance(0.2) ? child.number : f.written(child.number)
            let name = b.e(.name, f.writtenName(child))
            let pnr = b.e(child.identityCategory, number)
            let guardianName = b.e(.name, guardian.fullName)
            let phone = b.e(.phone, guardian.phone)
            let address = b.e(.address, child.street)
            rows.append([Cell(name), Cell(pnr, numeric: pnr.allSatisfy(\.isNumber)),
                         Cell("\(guardianName)\n\(phone)"), Cell("\(address)\n\(child.postcode) \(child.town)")])
        }
        b.table(["Elev", "Personnummer", "Vårdnadshavare", "Adress"], rows)
        return b.document(title: "Klasslista \(klass)", type: .classList)
    }
}
