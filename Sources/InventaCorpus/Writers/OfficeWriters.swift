import Foundation

/// Minimal but well-formed Office Open XML (DOCX, XLSX, PPTX) and OpenDocument
/// (ODT, ODS) packages: the parts an extractor reads and the content types and
/// relationships that Word, Excel and LibreOffice need to open them. Metadata
/// names the municipality, never a person, and carries a fixed date.
enum OfficeWriters {
    static let xmlHeader = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"

    static func core(_ document: Document, date: String) -> String {
        xmlHeader + """
        <cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" \
        xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" \
        xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>\(Markup.xml(document.title))</dc:title>\
        <dc:creator>Exempelby kommun</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">\(date)</dcterms:created>\
        <dcterms:modified xsi:type="dcterms:W3CDTF">\(date)</dcterms:modified></cp:coreProperties>
        """
    }

    static func contentTypes(_ overrides: [(String, String)]) -> String {
        xmlHeader + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            + overrides.map { "<Override PartName=\"\($0.0)\" ContentType=\"\($0.1)\"/>" }.joined()
            + "<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/></Types>"
    }

    static func relationships(_ items: [(id: String, type: String, target: String)]) -> String {
        xmlHeader + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + items.map { "<Relationship Id=\"\($0.id)\" Type=\"\($0.type)\" Target=\"\($0.target)\"/>" }.joined()
            + "</Relationships>"
    }

    static let officeDocument = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
    static let coreProperties = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"

    static func package(main: String, type: String, document: Document, date: Date, isoDate: String,
                        parts: [ZipPackage.Entry], overrides: [(String, String)]) throws(CorpusError) -> [UInt8] {
        let entries = [
            ZipPackage.Entry(path: "[Content_Types].xml", bytes: Array(contentTypes(overrides).utf8)),
            ZipPackage.Entry(path: "_rels/.rels", bytes: Array(relationships([
                ("rId1", officeDocument, main), ("rId2", coreProperties, "docProps/core.xml"),
            ]).utf8)),
            ZipPackage.Entry(path: "docProps/core.xml", bytes: Array(core(document, date: isoDate).utf8)),
        ] + parts
        return try ZipPackage.build(entries, date: date)
    }

    // MARK: DOCX

    static func docx(_ document: Document, date: Date, isoDate: String) throws(CorpusError) -> [UInt8] {
        func run(_ text: String) -> String { "<w:r><w:t xml:space=\"preserve\">\(Markup.xml(text))</w:t></w:r>" }
        var body = ""
        for block in document.blocks {
            switch block {
            case .heading(let text):
                body += "<w:p><w:pPr><w:pStyle w:val=\"Heading1\"/></w:pPr>\(run(text))</w:p>"
            case .paragraph(let lines):
                // Lines in one paragraph are separated by soft breaks, as Shift+Enter in Word.
                body += "<w:p>" + lines.map(run).joined(separator: "<w:r><w:br/></w:r>") + "</w:p>"
            case .table(let header, let rows):
                body += "<w:tbl><w:tblPr><w:tblStyle w:val=\"TableGrid\"/></w:tblPr>"
                for row in [header.map { Cell($0) }] + rows {
                    body += "<w:tr>" + row.map { cell in
                        "<w:tc>" + cell.text.split(separator: "\n", omittingEmptySubsequences: false)
                            .map { "<w:p>\(run(String($0)))</w:p>" }.joined() + "</w:tc>"
                    }.joined() + "</w:tr>"
                }
                body += "</w:tbl><w:p/>"
            }
        }
        let xml = xmlHeader + "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>"
            + body + "<w:sectPr/></w:body></w:document>"
        return try package(main: "word/document.xml", type: "docx", document: document, date: date, isoDate: isoDate,
                           parts: [ZipPackage.Entry(path: "word/document.xml", bytes: Array(xml.utf8))],
                           overrides: [("/word/document.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml")])
    }

    // MARK: XLSX

    /// Rows of a spreadsheet: headings and paragraph lines as one-cell rows, then the table.
    static func sheetRows(_ document: Document) -> [[Cell]] {
        var rows: [[Cell]] = []
        for block in document.blocks {
            switch block {
            case .heading(let text): rows.append([Cell(text)])
            case .paragraph(let lines): rows += lines.map { [Cell($0)] }
            case .table(let header, let cells): rows.append(header.map { Cell($0) }); rows += cells
            }
        }
        return rows
    }

