import Foundation

/// The trained name model: one weight per token feature (logistic regression) plus the
/// span calibration, read from `Rules/names/model.tsv`.
///
/// File format (UTF-8 text): lines starting with `#` are comments; every other line is
/// `feature<TAB>weight`. Names starting with `@` are parameters, not features:
/// `@span.<input>` (span probability = 1 / (1 + e^-Σ w·input) over the inputs named in
/// `NameSpan.calibrationInputNames`: mean and minimum token logit, length, whether the
/// span is part of a longer run, the best excluded neighbour's logit, surname-first
/// order) and `@decode.token_logit` (tokens with a logit at or above it form spans).
/// Written by `scripts/train-names`.
public struct NameModel: Sendable {
    let weights: FlatTable<Float>
    /// Span calibration weights, in the order of `NameSpan.calibrationInputNames`.
    public let spanWeights: [Double]
    public let tokenLogitThreshold: Double
    public let featureCount: Int

    public static let file = "names/model.tsv"

    public init(weights named: [String: Double], spanWeights: [Double], tokenLogitThreshold: Double) {
        var table: [UInt64: Float] = [:]
        for (name, w) in named { table[FNV1a.hash(name)] = Float(w) }
        weights = FlatTable(table, empty: 0)
        precondition(spanWeights.count == NameSpan.calibrationInputNames.count, "one span weight per calibration input")
        self.spanWeights = spanWeights
        self.tokenLogitThreshold = tokenLogitThreshold
        featureCount = named.count
    }

    public init(rulesDirectory: String) throws {
        let path = URL(fileURLWithPath: rulesDirectory).appendingPathComponent(Self.file).path
        let text: String
        do { text = try String(contentsOfFile: path, encoding: .utf8) } catch {
            throw NameDataError.unreadable(path: path, reason: error.localizedDescription)
        }
        var named: [String: Double] = [:]
        var span = [Double](repeating: 0, count: NameSpan.calibrationInputNames.count)
        span[1] = 1 // without calibration lines: probability = σ(mean logit)
        var threshold = 0.0
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.isEmpty || line.hasPrefix("#") { continue }
            let parts = line.split(separator: "\t")
            guard parts.count == 2, let w = Double(parts[1]) else {
                throw NameDataError.malformedModel(path: path, line: number + 1, reason: "expected feature<TAB>weight")
            }
            if parts[0] == "@decode.token_logit" {
                threshold = w
            } else if parts[0].hasPrefix("@span.") {
                guard let k = NameSpan.calibrationInputNames.firstIndex(of: String(parts[0].dropFirst(6))) else {
                    throw NameDataError.malformedModel(path: path, line: number + 1, reason: "unknown parameter \(parts[0])")
                }
                span[k] = w
            } else {
                named[String(parts[0])] = w
            }
        }
        guard !named.isEmpty else {
            throw NameDataError.malformedModel(path: path, line: 0, reason: "no feature weights")
        }
        self.init(weights: named, spanWeights: span, tokenLogitThreshold: threshold)
    }

    /// The token's logit: the sum of its feature weights. `sink` is reused across tokens;
    /// `cache` keeps the word-intrinsic part per distinct word within one text unit (names
    /// and sentence-initial words repeat), which roughly halves the lookups per token.
    func logit(token i: Int, run: Range<Int>, tokens: [NameToken], lower: UnsafeBufferPointer<UInt8>,
               sink: inout ScoringSink, cache: inout [UInt64: Float]) -> Double {
        let key = NameFeatures.intrinsicKey(tokens[i])
        let intrinsic: Float
        if let cached = cache[key] {
            intrinsic = cached
        } else {
            sink.sum = 0
            NameFeatures.intrinsic(tokens[i], lower, &sink)
            intrinsic = sink.sum
            cache[key] = intrinsic
        }
        sink.sum = 0
        NameFeatures.contextual(i, run, tokens, lower, &sink)
        return Double(intrinsic + sink.sum)
    }

    /// Calibrated probability that `span` is exactly a person name.
    public func probability(_ span: NameSpan) -> Double {
        var z = 0.0
        for (w, x) in zip(spanWeights, span.calibrationInputs) { z += w * x }
        return 1 / (1 + exp(-z))
    }
}

/// Adds weights of features as they are produced; never allocates.
struct ScoringSink: NameFeatureSink {
    let weights: FlatTable<Float>
    var sum: Float = 0

    @inline(__always) mutating func add(_ name: StaticString) {
        var h = FNV1a()
        h.add(name)
        sum += weights.lookup(h.value) ?? 0
    }

    @inline(__always) mutating func add(_ prefix: StaticString, _ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
        var h = FNV1a()
        h.add(prefix)
        h.add(bytes, range)
        sum += weights.lookup(h.value) ?? 0
    }

    @inline(__always) mutating func add(_ prefix: StaticString, _ value: Int) {
        var h = FNV1a()
        h.add(prefix)
        NameFeatureNames.addDecimal(value, to: &h)
        sum += weights.lookup(h.value) ?? 0
    }
}

/// Collects feature names as strings (training, debugging, `explain`).
public struct NameFeatureNames: NameFeatureSink {
    public var names: [String] = []
    public init() {}

    public mutating func add(_ name: StaticString) { names.append(name.description) }

    public mutating func add(_ prefix: StaticString, _ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
        names.append(prefix.description + String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self))
    }

    public mutating func add(_ prefix: StaticString, _ value: Int) { names.append(prefix.description + String(value)) }

    @inline(__always) static func addDecimal(_ value: Int, to h: inout FNV1a) {
        var v = value
        if v < 0 { h.add(0x2D); v = -v }
        if v < 10 { h.add(UInt8(0x30 + v)); return }
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buf in
            while v > 0 { buf[count] = UInt8(0x30 + v % 10); v /= 10; count += 1 }
            for k in stride(from: count - 1, through: 0, by: -1) { h.add(buf[k]) }
        }
    }
}
