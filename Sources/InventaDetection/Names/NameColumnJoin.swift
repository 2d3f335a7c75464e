import InventaModel

/// First name and surname in two adjacent columns of a table row (`Förnamn: Anna⇥Efternamn:
/// Berg`) are one person's name: the two name findings become one, at the first-name cell,
/// whose evidence names both cells (docs/decisions/0205-table-rows.md). The columns are told
/// by their headers; without headers the two cells stay two names (a row of two names may be
/// two people). Runs on a row unit's findings after the name model; stateless.
enum NameColumnJoin {
    static let firstNameHeaders = ["förnamn", "tilltalsnamn", "first name", "firstname", "given name", "fornamn"]
    static let surnameHeaders = ["efternamn", "släktnamn", "surname", "last name", "lastname", "family name"]

    static func join(_ findings: inout [Finding], table: TableLayout) {
        guard findings.count >= 2 else { return }
        var index = 0
        while index + 1 < findings.count {
            defer { index += 1 }
            let first = findings[index], second = findings[index + 1]
            guard first.category == .name, second.category == .name,
                  let firstCell = table.cell(containing: first.span.lowerBound),
                  let secondCell = table.cell(containing: second.span.lowerBound), secondCell == firstCell + 1,
                  isHeader(table.cells[firstCell].location.header, in: firstNameHeaders),
                  isHeader(table.cells[secondCell].location.header, in: surnameHeaders) else { continue }
            var joined = first
            joined.value = first.value + " " + second.value
            joined.normalized = first.normalized + " " + second.normalized
            joined.masked = first.masked + " " + second.masked
            joined.span = first.span.lowerBound..<second.span.upperBound
            joined.confidence = max(first.confidence, second.confidence)
            joined.level = max(first.level, second.level)
            joined.evidence.steps.append("joined with the surname column")
            findings[index] = joined
            findings.remove(at: index + 1)
        }
    }

    private static func isHeader(_ header: String?, in names: [String]) -> Bool {
        guard let header else { return false }
        let folded = header.lowercased()
        return names.contains { folded == $0 || folded.hasSuffix(" / " + $0) }
    }
}
