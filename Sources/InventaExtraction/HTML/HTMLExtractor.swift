import CLibXML2
import InventaModel

/// Reads HTML and XHTML with libxml2's forgiving HTML parser (recover mode, no
/// network, no entity expansion beyond HTML's own character references) and walks
/// the tree: text is kept with block elements and `<br>` turned into line breaks
/// and table cells into tabs, so words from different blocks never run together;
/// `script`, `style` and the head (except its `<title>`) are skipped. The charset is
/// decided by `HTMLCharset`. Units carry no location: HTML has no pages, and source
/// line numbers would not match the text shown by `inventa extract`. Tables are emitted
/// row by row (`<tr>`, `<td>`/`<th>` with `colspan`) with cell locations (`DocumentTable`);
/// a table nested in a cell is text of that cell.
///
/// Builds a DOM, so it holds the whole document: files over `limits.maxMarkupBytes`
/// are read up to that size and end as `limit_exceeded`.
public struct HTMLExtractor: Extractor {
    public var chunkSize: Int
    public var maxBytes: Int

    public init(chunkSize: Int = 1 << 20, maxBytes: Int = ExtractionLimits().maxMarkupBytes) {
        self.chunkSize = max(chunkSize, 1024)
        self.maxBytes = max(maxBytes, 1)
    }

    static let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
                               | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue)

    public func extract(_ input: ExtractionInput, context: ExtractionContext, emit: (TextUnit) -> Void) throws(ExtractionError) {
        let truncated = input.size > Int64(maxBytes)
        let bytes = try input.read(at: 0, count: Int(min(input.size, Int64(maxBytes))))
        let encoding = HTMLCharset.encoding(of: bytes)
        let document = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                htmlReadMemory(chars.baseAddress, Int32(chars.count), nil, encoding, HTMLExtractor.options)
            }
        }
        guard let document else {
            if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) { return }
            throw ExtractionError.corrupt("HTML could not be parsed")
        }
        defer { xmlFreeDoc(document) }
        var writer = HTMLTextWriter(chunkSize: chunkSize)
        try writer.walk(xmlDocGetRootElement(document), context: context, emit: emit)
        writer.flush(emit)
        if truncated {
            throw ExtractionError.limitExceeded("HTML over \(maxBytes) bytes, the first \(maxBytes) bytes were read")
        }
    }
}

/// Walks a parsed HTML tree without recursion (hostile documents nest deeply) and
/// collects its visible text in units of about `chunkSize` bytes.
struct HTMLTextWriter {
    let chunkSize: Int
    private var buffer: [UInt8] = []
    private var table = DocumentTable()
    /// Open `<table>` elements; only the outermost is read as rows.
    private var tableDepth = 0
    /// The current cell's text, while a top-level cell is open.
    private var cell: [UInt8]?
    private var cellSpan = 1

    init(chunkSize: Int) {
        self.chunkSize = chunkSize
    }

    private static let skipped: Set<String> = ["script", "style", "template", "head"]
    private static let cells: Set<String> = ["td", "th"]
    private static let blocks: Set<String> = [
        "address", "article", "aside", "blockquote", "br", "caption", "dd", "details", "dialog", "div", "dl", "dt",
        "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr",
        "legend", "li", "main", "nav", "ol", "option", "p", "pre", "section", "summary", "table", "tbody", "tfoot",
        "thead", "title", "tr", "ul", "body", "html",
    ]

    mutating func walk(_ root: xmlNodePtr?, context: ExtractionContext, emit: (TextUnit) -> Void) throws(ExtractionError) {
        var node = root
        var visited = 0
        while let current = node {
            var descend = false
            switch current.pointee.type {
            case XML_ELEMENT_NODE:
                let name = String(cString: current.pointee.name)
                if name == "head" {
                    if let title = findTitle(in: current) { appendText(of: title); breakLine() }
                } else if !HTMLTextWriter.skipped.contains(name) {
                    open(name, node: current, emit: emit)
                    descend = current.pointee.children != nil
                    if !descend { close(name, emit: emit) }
                }
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                appendText(current.pointee.content)
            default:
                break
            }
            visited += 1
            if visited & 0xFFF == 0 { try context.checkBudget() }
            // Units end at a line break once big enough, or anywhere in a giant unbroken text.
            if (buffer.count >= chunkSize && buffer.last == 0x0A) || buffer.count >= chunkSize * 2 { flush(emit) }
            if descend {
                node = current.pointee.children
                continue
            }
            // Next sibling, or climb up closing elements until one has a next sibling.
            var climb: xmlNodePtr? = current
            node = nil
            while let at = climb {
                if at == root { break }
                if let next = at.pointee.next { node = next; break }
                climb = at.pointee.parent
                if let parent = climb, parent.pointee.type == XML_ELEMENT_NODE {
                    close(String(cString: parent.pointee.name), emit: emit)
                }
            }
        }
        if table.isOpen { table.end(emit: emit) }
    }

