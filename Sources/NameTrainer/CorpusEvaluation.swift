import Foundation
import InventaDetection
import InventaExtraction
import InventaModel

/// Span-level scores of the name matcher on a generated corpus (`inventa corpus generate`),
/// seeing exactly the text the product sees: every top-level file goes through the
/// product's `Extraction` (PDF, DOCX, XLSX, e-mail, zip members …), and each text unit's
/// owned part is scanned by the matcher as the rule engine does.
///
/// Matching rule (docs/decisions/0510-municipal-span-evaluation.md): the ground truth lists,
/// per file or container member, each name value as written and how many times it was
/// written (`count`). A reported span is correct when its text, with whitespace runs
/// squashed to one space, equals a gold value of the same file or member; occurrences are
/// compared as multisets (true positives = Σ min(reported, gold) per value). A partial span
/// (`Anna` for `Anna Svensson`), a span with extra words, or the same name in another
/// member is both a false positive and a miss. Entity-level scoring, which forgives
/// partial spans and word order, is `inventa bench`'s job, not this one.
struct CorpusEvaluation {
    struct Gold { var docType: String; var format: String }

    /// A reported or missed name with a little text around it, for the error listing.
    struct Example { var path: String; var value: String; var context: String }

    var scores = SpanScores()
    var byDocType: [String: SpanScores] = [:]
    var byFormat: [String: SpanScores] = [:]
    var notExtracted: [String] = []
    var falsePositives: [Example] = []
    var misses: [Example] = []
    var filesScored = 0

    static func run(truthPath: String, root: String, matcher: NameMatcher) throws -> CorpusEvaluation {
        var evaluation = CorpusEvaluation()
        let (files, gold) = try loadTruth(truthPath)
        let extraction = Extraction()
        Extraction.prepareLibraries()
        let topLevel = files.keys.filter { !$0.contains("!") }.sorted()
        for path in topLevel {
            let full = path.hasPrefix("/") ? path : root + "/" + path
            let size = (try? FileManager.default.attributesOfItem(atPath: full)[.size] as? Int64) ?? 0
            let file = FileRef(pathBytes: Array(full.utf8), root: root, relativePath: path, size: size, mtime: 0)
            var found: [String: [String: Int]] = [:]
            var texts: [String: [String]] = [:]
            var contexts: [String: [String: String]] = [:]
            let result = extraction.extract(file) { unit in
                let key = ([path] + unit.member).joined(separator: "!")
                var bytes = Array(unit.text.utf8)
                bytes.withUnsafeMutableBufferPointer { buf in
                    matcher.candidates(in: UnsafeBufferPointer(buf)) { c in
                        guard unit.ownedRange.contains(c.span.lowerBound) else { return }
                        let value = squash(c.value)
                        found[key, default: [:]][value, default: 0] += 1
                        if contexts[key]?[value] == nil {
                            contexts[key, default: [:]][value] = around(UnsafeBufferPointer(buf), c.span)
                        }
                    }
                }
                texts[key, default: []].append(unit.text)
            }
            var unreadable = Set<String>()
            if case .failed(let reason) = result.outcome { unreadable.insert(path); evaluation.notExtracted.append("\(path) (\(reason))") }
            if case .skipped(let reason) = result.outcome { unreadable.insert(path); evaluation.notExtracted.append("\(path) (skipped: \(reason))") }
            for member in result.members {
                let memberPath = member.path(in: path)
                switch member.outcome {
                case .failed(let reason): unreadable.insert(memberPath); evaluation.notExtracted.append("\(memberPath) (\(reason))")
                case .skipped(let reason): unreadable.insert(memberPath); evaluation.notExtracted.append("\(memberPath) (skipped: \(reason))")
                case .scanned, .partial: break
                }
            }
            // The file itself and every member the truth or the extraction knows of.
            let keys = Set(files.keys.filter { $0 == path || $0.hasPrefix(path + "!") }).union(found.keys)
            for key in keys.sorted() where !unreadable.contains(key) {
                evaluation.score(key, found: found[key] ?? [:], gold: gold[key] ?? [:], info: files[key],
                                 texts: texts[key] ?? [], contexts: contexts[key] ?? [:])
            }
        }
        return evaluation
    }

