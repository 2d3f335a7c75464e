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
}
