import Foundation
import InventaModel

/// Built-in matcher `name`: finds person names in Swedish text with a trained
/// logistic-regression model over token features (name lists, word frequency,
/// surname shape, position, context cues, gazetteers) and reports each span with a
/// calibrated probability as `baseScore`.
///
/// What it does not do: it never reports lower-case words (names written in lower
/// case are indistinguishable from ordinary words), and its document-level
/// consistency only spans the text unit it is given. Organisation and place names
/// that contain a surname (`Berg AB`, `Lunds kommun`) are scored down by their
/// context words, not removed by a rule.
///
/// Immutable and `Sendable`: load once with `init(rulesDirectory:)` and share it
/// across scanning threads.
public struct NameMatcher: Matcher {
    public let name = "name"
    public let lexicon: NameLexicon
    public let model: NameModel
    /// Spans with a calibrated probability below this are not reported (see docs/decisions/0502).
    public let minimumConfidence: Double

    public static let defaultMinimumConfidence = 0.5

    /// Loads lexicons from `Rules/datasets/` and the model from `Rules/names/model.tsv` (the builtin-registry entry point).
    public init(rulesDirectory: String) throws {
        try self.init(rulesDirectory: rulesDirectory, minimumConfidence: Self.defaultMinimumConfidence)
    }

    public init(rulesDirectory: String, minimumConfidence: Double) throws {
        lexicon = try NameLexicon(rulesDirectory: rulesDirectory)
        model = try NameModel(rulesDirectory: rulesDirectory)
        self.minimumConfidence = minimumConfidence
    }

    public init(lexicon: NameLexicon, model: NameModel, minimumConfidence: Double = NameMatcher.defaultMinimumConfidence) {
        self.lexicon = lexicon
        self.model = model
        self.minimumConfidence = minimumConfidence
    }

    public func candidates(in text: UnsafeBufferPointer<UInt8>, visit: (Candidate) -> Void) {
        let doc = NameDocument(text: text, lexicon: lexicon)
        guard !doc.runs.isEmpty else { return }
        for span in spans(in: doc) {
            let p = model.probability(span)
            guard p >= minimumConfidence, passesVetoes(span, in: doc, text: text) else { continue }
            visit(candidate(span, probability: p, doc: doc, text: text))
        }
    }

    /// Whether a decoded span survives the rules applied after the model: a lone letter (`B`, `B.`)
    /// is an initial or a list label, never a name on its own; a lone common noun, acronym, month
    /// or compound in a cell or after a label is not a name (`NameSpanFilter`, decision 0503).
    /// The trainer's evaluation applies the same, so its figures are the shipped behaviour's.
    public func passesVetoes(_ span: NameSpan, in doc: NameDocument, text: UnsafeBufferPointer<UInt8>) -> Bool {
        Self.hasTwoLetters(text, span.start..<span.end) && !NameSpanFilter.rejects(span, doc)
    }

    /// Analyses a text for the trainer and tools: the document and its decoded spans.
    public func analyze(_ text: UnsafeBufferPointer<UInt8>) -> (document: NameDocument, spans: [NameSpan]) {
        let doc = NameDocument(text: text, lexicon: lexicon)
        return (doc, spans(in: doc))
    }

    private func spans(in doc: NameDocument) -> [NameSpan] {
        var logits = [Double](repeating: -.infinity, count: doc.tokens.count)
        var sink = ScoringSink(weights: model.weights)
        var runSink = RecordingSink(weights: model.weights)
        var cache = IntrinsicCache()
        doc.lower.withUnsafeBufferPointer { lower in
            for run in doc.runs {
                if run.count == 1 && Self.isPlainSentenceStart(doc.tokens[run.lowerBound]) { continue }
                // `713 22 Nora`, `277 40 Sankt Olof`: the words after a postcode are the postal town,
                // even when they are also first names; the model's postcode cue alone does not outweigh those.
                if NameFeatures.isAfterPostcode(run.lowerBound, doc.tokens, lower) { continue }
                runSink.recorded.removeAll(keepingCapacity: true)
                NameFeatures.runContext(run, doc.tokens, lower, &runSink)
                for i in run {
                    logits[i] = model.logit(token: i, run: run, tokens: doc.tokens, lower: lower, runWeights: runSink.recorded,
                                            sink: &sink, cache: &cache)
                }
            }
        }
        return NameSpanDecoder.decode(doc, logits: logits, threshold: model.tokenLogitThreshold)
    }

