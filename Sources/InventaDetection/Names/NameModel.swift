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

    private init(weights: FlatTable<Float>, featureCount: Int, spanWeights: [Double], tokenLogitThreshold: Double) {
        self.weights = weights
        self.spanWeights = spanWeights
        self.tokenLogitThreshold = tokenLogitThreshold
        self.featureCount = featureCount
    }

    /// Parses `model.tsv` as bytes, hashing feature names straight from the file into the
    /// weight table (no `String` per line: start-up is paid by every process).
    public init(rulesDirectory: String) throws {
        let path = rulesDirectory.hasSuffix("/") ? rulesDirectory + Self.file : rulesDirectory + "/" + Self.file
        guard let data = DatasetBytes(path: path) else {
            throw NameDataError.unreadable(path: path, reason: DatasetBytes.lastErrorDescription())
        }
        var table = FlatTable<Float>.Builder(expectedCount: 20_000, empty: 0)
        var span = [Double](repeating: 0, count: NameSpan.calibrationInputNames.count)
        span[1] = 1 // without calibration lines: probability = σ(mean logit)
        var threshold = 0.0
        try data.forEachLine { line, number in
            if data.bytes[line.lowerBound] == UInt8(ascii: "#") { return }
            let fields = data.tabFields(line, limit: 3)
            guard fields.count == 2, let w = data.double(fields[1]) else {
                throw NameDataError.malformedModel(path: path, line: number, reason: "expected feature<TAB>weight")
            }
            let name = data.bytes[fields[0]]
            guard name.first == UInt8(ascii: "@") else {
                table.update(FNV1a.hash(bytes: name)) { $0 = Float(w) }
                return
            }
            // Parameters are a handful of lines: plain strings are fine here.
            let parameter = String(decoding: name, as: UTF8.self)
            if parameter == "@decode.token_logit" {
                threshold = w
            } else if parameter.hasPrefix("@span.") {
                guard let k = NameSpan.calibrationInputNames.firstIndex(of: String(parameter.dropFirst(6))) else {
                    throw NameDataError.malformedModel(path: path, line: number, reason: "unknown parameter \(parameter)")
                }
                span[k] = w
            } else {
                table.update(FNV1a.hash(bytes: name)) { $0 = Float(w) }
            }
        }
        guard table.count > 0 else {
            throw NameDataError.malformedModel(path: path, line: 0, reason: "no feature weights")
        }
        precondition(span.count == NameSpan.calibrationInputNames.count, "one span weight per calibration input")
        self.init(weights: table.build(), featureCount: table.count, spanWeights: span, tokenLogitThreshold: threshold)
    }

    /// The token's logit: the sum of its feature weights. `sink` is reused across tokens;
    /// `cache` keeps the word-intrinsic part per distinct word within one text unit (names
    /// and sentence-initial words repeat), which roughly halves the lookups per token.
    ///
    /// `runWeights` are the weights of the run-level features (`NameFeatures.runContext`), looked up
    /// once per run by a `RecordingSink`; they are added last and in order, so the sum is the same
    /// float as `NameFeatures.contextual` would give.
    func logit(token i: Int, run: Range<Int>, tokens: [NameToken], lower: UnsafeBufferPointer<UInt8>,
               runWeights: [Float], sink: inout ScoringSink, cache: inout IntrinsicCache) -> Double {
        let key = NameFeatures.intrinsicKey(tokens[i])
        let intrinsic: Float
        if let cached = cache.lookup(key) {
            intrinsic = cached
        } else {
            sink.sum = 0
            NameFeatures.intrinsic(tokens[i], lower, &sink)
            intrinsic = sink.sum
            cache.store(key, intrinsic)
        }
        sink.sum = 0
        NameFeatures.tokenContext(i, run, tokens, &sink)
        for w in runWeights { sink.sum += w }
        return Double(intrinsic + sink.sum)
    }

    /// Calibrated probability that `span` is exactly a person name.
    public func probability(_ span: NameSpan) -> Double {
        var z = 0.0
        for (w, x) in zip(spanWeights, span.calibrationInputs) { z += w * x }
        return 1 / (1 + exp(-z))
    }
}

/// The word-intrinsic part of token logits within one text unit, direct-mapped: a slot
/// holds one key, a clash just recomputes. Much cheaper than a `Dictionary` per token, and
/// the same answers (a value is only returned for its own full key).
struct IntrinsicCache {
    private var keys = [UInt64](repeating: 0, count: 2048)
    private var values = [Float](repeating: 0, count: 2048)

    @inline(__always) private static func slot(_ key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 53) // 11 bits: 2048 slots
    }

    @inline(__always) func lookup(_ key: UInt64) -> Float? {
        let s = Self.slot(key)
        return key != 0 && keys[s] == key ? values[s] : nil
    }

    @inline(__always) mutating func store(_ key: UInt64, _ value: Float) {
        let s = Self.slot(key)
        keys[s] = key
        values[s] = value
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

/// Looks up the weights of features as they are produced and keeps them in order, so
/// features shared by all tokens of a run are looked up once and replayed per token.
struct RecordingSink: NameFeatureSink {
    let weights: FlatTable<Float>
    var recorded: [Float] = []

    init(weights: FlatTable<Float>) {
        self.weights = weights
        recorded.reserveCapacity(32)
    }

    @inline(__always) mutating func add(_ name: StaticString) {
        var h = FNV1a()
        h.add(name)
        recorded.append(weights.lookup(h.value) ?? 0)
    }

    @inline(__always) mutating func add(_ prefix: StaticString, _ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
        var h = FNV1a()
        h.add(prefix)
        h.add(bytes, range)
        recorded.append(weights.lookup(h.value) ?? 0)
    }

    @inline(__always) mutating func add(_ prefix: StaticString, _ value: Int) {
        var h = FNV1a()
        h.add(prefix)
        NameFeatureNames.addDecimal(value, to: &h)
        recorded.append(weights.lookup(h.value) ?? 0)
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
            while count > 0 { count -= 1; h.add(buf[count]) } // most significant digit first
        }
    }
}
