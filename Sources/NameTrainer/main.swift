import Foundation
import InventaDetection

// inventa-train-names: trains, evaluates and benchmarks the `name` matcher.
//   train  --rules Rules --ner <train.tsv> [--seed 20261127] [--synthetic 4000]   writes Rules/names/model.tsv
//   eval   --rules Rules --ner <train.tsv> [--truth truth.jsonl --root DIR [--show N]]  P/R/F1 + calibration of the committed model
//   bench  --rules Rules [--ner <train.tsv>] [--file text.txt] [--mb 32] [--dump out] single-thread MB/s
//   errors --rules Rules [--source ner|synthetic]                                   held-out false positives / misses
//   explain --rules Rules --file text.txt                                           features, weights and spans of a text
// Run through scripts/train-names, scripts/eval-names and scripts/bench-names.

struct Options {
    var command = ""
    var rules = "Rules"
    var ner = "/work/shared/data/ner-klintan-swedish-ner-corpus/train.tsv"
    var seed: UInt64 = 20_261_127
    var synthetic = 4000
    var truth: String?
    var root = "."
    var file: String?
    var source: String?
    var megabytes = 32
    /// How many false positives and misses `eval --truth` lists.
    var show = 0
    /// `bench --dump FILE`: also writes every candidate (span, value, score, normalised, masked,
    /// checks, tags) once, so a speed change can be checked to leave the output byte-identical.
    var dump: String?

    init(_ args: [String]) throws {
        var it = args.makeIterator()
        command = it.next() ?? ""
        while let a = it.next() {
            guard let v = it.next() else { throw TrainerError.usage("missing value for \(a)") }
            switch a {
            case "--rules": rules = v
            case "--ner": ner = v
            case "--seed": seed = UInt64(v) ?? seed
            case "--synthetic": synthetic = Int(v) ?? synthetic
            case "--truth": truth = v
            case "--root": root = v
            case "--file": file = v
            case "--source": source = v
            case "--mb": megabytes = Int(v) ?? megabytes
            case "--show": show = Int(v) ?? show
            case "--dump": dump = v
            default: throw TrainerError.usage("unknown option \(a)")
            }
        }
    }
}

enum TrainerError: Error, CustomStringConvertible {
    case usage(String)
    var description: String {
        switch self {
        case .usage(let m): return "\(m). Usage: inventa-train-names train|eval|bench|errors|explain [--rules DIR] [--ner FILE] [--seed N] [--synthetic N] [--truth FILE --root DIR [--show N]] [--file FILE] [--source ner|synthetic] [--mb N] [--dump FILE]"
        }
    }
}

func loadUnits(_ o: Options) throws -> [LabelledUnit] {
    var units = try NERCorpus.load(o.ner)
    var generator = try SyntheticUnits(seed: o.seed, rulesDirectory: o.rules)
    for i in 0..<o.synthetic { units.append(generator.unit(index: i)) }
    return units
}

func train(_ o: Options) throws {
    let lexicon = try NameLexicon(rulesDirectory: o.rules)
    let units = try loadUnits(o)
    var index: [String: Int32] = [:]
    var counts: [String: Int] = [:]
    var raw: [([String], Bool)] = []
    for unit in units where unit.split == .train {
        var bytes = Array(unit.text.utf8)
        bytes.withUnsafeMutableBufferPointer { buf in
            let doc = NameDocument(text: UnsafeBufferPointer(buf), lexicon: lexicon)
            for run in doc.runs {
                for i in run {
                    var sink = NameFeatureNames()
                    NameFeatures.extract(token: i, run: run, document: doc, sink: &sink)
                    let t = doc.tokens[i]
                    let label = unit.names.contains { $0.overlaps(t.start..<t.end) }
                    for f in sink.names { counts[f, default: 0] += 1 }
                    raw.append((sink.names, label))
                }
            }
        }
    }
    // Features seen at least twice; sorted so indices (and results) do not depend on hashing.
    for name in counts.keys.sorted() where counts[name]! >= 2 { index[name] = Int32(index.count) }
    let examples = raw.map { LogisticRegression.Example(features: $0.0.compactMap { index[$0] }, label: $0.1) }
    print("training on \(examples.count) candidate tokens (\(examples.filter(\.label).count) in names), \(index.count) features")
    var random = SeededRandom(seed: o.seed)
    var lr = LogisticRegression(featureCount: index.count)
    lr.train(examples, epochs: 12, random: &random)
    var weights: [String: Double] = [:]
    for (name, i) in index where abs(lr.weights[Int(i)]) >= 1e-3 { weights[name] = lr.weights[Int(i)] }

    // Decode threshold and Platt calibration, both chosen on the calibration split only.
    let calibrationUnits = units.filter { $0.split == .calibration }
    var best: (f1: Double, model: NameModel)?
    for threshold in [-1.5, -1.0, -0.5, 0.0, 0.5] {
        var identity = [Double](repeating: 0, count: NameSpan.calibrationInputNames.count)
        identity[1] = 1
        let raw = NameMatcher(lexicon: lexicon, model: NameModel(weights: weights, spanWeights: identity,
                                                                 tokenLogitThreshold: threshold))
        var xs: [[Double]] = []
        var ys: [Bool] = []
        for unit in calibrationUnits {
            var bytes = Array(unit.text.utf8)
            let gold = Set(unit.names.map { [$0.lowerBound, $0.upperBound] })
            let spans = bytes.withUnsafeMutableBufferPointer { raw.analyze(UnsafeBufferPointer($0)).spans }
            for s in spans { xs.append(s.calibrationInputs); ys.append(gold.contains([s.start, s.end])) }
        }
        let spanWeights = SpanCalibration.fit(xs, ys)
        let model = NameModel(weights: weights, spanWeights: spanWeights, tokenLogitThreshold: threshold)
        let (spans, gold, _) = Evaluation.score(calibrationUnits, matcher: NameMatcher(lexicon: lexicon, model: model))
        let f1 = Evaluation.scores(spans, gold: gold, threshold: NameMatcher.defaultMinimumConfidence).f1
        print(String(format: "decode threshold %+.1f: %d calibration spans, F1 at 0.5 %.4f", threshold, xs.count, f1))
        if best == nil || f1 > best!.f1 { best = (f1, model) }
    }
    let model = best!.model
    try writeModel(weights, model, o, trainingTokens: examples.count)
    let matcher = NameMatcher(lexicon: lexicon, model: model)
    printReports(units, matcher)
}