    /// Whether `text[range]` holds at least two alphabetic characters. Counts ASCII and Latin-1
    /// letters on the bytes (almost every span has two at once) and only falls back to Unicode
    /// properties for other scripts, which costs a `String` and property lookups per span.
    static func hasTwoLetters(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        var letters = 0
        var i = range.lowerBound
        while i < range.upperBound {
            let b = text[i]
            if NameText.isASCIIUpper(b) || NameText.isASCIILower(b) {
                letters += 1
            } else if b == 0xC3, NameText.letterLength(text, i) == 2 {
                letters += 1
                i += 1
            } else if b >= 0x80 {
                break // another script or symbol: decide on Unicode properties below
            }
            if letters >= 2 { return true }
            i += 1
        }
        let value = String(decoding: UnsafeBufferPointer(rebasing: text[range]), as: UTF8.self)
        return value.unicodeScalars.lazy.filter(\.properties.isAlphabetic).count >= 2
    }

    /// A lone sentence-initial word that is on no name list and is a very common word
    /// (`Det`, `Vi`, `Enligt`): never a name in the training data, so it skips scoring.
    /// This is only a speed shortcut; about half of all candidates in running text are these.
    static func isPlainSentenceStart(_ t: NameToken) -> Bool {
        t.kind == .word && t.flags.contains(.sentenceInitial) && !t.flags.contains(.allCaps)
            && t.lexicon.zipf10 >= 40 && !t.lexicon.isFirstName && !t.lexicon.isSurname
    }

    // MARK: output

    private func candidate(_ span: NameSpan, probability: Double, doc: NameDocument,
                           text: UnsafeBufferPointer<UInt8>) -> Candidate {
        let tokens = doc.tokens
        let value = String(decoding: UnsafeBufferPointer(rebasing: text[span.start..<span.end]), as: UTF8.self)
        // Built as bytes (one `String` each at the end): the normalised value is the lower-cased
        // parts joined by spaces, the masked value the initials; surname-first spans move their
        // first part (the surname) to the end.
        var normalized: [UInt8] = []
        var masked: [UInt8] = []
        normalized.reserveCapacity(span.end - span.start + 1)
        masked.reserveCapacity(16)
        var deferred: NameToken?
        var checks: [String] = []
        var tags: [String] = []
        checks.reserveCapacity(4)
        tags.reserveCapacity(2)
        var seen: UInt8 = 0 // evidence already listed: 1 first names, 2 surnames, 4 shape, 8 possessive, 16 folded
        for i in span.tokens {
            let t = tokens[i]
            guard t.kind == .word || t.kind == .initial else { continue }
            if span.reversed && deferred == nil {
                deferred = t
            } else {
                appendPart(t, doc.lower, to: &normalized)
                if !t.flags.contains(.particle) { Self.appendInitials(text, t, to: &masked) }
            }
            if t.flags.contains(.particle) { continue }
            if t.lexicon.isFirstName && seen & 1 == 0 { checks.append("first_name_list"); seen |= 1 }
            if t.lexicon.isSurname && seen & 2 == 0 { checks.append("surname_list"); seen |= 2 }
            if !t.lexicon.isSurname && !t.lexicon.isFirstName && seen & 4 == 0 && Self.hasSurnameSuffix(doc.lower, t) {
                checks.append("surname_shape"); seen |= 4
            }
            if t.flags.contains(.possessive) && seen & 8 == 0 { tags.append("possessive"); seen |= 8 }
            if t.flags.contains(.documentConfirmed) { tags.append("document_consistency") }
            if t.lexicon.flags & NameLexiconEntry.folded != 0 && seen & 16 == 0 { tags.append("diacritics_missing"); seen |= 16 }
            if t.flags.contains(.newlineBefore) && i > span.tokens.lowerBound { tags.append("line_split") }
        }
        if span.reversed {
            tags.append("surname_first")
            if let surname = deferred {
                appendPart(surname, doc.lower, to: &normalized)
                Self.appendInitials(text, surname, to: &masked)
            }
        }
        if span.tokens.allSatisfy({ tokens[$0].kind != .word || tokens[$0].flags.contains(.allCaps) || tokens[$0].flags.contains(.particle) }) {
            tags.append("all_caps")
        }
        doc.lower.withUnsafeBufferPointer { contextCues(span, tokens, $0, into: &checks) }
        return Candidate(category: .name, span: span.start..<span.end, value: value,
                         normalized: String(decoding: normalized, as: UTF8.self), masked: String(decoding: masked, as: UTF8.self),
                         validation: .unknown, checks: checks, baseScore: probability, tags: tags)
    }

