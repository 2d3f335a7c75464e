import InventaModel

/// One generated document, independent of its file format: a title, blocks of
/// text and tables, and the gold entities written into it. Writers render the
/// same document as TXT, DOCX, PDF…, so every format carries the same truth.
///
/// Invariant the generators keep: no entity value spans a line break, a table
/// cell boundary or the sentence boundary `". "` where PDF layout may wrap.
public struct Document: Sendable {
    public var title: String
    public var docType: DocType
    public var blocks: [Block]
    public var entities: [GoldEntity]
    /// For e-mails: sender, recipient and subject (with the entities they contain).
    public var mail: MailHeader?

    public init(title: String, docType: DocType, blocks: [Block] = [], entities: [GoldEntity] = [], mail: MailHeader? = nil) {
        self.title = title
        self.docType = docType
        self.blocks = blocks
        self.entities = entities
        self.mail = mail
    }
}

/// A piece of document content.
public enum Block: Sendable {
    case heading(String)
    /// Lines of one paragraph.
    case paragraph([String])
    case table(header: [String], rows: [[Cell]])
}

/// A table cell. `numeric` cells hold only digits and are stored as numbers in
/// spreadsheets (as a clerk's Excel export does with personnummer); `text` may
/// contain line breaks (Alt+Enter in Excel). A number cannot keep a leading zero
/// (Excel shows `0708112388` as `708112388`), so such values stay text, as they do
/// in real exports that keep them readable.
public struct Cell: Sendable, ExpressibleByStringLiteral {
    public var text: String
    public var numeric: Bool

    public init(_ text: String, numeric: Bool = false) {
        self.text = text
        self.numeric = numeric && !(text.count > 1 && text.hasPrefix("0"))
    }

    public init(stringLiteral value: String) {
        self.init(value)
    }
}

/// Sender, recipient and subject of an e-mail document.
public struct MailHeader: Sendable {
    public var fromName: String
    public var fromAddress: String
    public var toName: String
    public var toAddress: String
    public var subject: String
    public var date: String
}

/// A value a correct scanner should report, as written in the document.
public struct GoldEntity: Sendable, Hashable {
    public var category: Category
    public var value: String

    public init(_ category: Category, _ value: String) {
        self.category = category
        self.value = value
    }
}

/// The kinds of documents a municipal share holds, as ground-truth `doc_type` values.
public enum DocType: String, Sendable, CaseIterable, Codable {
    case caseNote = "case_note"
    case classList = "class_list"
    case payroll
    case minutes
    case invoice
    case supplierRegister = "supplier_register"
    case policy
    case letter
    case email
    case archive

    /// Formats this kind of document is commonly saved as on a share.
    var formats: [CorpusFormat] {
        switch self {
        case .caseNote: return [.txt, .docx, .odt, .pdf, .rtf, .html]
        case .classList: return [.csv, .xlsx, .ods, .docx, .pdf, .html, .txt]
        case .payroll: return [.xlsx, .csv, .ods, .pdf]
        case .minutes: return [.docx, .odt, .pdf, .html, .rtf, .txt, .pptx]
        case .invoice: return [.pdf, .docx, .html, .txt]
        case .supplierRegister: return [.xlsx, .csv, .ods]
        case .policy: return [.pdf, .docx, .odt, .html, .pptx, .txt, .rtf]
        case .letter: return [.docx, .odt, .pdf, .rtf, .txt]
        case .email: return [.eml]
        case .archive: return [.zip]
        }
    }
}
