import InventaModel
import InventaReport
import Testing

@Suite struct OutputFormatTests {
    let table = ReportTable(columns: ["path", "count", "counts"], rows: [
        [.text("Skola/klass, 7B.csv"), .integer(3), .json(#"{"personnummer":3}"#, display: "personnummer=3")],
        [.text("citat \"x\".txt"), .integer(0), .json("{}", display: "")],
        [.text(nil), .number(0.955), .json("{}", display: "")],
    ])

    @Test func jsonLinesKeepsTypes() {
        #expect(OutputFormat.jsonl.render(table) == """
            {"path":"Skola/klass, 7B.csv","count":3,"counts":{"personnummer":3}}
            {"path":"citat \\"x\\".txt","count":0,"counts":{}}
            {"path":null,"count":0.955,"counts":{}}

            """)
    }

    @Test func csvQuotesWhatNeedsIt() {
        #expect(OutputFormat.csv.render(table) == """
            path,count,counts\r
            "Skola/klass, 7B.csv",3,personnummer=3\r
            "citat ""x"".txt",0,\r
            ,0.955,\r

            """)
    }

    @Test func tableAlignsColumns() {
        let lines = OutputFormat.table.render(table).split(separator: "\n")
        #expect(lines.count == 5)
        #expect(lines[0].hasPrefix("path                 count"))
    }

    @Test("JSON strings escape control characters", arguments: [
        ("a\nb", #""a\nb""#), ("tab\t", #""tab\t""#), ("\u{01}", #""\u0001""#), ("åäö", #""åäö""#),
    ])
    func escapes(input: String, expected: String) {
        #expect(JSONText.string(input) == expected)
    }

    @Test func evidenceIsObjectOfArraysOfStrings() {
        let evidence = Evidence(validation: .confirmed, checks: ["luhn", "date"], steps: ["base 0.70", "context \"+0.15\""],
                                context: [], tags: ["test_identity\n"])
        let pieces = JSONText.object([
            ("validation", JSONText.string("confirmed")),
            ("checks", JSONText.array(evidence.checks.map(JSONText.string))),
            ("steps", JSONText.array(evidence.steps.map(JSONText.string))),
            ("context", JSONText.array([])),
            ("tags", JSONText.array(evidence.tags.map(JSONText.string))),
        ])
        #expect(JSONText.evidence(evidence) == pieces)
        #expect(pieces == #"{"validation":"confirmed","checks":["luhn","date"],"steps":["base 0.70","context \"+0.15\""],"context":[],"tags":["test_identity\n"]}"#)
    }

    /// On a terminal a table fits its width (the widest column gives way, cells elided in the
    /// middle so a path keeps its start and its file name); piped, nothing is cut.
    @Test func tablesFitTheTerminalAndArePrintedInFullWhenPiped() {
        let long = "Socialförvaltningen/" + String(repeating: "Individ och familj/", count: 20) + "akt.docx"
        let wide = ReportTable(columns: ["department", "path", "risk"], rows: [
            [.text("Socialförvaltningen"), .text(long), .text("high")],
            [.text("Okänd"), .text("a.txt"), .text("low")],
        ])
        let fitted = OutputFormat.table.render(wide, style: TableStyle(width: 80))
        for line in fitted.split(separator: "\n") { #expect(line.count <= 80, "\(line.count): \(line)") }
        #expect(fitted.contains("Socialförvaltningen/Indiv"))
        #expect(fitted.contains("…"))
        #expect(fitted.contains("akt.docx"), "the end of the path stays visible")
        let piped = OutputFormat.table.render(wide)
        #expect(piped.contains(long), "full when piped")
        #expect(!piped.contains("\u{1B}"), "no colour unless asked")
        let coloured = OutputFormat.table.render(wide, style: TableStyle(width: nil, color: true))
        #expect(coloured.contains("\u{1B}[31mhigh"))
    }

    @Test(arguments: [("abcdefghij", 5, "ab…ij"), ("abcdefghij", 10, "abcdefghij"), ("abcdefghij", 4, "ab…j"), ("abc", 1, "a")])
    func elidesInTheMiddle(text: String, width: Int, expected: String) {
        #expect(OutputFormat.elide(text, to: width) == expected)
    }

    /// File names chosen by the share's users reach CSV as text a spreadsheet must not run
    /// (OWASP CSV injection): the ones that start like a formula get a leading apostrophe;
    /// numbers, and names that merely contain a formula character, are left as they are.
    @Test("CSV neutralises cells that start like a formula", arguments: [
        (ReportTable.Cell.text(#"=HYPERLINK("http://x","y").txt"#), #""'=HYPERLINK(""http://x"",""y"").txt""#),
        (.text("+cmd|' /C calc'!A0.docx"), "'+cmd|' /C calc'!A0.docx"),
        (.text("-2+3.txt"), "'-2+3.txt"),
        (.text("@SUM(A1:A9).csv"), "'@SUM(A1:A9).csv"),
        (.text("\tflik.txt"), "'\tflik.txt"),
        (.text("\rretur.txt"), "\"'\rretur.txt\""),
        (.text("a=b+c@d-e.txt"), "a=b+c@d-e.txt"),
        (.integer(-3), "-3"),
        (.number(-0.5), "-0.5"),
    ])
    func csvNeutralisesFormulas(cell: ReportTable.Cell, expected: String) {
        let csv = OutputFormat.csv.render(ReportTable(columns: ["path"], rows: [[cell]]))
        #expect(csv == "path\r\n\(expected)\r\n")
    }

    /// A table is printed to a terminal: a file name's escape sequences, carriage returns and
    /// newlines are shown, not obeyed, so they cannot clear the screen or forge a row.
    @Test("Tables escape control characters in cells", arguments: [
        ("rapport\u{1B}[2J.txt", #"rapport\x1B[2J.txt"#),
        ("a.txt\nb.txt  scanned  high", #"a.txt\nb.txt  scanned  high"#),
        ("ok.txt\rFAKE", #"ok.txt\rFAKE"#),
        ("csi\u{9B}31m.txt", #"csi\u{9B}31m.txt"#),
        ("fil\u{202E}txt.exe", #"fil\u{202E}txt.exe"#),
        ("bell\u{07}del\u{7F}", #"bell\x07del\x7F"#),
        ("Åsa Öberg/ärende.txt", "Åsa Öberg/ärende.txt"),
    ])
    func tableEscapesControls(name: String, shown: String) {
        let text = OutputFormat.table.render(ReportTable(columns: ["path"], rows: [[.text(name)]]))
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 4, "header, rule, one row, end: \(lines)")
        #expect(lines[2] == shown)
        #expect(!text.unicodeScalars.contains { $0.value == 0x1B || $0 == "\r" || $0.value == 0x9B })
    }
}
