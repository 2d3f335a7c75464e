import Foundation

/// A text with its gold person-name spans (UTF-8 byte ranges), the unit the trainer
/// and evaluator work on. `split` says which part of the data it belongs to.
struct LabelledUnit {
    enum Split: String { case train, calibration, heldOut = "held-out" }
    var text: String
    var names: [Range<Int>]
    var split: Split
    var source: String
}

/// Reads the Swedish NER corpus (token<TAB>tag, blank line between sentences) into
/// units of ten consecutive sentences, so document-level features see some context.
/// Split by unit number: every 10th unit (n % 10 == 9) is held out for evaluation,
/// n % 10 == 4 is kept for calibration, the rest trains.
enum NERCorpus {
    static func load(_ path: String) throws -> [LabelledUnit] {
        let data = try String(contentsOfFile: path, encoding: .utf8)
        var sentences: [[(String, Bool)]] = []
        var current: [(String, Bool)] = []
        for line in data.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.trimmingCharacters(in: .whitespaces).isEmpty {
                if !current.isEmpty { sentences.append(current); current = [] }
                continue
            }
            let parts = line.split(separator: "\t")
            guard parts.count >= 2 else { continue }
            current.append((String(parts[0]), parts[1] == "PER"))
        }
        if !current.isEmpty { sentences.append(current) }

        var units: [LabelledUnit] = []
        var index = 0
        var s = 0
        while s < sentences.count {
            let block = sentences[s..<min(sentences.count, s + 10)]
            var text = ""
            var names: [Range<Int>] = []
            var open: Int?
            var lastEnd = 0
            for sentence in block {
                for (token, isName) in sentence {
                    if !text.isEmpty { text += " " }
                    let start = text.utf8.count
                    text += token
                    let end = text.utf8.count
                    if isName {
                        if open == nil { open = start }
                    } else if let o = open {
                        names.append(o..<lastEnd); open = nil
                    }
                    lastEnd = end
                }
                if let o = open { names.append(o..<lastEnd); open = nil }
            }
            let split: LabelledUnit.Split = index % 10 == 9 ? .heldOut : index % 10 == 4 ? .calibration : .train
            units.append(LabelledUnit(text: text, names: names, split: split, source: "ner"))
            index += 1
            s += 10
        }
        return units
    }
}