    private mutating func score(_ key: String, found: [String: Int], gold: [String: Int], info: Gold?,
                                texts: [String], contexts: [String: String]) {
        filesScored += 1
        var s = SpanScores()
        s.gold = gold.values.reduce(0, +)
        s.predicted = found.values.reduce(0, +)
        for (value, n) in found {
            let hits = min(n, gold[value] ?? 0)
            s.truePositives += hits
            if n > hits { falsePositives.append(Example(path: key, value: "\(value)" + (n - hits > 1 ? " ×\(n - hits)" : ""), context: contexts[value] ?? "")) }
        }
        for (value, n) in gold where (found[value] ?? 0) < n {
            let missing = n - (found[value] ?? 0)
            misses.append(Example(path: key, value: value + (missing > 1 ? " ×\(missing)" : ""), context: Self.find(value, in: texts)))
        }
        scores.add(s)
        byDocType[info?.docType ?? "unknown", default: SpanScores()].add(s)
        byFormat[info?.format ?? "unknown", default: SpanScores()].add(s)
    }

    func report(truthPath: String, show: Int) -> String {
        var out = ["== municipal corpus \(truthPath): \(filesScored) files and members scored, \(notExtracted.count) not extracted",
                   "  " + scores.line]
        for (title, table) in [("doc type", byDocType), ("format", byFormat)] {
            out.append("  by \(title):")
            for name in table.keys.sorted() { out.append("    " + name.padding(toLength: 18, withPad: " ", startingAt: 0) + table[name]!.line) }
        }
        if !notExtracted.isEmpty {
            out.append("  not extracted: " + notExtracted.prefix(10).joined(separator: ", ") + (notExtracted.count > 10 ? " …" : ""))
        }
        if show > 0 {
            out.append("  false positives (\(falsePositives.count) values, first \(show)):")
            for e in falsePositives.prefix(show) { out.append("    FP «\(e.value)»  \(e.path)  …\(e.context)…") }
            out.append("  misses (\(misses.count) values, first \(show)):")
            for e in misses.prefix(show) { out.append("    FN «\(e.value)»  \(e.path)  …\(e.context)…") }
        }
        return out.joined(separator: "\n")
    }

    // MARK: truth

    /// `files`: every file and member line; `gold`: per path, name value (squashed) → count.
    private static func loadTruth(_ path: String) throws -> (files: [String: Gold], gold: [String: [String: Int]]) {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        var files: [String: Gold] = [:]
        var gold: [String: [String: Int]] = [:]
        for line in text.split(separator: "\n") {
            guard let obj = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                  let path = obj["path"] as? String else { continue }
            switch obj["kind"] as? String {
            case "file":
                files[path] = Gold(docType: obj["doc_type"] as? String ?? "unknown", format: obj["format"] as? String ?? "unknown")
            case "entity" where obj["category"] as? String == "name":
                if let value = obj["value"] as? String {
                    gold[path, default: [:]][squash(value), default: 0] += obj["count"] as? Int ?? 1
                }
            default:
                break
            }
        }
        return (files, gold)
    }

    // MARK: helpers

    static func squash(_ s: String) -> String {
        s.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }).joined(separator: " ")
    }

    private static func around(_ text: UnsafeBufferPointer<UInt8>, _ span: Range<Int>) -> String {
        var lo = max(0, span.lowerBound - 40)
        var hi = min(text.count, span.upperBound + 40)
        while lo > 0 && text[lo] & 0xC0 == 0x80 { lo -= 1 }
        while hi < text.count && text[hi] & 0xC0 == 0x80 { hi += 1 }
        let before = String(decoding: UnsafeBufferPointer(rebasing: text[lo..<span.lowerBound]), as: UTF8.self)
        let inside = String(decoding: UnsafeBufferPointer(rebasing: text[span]), as: UTF8.self)
        let after = String(decoding: UnsafeBufferPointer(rebasing: text[span.upperBound..<hi]), as: UTF8.self)
        return (before + "[" + inside + "]" + after).replacingOccurrences(of: "\n", with: "⏎").replacingOccurrences(of: "\t", with: "⇥")
    }

    /// Text around the first place the gold value's longest word occurs, to see why it was missed.
    private static func find(_ value: String, in texts: [String]) -> String {
        let words: [Substring] = value.split(separator: " ")
        let word = words.max(by: { $0.count < $1.count }).map(String.init) ?? value
        for text in texts {
            let bytes = Array(text.utf8)
            let needle = Array(word.utf8)
            guard needle.count > 0, bytes.count >= needle.count else { continue }
            for i in 0...(bytes.count - needle.count) where bytes[i] == needle[0] && Array(bytes[i..<(i + needle.count)]) == needle {
                return bytes.withUnsafeBufferPointer { around($0, i..<(i + needle.count)) }
            }
        }
        return "(not in the extracted text)"
    }
}

extension SpanScores {
    mutating func add(_ other: SpanScores) {
        truePositives += other.truePositives
        predicted += other.predicted
        gold += other.gold
    }
}
