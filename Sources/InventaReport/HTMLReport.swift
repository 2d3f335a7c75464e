import Foundation

/// A self-contained HTML report of one scan, meant to be e-mailed to a department head:
/// one file, no scripts or styles or fonts from anywhere else (no URLs at all), charts as
/// inline SVG, tables sortable by a few lines of inline JavaScript and still readable
/// without it. Swedish by default. Shows masked values and counts only — never a
/// finding's value — and carries a visible warning when the scan stored cleartext.
public struct HTMLReport {
    public var language: ReportLanguage
    /// Rows shown per table; the rest are a command away.
    public var rowLimit: Int

    public init(language: ReportLanguage = .sv, rowLimit: Int = 200) {
        self.language = language
        self.rowLimit = rowLimit
    }

    public func render(_ reader: ReportReader, now: Double = Date().timeIntervalSince1970) throws(ReportError) -> String {
        let overview = try reader.overview(now: now)
        let high = try reader.files(filter: FileFilter(minimumRisk: "high"), now: now)
        let retention = try reader.retention(olderThan: 5 * 365.25 * 86400, now: now)
        let diff = try reader.diff()
        let problems = try reader.problems()
        let departments = try reader.departments()
        let t = { (key: String) in language.label(key) }
        var html = """
            <!DOCTYPE html>
            <html lang="\(language.rawValue)"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(escape(t("title"))) – \(escape(t("scan"))) \(overview.scanID)</title>
            <style>\(HTMLReport.css)</style></head><body><main>
            <header><h1>\(escape(t("title")))</h1>
            <p class="meta">\(escape(t("scan"))) \(overview.scanID) · \(escape(overview.startedAt)) – \(escape(overview.finishedAt ?? "…")) · \(escape(overview.roots.joined(separator: ", ")))</p></header>

            """
        if overview.storeValues { html += "<p class=\"warning\" role=\"alert\">\(escape(t("cleartext.warning")))</p>\n" }
        if overview.status != "completed" {
            html += "<p class=\"notice\">\(escape(fill(t("interrupted.warning"), [overview.status])))</p>\n"
        }
        html += "<section class=\"kpis\">"
        for (value, key, tone) in [(overview.files, "kpi.files", ""), (overview.withPersonalData, "kpi.personal", ""),
                                   (overview.highRisk, "kpi.high", "high"), (overview.retentionFiveYears, "kpi.retention", ""),
                                   (overview.problems, "kpi.problems", "")] {
            html += "<div class=\"kpi \(tone)\"><b>\(Self.grouped(value))</b><span>\(escape(t(key)))</span></div>"
        }
        html += "</section>\n<section class=\"charts\">"
        html += chart(title: t("chart.categories"), bars: overview.categories.map { ($0.name, $0.count, 0) }, legend: nil)
        html += chart(title: t("chart.departments"), bars: overview.departments.map { ($0.name, $0.withPersonalData, $0.highRisk) },
                      legend: t("legend.high"))
        html += "</section>\n"
        html += section(t("sheet.departments"), departments, command: "departments")
        html += section(t("h.high"), high.keeping(["department", "root", "path", "format", "findings", "counts", "owner", "modified"]),
                        command: "files --risk high")
        html += section(t("h.retention"), retention, command: "retention --older-than 5y")
        html += section(t("h.diff"), diff, command: "diff")
        html += section(t("h.problems"), problems, command: "problems")
        html += """
            <footer><p>\(escape(t("masked.note")))</p>
            <p>Inventa · \(escape(t("generated"))) \(Timestamp.format(seconds: now))</p></footer>
            </main><script>\(HTMLReport.script)</script></body></html>

            """
        return html
    }