    static func xlsx(_ document: Document, date: Date, isoDate: String) throws(CorpusError) -> [UInt8] {
        var strings: [String] = []
        var index: [String: Int] = [:]
        var sheet = ""
        for (r, row) in sheetRows(document).enumerated() {
            sheet += "<row r=\"\(r + 1)\">"
            for (c, cell) in row.enumerated() where !cell.text.isEmpty {
                let ref = Markup.column(c) + String(r + 1)
                if cell.numeric {
                    sheet += "<c r=\"\(ref)\"><v>\(cell.text)</v></c>"
                } else {
                    let id = index[cell.text] ?? { strings.append(cell.text); index[cell.text] = strings.count - 1; return strings.count - 1 }()
                    sheet += "<c r=\"\(ref)\" t=\"s\"><v>\(id)</v></c>"
                }
            }
            sheet += "</row>"
        }
        let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
        let sheetXML = xmlHeader + "<worksheet xmlns=\"\(main)\"><sheetData>\(sheet)</sheetData></worksheet>"
        let shared = xmlHeader + "<sst xmlns=\"\(main)\" count=\"\(strings.count)\" uniqueCount=\"\(strings.count)\">"
            + strings.map { "<si><t xml:space=\"preserve\">\(Markup.xml($0))</t></si>" }.joined() + "</sst>"
        let workbook = xmlHeader + "<workbook xmlns=\"\(main)\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
            + "<sheets><sheet name=\"Blad1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"
        let rels = relationships([
            ("rId1", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet", "worksheets/sheet1.xml"),
            ("rId2", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings", "sharedStrings.xml"),
        ])
        let ct = "application/vnd.openxmlformats-officedocument.spreadsheetml"
        return try package(main: "xl/workbook.xml", type: "xlsx", document: document, date: date, isoDate: isoDate, parts: [
            ZipPackage.Entry(path: "xl/workbook.xml", bytes: Array(workbook.utf8)),
            ZipPackage.Entry(path: "xl/_rels/workbook.xml.rels", bytes: Array(rels.utf8)),
            ZipPackage.Entry(path: "xl/worksheets/sheet1.xml", bytes: Array(sheetXML.utf8)),
            ZipPackage.Entry(path: "xl/sharedStrings.xml", bytes: Array(shared.utf8)),
        ], overrides: [("/xl/workbook.xml", "\(ct).sheet.main+xml"), ("/xl/worksheets/sheet1.xml", "\(ct).worksheet+xml"),
                       ("/xl/sharedStrings.xml", "\(ct).sharedStrings+xml")])
    }

    // MARK: PPTX

    /// One slide per heading; lines (and table rows) as paragraphs of a text box.
    static func pptx(_ document: Document, date: Date, isoDate: String) throws(CorpusError) -> [UInt8] {
        var slides: [[String]] = []
        for line in Markup.lines(document, separator: "  ") where !line.isEmpty {
            if slides.isEmpty || slides[slides.count - 1].count >= 14 { slides.append([]) }
            slides[slides.count - 1].append(line)
        }
        let a = "http://schemas.openxmlformats.org/drawingml/2006/main"
        let p = "http://schemas.openxmlformats.org/presentationml/2006/main"
        let r = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        var parts: [ZipPackage.Entry] = []
        var overrides: [(String, String)] = [("/ppt/presentation.xml", "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml")]
        var rels: [(id: String, type: String, target: String)] = []
        var ids = ""
        for (n, lines) in slides.enumerated() {
            let paragraphs = lines.map { "<a:p><a:r><a:rPr lang=\"sv-SE\"/><a:t>\(Markup.xml($0))</a:t></a:r></a:p>" }.joined()
            let slide = xmlHeader + "<p:sld xmlns:a=\"\(a)\" xmlns:p=\"\(p)\" xmlns:r=\"\(r)\"><p:cSld><p:spTree>"
                + "<p:nvGrpSpPr><p:cNvPr id=\"1\" name=\"\"/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr/>"
                + "<p:sp><p:nvSpPr><p:cNvPr id=\"2\" name=\"Text\"/><p:cNvSpPr txBox=\"1\"/><p:nvPr/></p:nvSpPr><p:spPr/>"
                + "<p:txBody><a:bodyPr/><a:lstStyle/>\(paragraphs)</p:txBody></p:sp></p:spTree></p:cSld></p:sld>"
            parts.append(ZipPackage.Entry(path: "ppt/slides/slide\(n + 1).xml", bytes: Array(slide.utf8)))
            overrides.append(("/ppt/slides/slide\(n + 1).xml", "application/vnd.openxmlformats-officedocument.presentationml.slide+xml"))
            rels.append(("rId\(n + 1)", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/slide", "slides/slide\(n + 1).xml"))
            ids += "<p:sldId id=\"\(256 + n)\" r:id=\"rId\(n + 1)\"/>"
        }
        let presentation = xmlHeader + "<p:presentation xmlns:a=\"\(a)\" xmlns:p=\"\(p)\" xmlns:r=\"\(r)\"><p:sldIdLst>\(ids)</p:sldIdLst>"
            + "<p:sldSz cx=\"12192000\" cy=\"6858000\"/><p:notesSz cx=\"6858000\" cy=\"9144000\"/></p:presentation>"
        parts.insert(ZipPackage.Entry(path: "ppt/presentation.xml", bytes: Array(presentation.utf8)), at: 0)
        parts.insert(ZipPackage.Entry(path: "ppt/_rels/presentation.xml.rels", bytes: Array(relationships(rels).utf8)), at: 1)
        return try package(main: "ppt/presentation.xml", type: "pptx", document: document, date: date, isoDate: isoDate,
                           parts: parts, overrides: overrides)
    }

    // MARK: OpenDocument

    static func odf(mimetype: String, body: String, date: Date) throws(CorpusError) -> [UInt8] {
        let ns = "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" "
            + "xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\""
        let content = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<office:document-content \(ns) office:version=\"1.2\"><office:body>\(body)</office:body></office:document-content>"
        let manifest = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" manifest:version=\"1.2\">"
            + "<manifest:file-entry manifest:full-path=\"/\" manifest:media-type=\"\(mimetype)\"/>"
            + "<manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/></manifest:manifest>"
        return try ZipPackage.build([
            ZipPackage.Entry(path: "mimetype", bytes: Array(mimetype.utf8), stored: true),
            ZipPackage.Entry(path: "META-INF/manifest.xml", bytes: Array(manifest.utf8)),
            ZipPackage.Entry(path: "content.xml", bytes: Array(content.utf8)),
        ], date: date)
    }

    static func odfCell(_ cell: Cell) -> String {
        let paragraphs = cell.text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { "<text:p>\(Markup.xml(String($0)))</text:p>" }.joined()
        if cell.numeric {
            return "<table:table-cell office:value-type=\"float\" office:value=\"\(cell.text)\">\(paragraphs)</table:table-cell>"
        }
        return "<table:table-cell office:value-type=\"string\">\(paragraphs)</table:table-cell>"
    }

    static func odt(_ document: Document, date: Date) throws(CorpusError) -> [UInt8] {
        var body = "<office:text>"
        for block in document.blocks {
            switch block {
            case .heading(let text): body += "<text:h text:outline-level=\"1\">\(Markup.xml(text))</text:h>"
            case .paragraph(let lines): body += "<text:p>" + lines.map(Markup.xml).joined(separator: "<text:line-break/>") + "</text:p>"
            case .table(let header, let rows):
                body += "<table:table table:name=\"Tabell1\"><table:table-column table:number-columns-repeated=\"\(header.count)\"/>"
                for row in [header.map { Cell($0) }] + rows { body += "<table:table-row>" + row.map(odfCell).joined() + "</table:table-row>" }
                body += "</table:table>"
            }
        }
        return try odf(mimetype: "application/vnd.oasis.opendocument.text", body: body + "</office:text>", date: date)
    }

    static func ods(_ document: Document, date: Date) throws(CorpusError) -> [UInt8] {
        var body = "<office:spreadsheet><table:table table:name=\"Blad1\">"
        for row in sheetRows(document) { body += "<table:table-row>" + row.map(odfCell).joined() + "</table:table-row>" }
        body += "</table:table></office:spreadsheet>"
        return try odf(mimetype: "application/vnd.oasis.opendocument.spreadsheet", body: body, date: date)
    }
}