func writeModel(_ weights: [String: Double], _ model: NameModel, _ o: Options, trainingTokens: Int) throws {
    var out = """
    # Inventa person-name model (builtin matcher `name`): logistic regression over token features.
    # Format: UTF-8 text; `#` lines are comments; every other line is feature<TAB>weight.
    # `@` names are parameters: tokens with logit >= @decode.token_logit form spans; span probability =
    # 1/(1+exp(-sum(@span.<input> * input))) over NameSpan.calibrationInputNames (mean/min token logit, length…).
    # Feature templates: Sources/InventaDetection/Names/NameFeatures.swift, docs/decisions/0501-name-model.md.
    # Trained by scripts/train-names (seed \(o.seed), \(o.synthetic) synthetic units + the CC BY 4.0 Swedish NER
    # corpus train split minus held-out units; \(trainingTokens) candidate tokens). Do not edit by hand.

    """
    out += String(format: "@decode.token_logit\t%.2f\n", model.tokenLogitThreshold)
    for (name, w) in zip(NameSpan.calibrationInputNames, model.spanWeights) { out += String(format: "@span.%@\t%.6f\n", name, w) }
    for name in weights.keys.sorted() where !name.contains("\t") && !name.contains("\n") {
        out += "\(name)\t\(String(format: "%.4f", weights[name]!))\n"
    }
    let path = o.rules + "/" + NameModel.file
    try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    try out.write(toFile: path, atomically: true, encoding: .utf8)
    print("wrote \(path): \(weights.count) weights")
}

func printReports(_ units: [LabelledUnit], _ matcher: NameMatcher) {
    print(Evaluation.report(name: "held-out NER corpus (news, every 10th unit)",
                            units: units.filter { $0.split == .heldOut && $0.source == "ner" }, matcher: matcher))
    print(Evaluation.report(name: "held-out synthetic municipal-style units",
                            units: units.filter { $0.split == .heldOut && $0.source == "synthetic" }, matcher: matcher))
}

func evaluate(_ o: Options) throws {
    let matcher = try NameMatcher(rulesDirectory: o.rules)
    printReports(try loadUnits(o), matcher)
    if let truth = o.truth {
        print(try CorpusEvaluation.run(truthPath: truth, root: o.root, matcher: matcher).report(truthPath: truth, show: o.show))
    }
}

/// CPU time of the calling thread: on a shared machine wall time also counts other
/// processes, so "MB/s per core" is computed from this.
func threadCPUSeconds() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