    /// A horizontal bar chart: one bar per item, an optional darker part (e.g. high risk).
    func chart(title: String, bars: [(String, Int, Int)], legend: String?) -> String {
        let shown = Array(bars.prefix(12))
        let maximum = max(shown.map(\.1).max() ?? 1, 1)
        let rowHeight = 26, labelWidth = 250, barWidth = 280, top = legend == nil ? 8 : 30
        let height = top + max(shown.count, 1) * rowHeight + 8
        var svg = "<figure class=\"chart\"><figcaption>\(escape(title))</figcaption>"
        svg += "<svg viewBox=\"0 0 \(labelWidth + barWidth + 70) \(height)\" role=\"img\" aria-label=\"\(escape(title))\">"
        if let legend {
            svg += "<rect x=\"\(labelWidth)\" y=\"6\" width=\"12\" height=\"12\" class=\"bar-high\"/>"
            svg += "<text x=\"\(labelWidth + 18)\" y=\"16\" class=\"legend\">\(escape(legend))</text>"
        }
        if shown.isEmpty { svg += "<text x=\"0\" y=\"\(top + 16)\">\(escape(language.label("none")))</text>" }
        for (index, bar) in shown.enumerated() {
            let y = top + index * rowHeight
            let width = max(Int(Double(bar.1) / Double(maximum) * Double(barWidth)), bar.1 > 0 ? 2 : 0)
            let dark = bar.1 > 0 ? Int(Double(bar.2) / Double(bar.1) * Double(width)) : 0
            svg += "<text x=\"\(labelWidth - 8)\" y=\"\(y + 17)\" text-anchor=\"end\">\(escape(bar.0.count > 36 ? String(bar.0.prefix(35)) + "…" : bar.0))</text>"
            svg += "<rect x=\"\(labelWidth)\" y=\"\(y + 4)\" width=\"\(width)\" height=\"18\" rx=\"2\" class=\"bar\"/>"
            if dark > 0 { svg += "<rect x=\"\(labelWidth)\" y=\"\(y + 4)\" width=\"\(dark)\" height=\"18\" rx=\"2\" class=\"bar-high\"/>" }
            svg += "<text x=\"\(labelWidth + width + 6)\" y=\"\(y + 17)\" class=\"value\">\(Self.grouped(bar.1))</text>"
        }
        return svg + "</svg></figure>"
    }

    func section(_ title: String, _ table: ReportTable, command: String) -> String {
        var html = "<section><h2>\(escape(title)) <small>(\(Self.grouped(table.rows.count)))</small></h2>\n"
        guard !table.rows.isEmpty else { return html + "<p class=\"empty\">\(escape(language.label("none")))</p></section>\n" }
        html += "<div class=\"scroll\"><table class=\"sortable\"><thead><tr>"
        for column in table.columns { html += "<th scope=\"col\">\(escape(language.label(column)))</th>" }
        html += "</tr></thead><tbody>\n"
        let translated = Set(["risk", "risk_before", "risk_after", "change", "status"])
        for row in table.rows.prefix(rowLimit) {
            html += "<tr>"
            for (column, cell) in zip(table.columns, row) {
                switch cell {
                case .integer, .number: html += "<td class=\"num\">\(escape(cell.display))</td>"
                default:
                    var text = cell.display
                    if translated.contains(column) { text = language.label("value." + text, fallback: text) }
                    // Timestamps as dates: the day is what a reader needs.
                    if text.count == 20, text.hasSuffix("Z"), text.dropFirst(10).first == "T" { text = String(text.prefix(10)) }
                    let tone = column.hasPrefix("risk") && cell.display == "high" ? " class=\"high\"" : ""
                    html += "<td\(tone)>\(escape(text))</td>"
                }
            }
            html += "</tr>\n"
        }
        html += "</tbody></table></div>"
        if table.rows.count > rowLimit {
            let note = fill(language.label("shown"), [String(rowLimit), String(table.rows.count), command])
            html += "<p class=\"more\">\(escape(note))</p>"
        }
        return html + "</section>\n"
    }

    /// Replaces `%1`, `%2`, … in `template` with `values`.
    func fill(_ template: String, _ values: [String]) -> String {
        var text = template
        for (index, value) in values.enumerated() {
            text = text.components(separatedBy: "%\(index + 1)").joined(separator: value)
        }
        return text
    }