    /// Appends a token's lower-cased core (an initial with its dot), space-separated.
    private func appendPart(_ t: NameToken, _ lower: [UInt8], to out: inout [UInt8]) {
        if !out.isEmpty { out.append(0x20) }
        out.append(contentsOf: lower[t.start..<(t.kind == .initial ? t.end : t.coreEnd)])
    }

    /// Appends the token's initials, space-separated from what is already there:
    /// `Anna-Karin` → `A-K.`, `Svensson` → `S.`, `C-O.` → `C-O.`.
    static func appendInitials(_ text: UnsafeBufferPointer<UInt8>, _ t: NameToken, to out: inout [UInt8]) {
        if !out.isEmpty { out.append(0x20) }
        var atPartStart = true
        var i = t.start
        let end = t.kind == .initial ? t.end - 1 : t.coreEnd
        while i < end {
            let len = max(1, NameText.letterLength(text, i))
            if text[i] == 0x2D { out.append(0x2D); atPartStart = true; i += 1; continue }
            if atPartStart {
                for k in i..<min(end, i + len) { out.append(text[k]) }
                atPartStart = false
            }
            i += len
        }
        // Upper-case ASCII initials of lower-case written names stay as written (rare).
        out.append(0x2E)
    }

    private static let surnameSuffixes: [[UInt8]] = [
        "son", "sson", "berg", "ström", "strom", "qvist", "kvist", "quist", "gren", "lund", "holm", "lin", "ell", "ius",
        "mark", "dahl", "dal", "man", "borg", "stedt", "stad", "blad", "hed", "sjö", "by", "fors", "näs", "vik", "ek", "ås",
    ].map { Array($0.utf8) }

    static func hasSurnameSuffix(_ lower: [UInt8], _ t: NameToken) -> Bool {
        let word = lower[t.start..<t.coreEnd]
        guard word.count >= 5 else { return false }
        return surnameSuffixes.contains { word.count > $0.count && word.suffix($0.count).elementsEqual($0) }
    }

    /// Context cues around the span, for the evidence shown to the DPO.
    private func contextCues(_ span: NameSpan, _ tokens: [NameToken], _ lower: UnsafeBufferPointer<UInt8>,
                             into cues: inout [String]) {
        var j = span.tokens.lowerBound - 1
        var steps = 0
        while j >= 0 && steps < 3 {
            let h = tokens[j].lexiconHash
            if tokens[j].kind == .word {
                if NameCues.role.contains(h) { cues.append("context:role"); break }
                if NameCues.greeting.contains(h) { cues.append("context:greeting"); break }
                if NameCues.header.contains(h) && j + 1 < tokens.count && tokens[j + 1].kind == .punct { cues.append("context:header"); break }
            }
            j -= 1
            steps += 1
        }
        var k = span.tokens.upperBound
        while k < min(tokens.count, span.tokens.upperBound + 4) {
            if tokens[k].flags.contains(.email) { cues.append("context:email"); break }
            if NameFeatures.isIdentityLikeNumber(tokens[k], lower) { cues.append("context:number"); break }
            k += 1
        }
    }
}