    /// Writes out the text collected so far as one unit.
    mutating func flush(_ emit: (TextUnit) -> Void) {
        guard buffer.contains(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x09 }) else { buffer.removeAll(keepingCapacity: true); return }
        emit(TextUnit(text: String(decoding: buffer, as: UTF8.self)))
        buffer.removeAll(keepingCapacity: true)
    }

    private mutating func open(_ name: String, node: xmlNodePtr, emit: (TextUnit) -> Void) {
        if tableStructure(opening: name, node: node, emit: emit) { return }
        if HTMLTextWriter.blocks.contains(name) { breakLine() } else if HTMLTextWriter.cells.contains(name) { separate(0x09) }
    }

    private mutating func close(_ name: String, emit: (TextUnit) -> Void) {
        if tableStructure(closing: name, emit: emit) { return }
        if HTMLTextWriter.blocks.contains(name) {
            breakLine()
        } else if HTMLTextWriter.cells.contains(name) {
            separate(0x09)
        }
    }

    /// The outermost table's rows and cells; true when `name` was handled as one.
    private mutating func tableStructure(opening name: String, node: xmlNodePtr, emit: (TextUnit) -> Void) -> Bool {
        switch name {
        case "table":
            tableDepth += 1
            guard tableDepth == 1 else { return false }
            flush(emit)
            table.start(at: Location())
        case "tr" where tableDepth == 1: table.startRow()
        case "td" where tableDepth == 1, "th" where tableDepth == 1:
            table.startCell()
            cell = []
            cellSpan = HTMLTextWriter.attribute("colspan", of: node).flatMap { Int($0) }.map { min(max($0, 1), 64) } ?? 1
        default: return false
        }
        return true
    }

    private mutating func tableStructure(closing name: String, emit: (TextUnit) -> Void) -> Bool {
        switch name {
        case "table":
            tableDepth = max(tableDepth - 1, 0)
            guard tableDepth == 0 else { return false }
            endCell()
            table.end(emit: emit)
        case "tr" where tableDepth == 1:
            endCell()
            table.endRow(emit: emit)
        case "td" where tableDepth == 1, "th" where tableDepth == 1: endCell()
        default: return false
        }
        return true
    }

    private mutating func endCell() {
        guard let text = cell else { return }
        table.append(String(decoding: text, as: UTF8.self))
        table.endCell(span: cellSpan)
        cell = nil
    }

    /// An attribute's text, read from the node's attribute list (no libxml2 allocation to free).
    private static func attribute(_ name: String, of node: xmlNodePtr) -> String? {
        var property = node.pointee.properties
        while let attribute = property {
            if String(cString: attribute.pointee.name) == name {
                guard let text = attribute.pointee.children, let content = text.pointee.content else { return nil }
                return String(cString: content)
            }
            property = attribute.pointee.next
        }
        return nil
    }

    private mutating func breakLine() { separate(0x0A) }

    /// Ends the current word with `byte` (a newline outranks a tab or space already there).
    /// Inside a table cell a tab is a space: tabs separate the cells of a row unit.
    private mutating func separate(_ byte: UInt8) {
        if cell != nil {
            HTMLTextWriter.separate(byte == 0x09 ? 0x20 : byte, in: &cell!)
        } else {
            HTMLTextWriter.separate(byte, in: &buffer)
        }
    }

    private static func separate(_ byte: UInt8, in buffer: inout [UInt8]) {
        guard let last = buffer.last else { return }
        if last == 0x0A { return }
        if last == 0x20 || last == 0x09 {
            if byte == 0x0A { buffer[buffer.count - 1] = 0x0A }
            return
        }
        buffer.append(byte)
    }

    /// Appends text with runs of HTML whitespace collapsed to one space, as a browser shows it.
    private mutating func appendText(_ content: UnsafeMutablePointer<xmlChar>?) {
        if cell != nil {
            HTMLTextWriter.appendText(content, to: &cell!)
        } else {
            HTMLTextWriter.appendText(content, to: &buffer)
        }
    }

    private static func appendText(_ content: UnsafeMutablePointer<xmlChar>?, to buffer: inout [UInt8]) {
        guard var p = content else { return }
        while p.pointee != 0 {
            let byte = p.pointee
            if byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 || byte == 0x0C {
                if let last = buffer.last, last != 0x20 && last != 0x0A && last != 0x09 { buffer.append(0x20) }
            } else {
                buffer.append(byte)
            }
            p += 1
        }
    }

    private mutating func appendText(of element: xmlNodePtr) {
        var child = element.pointee.children
        while let node = child {
            if node.pointee.type == XML_TEXT_NODE { appendText(node.pointee.content) }
            child = node.pointee.next
        }
    }

    private func findTitle(in head: xmlNodePtr) -> xmlNodePtr? {
        var child = head.pointee.children
        while let node = child {
            if node.pointee.type == XML_ELEMENT_NODE && String(cString: node.pointee.name) == "title" { return node }
            child = node.pointee.next
        }
        return nil
    }
}