    func escape(_ text: String) -> String {
        var out = ""
        for c in text.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    static func grouped(_ value: Int) -> String {
        let digits = Array(String(value))
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out += "\u{202F}" }
            out.append(digit)
        }
        return out
    }

    static let css = """
        :root{--ink:#1d2733;--muted:#5b6775;--line:#d9dee4;--accent:#2f6690;--high:#b23a48;--bg:#f6f7f9}
        *{box-sizing:border-box}body{margin:0;background:var(--bg);color:var(--ink);font:15px/1.45 -apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif}
        main{max-width:1180px;margin:0 auto;padding:28px 32px 40px;background:#fff}
        header{border-bottom:3px solid var(--accent);margin-bottom:18px}h1{font-size:26px;margin:0 0 4px}
        .meta{color:var(--muted);margin:0 0 12px;font-size:13px}h2{font-size:18px;margin:30px 0 10px}h2 small{color:var(--muted);font-weight:normal}
        .warning{background:#fde8ea;border:2px solid var(--high);color:#7a1622;padding:12px 16px;font-weight:bold;border-radius:4px}
        .notice{background:#fff6dc;border:1px solid #e0b94a;padding:10px 14px;border-radius:4px}
        .kpis{display:flex;gap:12px;flex-wrap:wrap;margin:18px 0}.kpi{flex:1 1 170px;border:1px solid var(--line);border-radius:6px;padding:12px 14px}
        .kpi b{display:block;font-size:28px;color:var(--accent)}.kpi.high b{color:var(--high)}.kpi span{color:var(--muted);font-size:13px}
        .charts{display:grid;grid-template-columns:1fr 1fr;gap:18px}.chart{margin:0;border:1px solid var(--line);border-radius:6px;padding:12px}
        figcaption{font-weight:600;margin-bottom:6px}svg{width:100%;height:auto;font-size:12px}svg text{fill:var(--ink)}
        .bar{fill:var(--accent)}.bar-high{fill:var(--high)}svg .value,svg .legend{fill:var(--muted)}
        .scroll{overflow-x:auto}table{border-collapse:collapse;width:100%;font-size:13px}
        th,td{text-align:left;padding:5px 8px;border-bottom:1px solid var(--line);vertical-align:top}
        th{background:#eef2f6;cursor:pointer;white-space:nowrap;position:sticky;top:0}th:hover{background:#dde6ee}
        th.asc::after{content:" ▲"}th.desc::after{content:" ▼"}td.num{text-align:right;font-variant-numeric:tabular-nums}
        tbody tr:nth-child(even){background:#fafbfc}td{word-break:break-word}td.high{color:var(--high);font-weight:600}.more,.empty{color:var(--muted);font-size:13px}
        footer{margin-top:36px;border-top:1px solid var(--line);color:var(--muted);font-size:12px}
        @media (max-width:800px){.charts{grid-template-columns:1fr}main{padding:16px}}
        @media print{body{background:#fff}th{position:static}}
        """

    static let script = """
        document.querySelectorAll("table.sortable").forEach(function(table){
          table.querySelectorAll("th").forEach(function(th,index){
            th.addEventListener("click",function(){
              var body=table.tBodies[0],rows=Array.prototype.slice.call(body.rows);
              var asc=!th.classList.contains("asc");
              table.querySelectorAll("th").forEach(function(h){h.classList.remove("asc","desc")});
              th.classList.add(asc?"asc":"desc");
              rows.sort(function(a,b){
                var x=a.cells[index].textContent,y=b.cells[index].textContent;
                var nx=parseFloat(x.replace(/\\s/g,"")),ny=parseFloat(y.replace(/\\s/g,""));
                var c=(!isNaN(nx)&&!isNaN(ny))?nx-ny:x.localeCompare(y,document.documentElement.lang);
                return asc?c:-c;});
              rows.forEach(function(r){body.appendChild(r)});
            });
          });
        });
        """
}

extension ReportTable {
    /// The same table with column headings in `language` (for XLSX and HTML).
    public func localized(_ language: ReportLanguage) -> ReportTable {
        ReportTable(columns: columns.map { language.label($0) }, rows: rows)
    }

    /// The same table with only `names` columns, in that order.
    public func keeping(_ names: [String]) -> ReportTable {
        let indexes = names.compactMap { columns.firstIndex(of: $0) }
        return ReportTable(columns: indexes.map { columns[$0] }, rows: rows.map { row in indexes.map { row[$0] } })
    }
}