func bench(_ o: Options) throws {
    let started = Date()
    let matcher = try NameMatcher(rulesDirectory: o.rules)
    print(String(format: "load: %.2f s", Date().timeIntervalSince(started)))
    var base: [UInt8]
    if let file = o.file {
        base = Array(try Data(contentsOf: URL(fileURLWithPath: file)))
    } else {
        base = Array(try loadUnits(o).map(\.text).joined(separator: "\n\n").utf8)
    }
    var text: [UInt8] = []
    while text.count < o.megabytes << 20 { text += base; text.append(0x0A) }
    let unit = 64 << 10
    if let dump = o.dump { try dumpCandidates(text, unit: unit, matcher: matcher, to: dump) }
    var found = 0
    for round in 0..<3 {
        let t0 = Date()
        let c0 = threadCPUSeconds()
        found = 0
        text.withUnsafeBufferPointer { all in
            var start = 0
            while start < all.count {
                var end = min(all.count, start + unit)
                while end < all.count && all[end] & 0xC0 == 0x80 { end += 1 } // keep code points whole
                matcher.candidates(in: UnsafeBufferPointer(rebasing: all[start..<end])) { _ in found += 1 }
                start = end
            }
        }
        let seconds = Date().timeIntervalSince(t0)
        let cpu = threadCPUSeconds() - c0
        let mb = Double(text.count) / 1_048_576
        print(String(format: "round %d: %.1f MB, wall %.2f s = %.1f MB/s, thread CPU %.2f s = %.1f MB/s per core (%d names)",
                     round + 1, mb, seconds, mb / seconds, cpu, mb / cpu, found))
    }
}

/// Writes one line per candidate of `text` (cut in units as the benchmark does).
func dumpCandidates(_ text: [UInt8], unit: Int, matcher: NameMatcher, to path: String) throws {
    var out = ""
    text.withUnsafeBufferPointer { all in
        var start = 0
        while start < all.count {
            var end = min(all.count, start + unit)
            while end < all.count && all[end] & 0xC0 == 0x80 { end += 1 }
            let base = start
            matcher.candidates(in: UnsafeBufferPointer(rebasing: all[start..<end])) { c in
                out += "\(base + c.span.lowerBound)\t\(base + c.span.upperBound)\t\(c.value)\t\(c.baseScore.bitPattern)\t\(c.normalized)"
                out += "\t\(c.masked)\t\(c.checks.joined(separator: ","))\t\(c.tags.joined(separator: ","))\n"
            }
            start = end
        }
    }
    try out.write(toFile: path, atomically: true, encoding: .utf8)
}

/// Prints every candidate token's features with their weights, then the spans (for `--file`).
func explain(_ o: Options) throws {
    let matcher = try NameMatcher(rulesDirectory: o.rules)
    let model = try String(contentsOfFile: o.rules + "/" + NameModel.file, encoding: .utf8)
    var weights: [String: String] = [:]
    for line in model.split(separator: "\n") where !line.hasPrefix("#") {
        let p = line.split(separator: "\t")
        if p.count == 2 { weights[String(p[0])] = String(p[1]) }
    }
    var bytes = Array((try String(contentsOfFile: o.file ?? "/dev/stdin", encoding: .utf8)).utf8)
    bytes.withUnsafeMutableBufferPointer { buf in
        let (doc, spans) = matcher.analyze(UnsafeBufferPointer(buf))
        for run in doc.runs {
            for i in run {
                var sink = NameFeatureNames()
                NameFeatures.extract(token: i, run: run, document: doc, sink: &sink)
                let t = doc.tokens[i]
                print("token «\(String(decoding: buf[t.start..<t.end], as: UTF8.self))»")
                print("  " + sink.names.map { "\($0) \(weights[$0] ?? "·")" }.joined(separator: ", "))
            }
        }
        for s in spans {
            print(String(format: "span «%@» mean logit %.2f p %.3f", String(decoding: buf[s.start..<s.end], as: UTF8.self),
                         s.meanLogit, matcher.model.probability(s)))
        }
    }
}

/// Prints false positives and missed names on the held-out units (for error analysis).
func errors(_ o: Options) throws {
    let matcher = try NameMatcher(rulesDirectory: o.rules)
    for unit in try loadUnits(o) where unit.split == .heldOut && (o.source == nil || unit.source == o.source) {
        let bytes = Array(unit.text.utf8)
        func show(_ r: Range<Int>) -> String { String(decoding: bytes[r], as: UTF8.self).replacingOccurrences(of: "\n", with: "⏎") }
        var found: [Range<Int>: Double] = [:]
        bytes.withUnsafeBufferPointer { buf in matcher.candidates(in: buf) { found[$0.span] = $0.baseScore } }
        for (r, p) in found where !unit.names.contains(r) {
            let ctx = max(0, r.lowerBound - 30)..<min(bytes.count, r.upperBound + 30)
            print(String(format: "FP %.2f  «%@»  …%@…", p, show(r), show(ctx)))
        }
        for r in unit.names where found[r] == nil {
            let ctx = max(0, r.lowerBound - 30)..<min(bytes.count, r.upperBound + 30)
            print("FN  «\(show(r))»  …\(show(ctx))…")
        }
    }
}

do {
    let o = try Options(Array(CommandLine.arguments.dropFirst()))
    switch o.command {
    case "train": try train(o)
    case "eval": try evaluate(o)
    case "bench": try bench(o)
    case "errors": try errors(o)
    case "explain": try explain(o)
    default: throw TrainerError.usage("unknown command '\(o.command)'")
    }
} catch {
    FileHandle.standardError.write(Data("inventa-train-names: \(error)\n".utf8))
    exit(2)
}
