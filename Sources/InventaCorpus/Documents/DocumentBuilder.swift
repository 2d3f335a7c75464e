import InventaModel

/// Collects a document's blocks and records every gold entity as it is written,
/// so the ground truth cannot drift from the text: `b.e(.name, "Anna Ek")`
/// returns the value for interpolation and remembers it.
struct DocumentBuilder {
    private(set) var blocks: [Block] = []
    private(set) var entities: [GoldEntity] = []

    /// Records `value` as a gold entity of `category` and returns it.
    mutating func e(_ category: Category, _ value: String) -> String {
        entities.append(GoldEntity(category, value))
        return value
    }

    mutating func heading(_ text: String) { blocks.append(.heading(text)) }
    mutating func paragraph(_ lines: String...) { blocks.append(.paragraph(lines)) }
    mutating func paragraph(lines: [String]) { blocks.append(.paragraph(lines)) }
    mutating func table(_ header: [String], _ rows: [[Cell]]) { blocks.append(.table(header: header, rows: rows)) }

    func document(title: String, type: DocType, mail: MailHeader? = nil) -> Document {
        Document(title: title, docType: type, blocks: blocks, entities: entities, mail: mail)
    }
}
