import InventaModel
import InventaRules

/// Runs a validated `RuleSet` over text: prefilter → matchers (builtin, regex,
/// phrases) → per-candidate scoring (base, validation, context, allowlist) →
/// unit-level steps (organisationsnummer suppression, density, co-occurrence) →
/// final score and level. Every step is recorded in the finding's evidence.
///
/// It does not resolve overlaps or stamp locations; `Detection` does that for a
/// `TextUnit`. Built once per scan; immutable and safe to call from many threads.
public struct RuleEngine: Sendable {
    public let ruleSet: RuleSet
    public let options: EngineOptions
    let rules: [CompiledRule]
    let prefilter: Prefilter
    let phrases: PhraseMatcher
    let slots: [BuiltinSlot]
    /// True when some phrase rule lists keywords (the bundled ones do not).
    let phraseRulesHaveKeywords: Bool
    /// `options.suppressedByOrganisationsnummer` and `options.cooccurrence.identifying` as bits
    /// (asked for every scored candidate).
    let suppressible: CategoryMask
    let identifying: CategoryMask
    /// The rules with a regex matcher (looked up once, not by walking every rule per text unit).
    let regexRules: [Int]

    /// One builtin matcher instance and the rules that use it, so a matcher shared by
    /// several rules (e.g. `se.personnummer` and `se.samordningsnummer`) runs once per unit.
    /// A class: the engine visits every slot for every text unit, and a reference costs one count to pass around.
    final class BuiltinSlot: Sendable {
        let name: String
        let matcher: any Matcher
        let rules: [Int]
        /// Its candidates are counted for the density step (`DensityPolicy.matchers`).
        let countsDensity: Bool
        /// Its candidates are counted for the list step (`ListPolicy.matchers`).
        let countsLists: Bool
        /// The organisationsnummer slot (stored: it is asked for every candidate).
        let isSuppressor: Bool
        /// The suppressor's matcher as its own type: when its findings are not reported, only
        /// the spans are needed, and `matches` gives them without building candidate strings.
        let organisationsnummer: OrganisationsnummerMatcher?

        init(name: String, matcher: any Matcher, rules: [Int], countsDensity: Bool, countsLists: Bool) {
            self.name = name
            self.matcher = matcher
            self.rules = rules
            self.countsDensity = countsDensity
            self.countsLists = countsLists
            self.isSuppressor = name == BuiltinMatchers.organisationsnummer
            self.organisationsnummer = isSuppressor ? matcher as? OrganisationsnummerMatcher : nil
        }
    }

    /// A candidate being scored for one rule: its span and a few numbers. Most scored
    /// candidates are never reported (below the minimum confidence, suppressed, outside the
    /// unit's owned range, or losing an overlap), so phrase and regex matches keep no strings
    /// here: their value, normalised and masked forms, checks and context words are built
    /// by `finding(_:in:)` for the ones that are reported.
    struct Scored {
        let rule: Int
        let category: Category
        let span: Range<Int>
        let validation: Evidence.Validation
        var card: ScoreCard
        /// The context words seen near the candidate, with their reach (into the rule's
        /// `ContextMatcher.keywords`: positive words first, then negative, reference, sole trader).
        let context: ContextHits
        /// The value's label says an organisation number is expected: an enskild firma's number.
        let soleTrader: Bool
        let source: Source
    }

    /// Where a scored candidate's strings come from.
    enum Source {
        /// A builtin matcher's candidate, strings already built (or a phrase or regex match
        /// whose rule has an allowlist, which needs the value to decide).
        case built(Candidate)
        /// A phrase match; `check` is its `phrase:…` evidence check, shared by every match of the entry.
        case phrase(check: String)
        case regex
    }

    /// Loads and validates a rule directory against this build's builtin matchers.
    public static func loadRules(directory: String) throws(RuleSetError) -> RuleSet {
        try RuleSet.load(directory: directory, builtins: BuiltinMatchers.names)
    }

    public init(ruleSet: RuleSet, options: EngineOptions = EngineOptions()) throws(EngineError) {
        self.ruleSet = ruleSet
        self.options = options
        var compiled: [CompiledRule] = []
        for rule in ruleSet.enabledRules { compiled.append(try CompiledRule(rule: rule)) }
        self.rules = compiled
        self.prefilter = Prefilter(keywords: compiled.map(\.rule.keywords))
        var lists: [(rule: Int, phrases: [String])] = []
        var slots: [(name: String, matcher: any Matcher, rules: [Int])] = []
        let environment = BuiltinMatchers.Environment(rulesDirectory: ruleSet.directory, today: options.today)
        for (index, rule) in compiled.enumerated() {
            switch rule.rule.matcher {
            case .phrases(let phrases, _):
                lists.append((index, phrases))
            case .builtin(let name):
                if let slot = slots.firstIndex(where: { $0.name == name }) {
                    slots[slot].rules.append(index)
                } else {
                    slots.append((name, try Self.make(name, environment, rule.rule), [index]))
                }
            case .regex:
                break
            }
        }
        // Organisationsnummer suppression runs even when no rule file names it.
        if !slots.contains(where: { $0.name == BuiltinMatchers.organisationsnummer })
            && BuiltinMatchers.names.contains(BuiltinMatchers.organisationsnummer) {
            let matcher = try Self.make(BuiltinMatchers.organisationsnummer, environment, nil)
            slots.append((BuiltinMatchers.organisationsnummer, matcher, []))
        }
        self.slots = slots.map {
            BuiltinSlot(name: $0.name, matcher: $0.matcher, rules: $0.rules, countsDensity: options.density.matchers.contains($0.name),
                        countsLists: options.list.matchers.contains($0.name))
        }
        self.phrases = PhraseMatcher(lists: lists)
        self.phraseRulesHaveKeywords = lists.contains { !compiled[$0.rule].rule.keywords.isEmpty }
        self.suppressible = CategoryMask(options.suppressedByOrganisationsnummer)
        self.identifying = CategoryMask(options.cooccurrence.identifying)
        self.regexRules = compiled.indices.filter { compiled[$0].regex != nil }
    }

    private static func make(_ name: String, _ environment: BuiltinMatchers.Environment, _ rule: Rule?) throws(EngineError) -> any Matcher {
        let owner = rule.map { "\($0.file): rule '\($0.id)': " } ?? ""
        do {
            guard let matcher = try BuiltinMatchers.make(name, environment: environment) else {
                throw EngineError(message: "\(owner)unknown builtin matcher '\(name)'")
            }
            return matcher
        } catch let error as EngineError {
            throw error
        } catch {
            throw EngineError(message: "\(owner)builtin '\(name)' cannot start: \(error)")
        }
    }

    /// Every finding in `text`, scored, before overlap resolution. Suppressor rules
    /// (organisationsnummer) are left out unless `includeSuppressors` (for examples).
    public func findings(in text: UnsafeBufferPointer<UInt8>, includeSuppressors: Bool = false) -> [Finding] {
        let scored = scored(in: text, includeSuppressors: includeSuppressors)
        return scored.indices.map { finding(scored, at: $0, in: text) }
    }

    /// The scored candidates `findings(in:)` turns into findings, in the same order.
    /// `Detection` resolves overlaps on these and builds `Finding` values (strings,
    /// evidence) only for the ones it keeps.
    /// `namedBefore`: an earlier text unit of the same document named a person (decision 0306).
    func scored(in text: UnsafeBufferPointer<UInt8>, includeSuppressors: Bool = false, namedBefore: Bool = false) -> [Scored] {
        var active = ActiveRules(prefilter, text: text)
        var scored: [Scored] = []
        var suppressing: [Range<Int>] = []
        // Digit runs found once for the number matchers, which all start from them.
        let runs = DigitRunIndex(text)
        for slot in slots {
            guard slot.isSuppressor || slot.countsLists || !active.areKnownInactive(slot.rules) else { continue }
            if !includeSuppressors && !slot.countsDensity && !slot.countsLists, let organisationsnummer = slot.organisationsnummer {
                // Not reported and not counted: the spans are all the engine needs.
                organisationsnummer.matches(in: text, runs: runs) { suppressing.append($0.span) }
                continue
            }
            // This slot's items are appended to `scored` directly (no second copy); the unit-level
            // steps below look at `scored[first...]`.
            let first = scored.count
            var shaped = 0
            var valid = 0
            var confirmed = 0
            // Candidates of rules whose keywords the unit lacks: kept only if the unit is a list.
            var unlabelled: [(rule: Int, candidate: Candidate)] = []
            slot.matcher.candidates(in: text, runs: runs) { reported in
                shaped += 1
                // Rejected shapes (most reference numbers in a table) are only counted, before
                // anything is copied: a copy of a candidate costs a count per string it holds.
                // The organisationsnummer matcher reports its numbers as rejected personnummer
                // with score 0; for the suppressor slot they are exactly what it looks for.
                guard slot.isSuppressor || reported.validation != .rejected else { return }
                let candidate = slot.isSuppressor ? Self.asSuppressor(reported) : reported
                valid += 1
                if candidate.validation == .confirmed { confirmed += 1 }
                if slot.isSuppressor {
                    suppressing.append(candidate.span)
                    // Suppressor findings are dropped at the end unless asked for: do not score them.
                    guard includeSuppressors else { return }
                }
                // The category test comes first: it is free, the keyword pass is not.
                for index in slot.rules where slot.isSuppressor || rules[index].rule.category == candidate.category {
                    if active.contains(index, near: candidate.span) {
                        if let item = score(candidate, rule: index, in: text) { Self.append(item, to: &scored) }
                    } else if slot.countsLists && candidate.validation == .confirmed {
                        unlabelled.append((index, candidate))
                    }
                }
            }
            if slot.countsDensity { applyDensity(&scored, from: first, shaped: shaped, valid: valid) }
            if slot.countsLists {
                applyList(&scored, from: first, unlabelled: unlabelled, shaped: shaped, confirmed: confirmed, in: text)
            }
        }
        for index in regexRules where active.contains(index) {
            guard let regex = rules[index].regex, case .regex(_, let group) = rules[index].rule.matcher else { continue }
            let compiled = rules[index]
            regex.matches(in: text, group: group) { span in
                let item = compiled.hasAllowlist
                    ? score(regexCandidate(span, rule: compiled.rule, text: text), rule: index, in: text)
                    : score(rule: index, category: compiled.rule.category, span: span, validation: .unknown, checks: [],
                            matcherScore: Self.regexScore, source: .regex, in: text)
                if let item { scored.append(item) }
            }
        }
        if !phrases.isEmpty {
            // Phrase rules without keywords always run: no keyword pass needed for them.
            let phraseRules = phraseRulesHaveKeywords ? active.all() : prefilter.alwaysActive
            for match in phrases.matches(in: text, active: phraseRules) {
                let compiled = rules[match.rule]
                // `präst*` in `Prästgårdsgatan`: a street or place name says nothing about anyone.
                if Self.endsInStreetName(text, match.span) { continue }
                // `LSS-handläggare`: a job title or unit, not anyone's health.
                if compiled.rule.category.isSensitive && TitleCompound.isTitle(text, match.span) { continue }
                // The validation step shows no checks for `unknown`, so the card needs none here.
                let item = compiled.hasAllowlist
                    ? score(phraseCandidate(match.span, check: match.check, rule: compiled.rule, text: text), rule: match.rule, in: text)
                    : score(rule: match.rule, category: compiled.rule.category, span: match.span, validation: .unknown, checks: [],
                            matcherScore: Self.phraseScore, source: .phrase(check: match.check), in: text)
                if let item { scored.append(item) }
            }
        }
        if !suppressing.isEmpty {
            suppressing.sort { $0.lowerBound < $1.lowerBound }
            scored.removeAllInPlace { item in
                suppressible.contains(item.category) && !rules[item.rule].isSuppressor
                    && Self.overlapsAny(suppressing, item.span)
            }
        }
        applyCooccurrence(&scored, in: text, namedBefore: namedBefore)
        scored.removeAllInPlace { item in
            (!includeSuppressors && rules[item.rule].isSuppressor) || item.card.provisional < options.minimumConfidence
        }
        return scored
    }

    /// True when the last word of `span` is a compound street name (`Prästgårdsgatan`,
    /// `Klostervägen`, `Sjukhusbacken`): a phrase entry ending in `*` extends its match to the
    /// end of the word, so the whole compound is in the span. The street lexicon decides.
    static func endsInStreetName(_ text: UnsafeBufferPointer<UInt8>, _ span: Range<Int>) -> Bool {
        var start = span.upperBound
        while start > span.lowerBound && ContextMatcher.isWordByte(text[start - 1]) { start -= 1 }
        let word = start..<span.upperBound
        let street = StreetLexicon.classify(text, word)
        return street.isStreet && !street.standalone
    }

    private static func asSuppressor(_ reported: Candidate) -> Candidate {
        var candidate = reported
        candidate.validation = .confirmed
        candidate.baseScore = max(candidate.baseScore, 0.9)
        return candidate
    }

    /// Appends with room for a few more on the first item: most text units (a spreadsheet's
    /// cells) hold a handful of candidates, and growing from empty reallocated for each.
    @inline(__always)
    private static func append(_ item: Scored, to scored: inout [Scored]) {
        if scored.capacity == 0 { scored.reserveCapacity(8) }
        scored.append(item)
    }

    /// True when `span` overlaps one of `spans` (sorted, not overlapping each other): binary search.
    static func overlapsAny(_ spans: [Range<Int>], _ span: Range<Int>) -> Bool {
        var low = 0, high = spans.count
        while low < high {
            let middle = (low + high) / 2
            if spans[middle].lowerBound < span.upperBound { low = middle + 1 } else { high = middle }
        }
        return low > 0 && spans[low - 1].upperBound > span.lowerBound
    }

    // MARK: Per-candidate scoring

    /// The location a finding starts with (`Detection` stamps the unit's): one value, because
    /// `Location()` is a call into another module for every finding.
    private static let noLocation = Location()

    /// The matcher scores of regex and phrase matches (their rules may set `confidence`).
    static let regexScore = 0.5
    /// The tag of a personnummer found where an organisation number is expected (decision 0306).
    public static let soleTraderTag = "sole_trader"
    static let phraseScore = 0.3

    private func score(_ candidate: Candidate, rule index: Int, in text: UnsafeBufferPointer<UInt8>) -> Scored? {
        if rules[index].isAllowed(normalized: candidate.normalized, value: candidate.value) { return nil }
        return score(rule: index, category: candidate.category, span: candidate.span, validation: candidate.validation,
                     checks: candidate.checks, matcherScore: candidate.baseScore, source: .built(candidate), in: text)
    }

    /// Base, validation and context steps for one candidate of rule `index` (allowlist already checked).
    private func score(rule index: Int, category: Category, span: Range<Int>, validation: Evidence.Validation, checks: [String],
                       matcherScore: Double, source: Source, in text: UnsafeBufferPointer<UInt8>) -> Scored {
        let compiled = rules[index]
        let base = compiled.rule.confidence ?? matcherScore
        var card = ScoreCard(base: base, source: compiled.rule.confidence == nil ? .matcher : .rule)
        card.validation(validation, checks: checks)
        let found = compiled.context.findHits(in: text, around: span)
        let soleTrader = found.isEmpty ? false : compiled.applyContext(found, to: &card)
        return Scored(rule: index, category: category, span: span, validation: validation, card: card, context: found,
                      soleTrader: soleTrader, source: source)
    }

    private func regexCandidate(_ span: Range<Int>, rule: Rule, text: UnsafeBufferPointer<UInt8>) -> Candidate {
        let value = String(decoding: text[span], as: UTF8.self)
        let normalized = value.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return Candidate(category: rule.category, span: span, value: value, normalized: normalized,
                         masked: Masking.mask(value, category: rule.category), validation: .unknown, baseScore: Self.regexScore)
    }

    private func phraseCandidate(_ span: Range<Int>, check: String, rule: Rule, text: UnsafeBufferPointer<UInt8>) -> Candidate {
        let value = String(decoding: text[span], as: UTF8.self)
        return Candidate(category: rule.category, span: span, value: value,
                         normalized: TextFolding.foldedCollapsingSpaces(text[span]),
                         masked: Masking.mask(value, category: rule.category), validation: .unknown,
                         checks: [check], baseScore: Self.phraseScore)
    }

    // MARK: Unit-level steps

    /// Many personnummer-shaped numbers of which only a chance fraction validate: the
    /// valid ones are reference numbers that pass by luck. See `DensityPolicy`.
    private func applyDensity(_ scored: inout [Scored], from first: Int, shaped: Int, valid: Int) {
        let policy = options.density
        guard shaped >= policy.minimumNumbers, scored.count > first,
              Double(valid) <= policy.maximumValidFraction * Double(shaped) else { return }
        let reason = "\(valid) of \(shaped) numbers of this shape in the text unit are valid: a table of reference numbers"
        for index in first..<scored.count { scored[index].card.adjust("density", by: -policy.penalty, because: reason) }
    }

    /// Many numbers of one shape of which (nearly) all pass the check digit: a list of such
    /// values (a payroll list's account column, continued on a page without its header).
    /// The confirmed candidates of rules whose keywords the unit lacks are scored after all,
    /// and every confirmed candidate of the slot gets the list step; numbers the check cannot
    /// decide (`unknown`) still need a keyword. See `ListPolicy`.
    private func applyList(_ scored: inout [Scored], from first: Int, unlabelled: [(rule: Int, candidate: Candidate)],
                           shaped: Int, confirmed: Int, in text: UnsafeBufferPointer<UInt8>) {
        let policy = options.list
        guard confirmed >= policy.minimumConfirmed, Double(confirmed) >= policy.minimumConfirmedFraction * Double(shaped) else { return }
        for (rule, candidate) in unlabelled {
            if let item = score(candidate, rule: rule, in: text) { scored.append(item) }
        }
        guard scored.count > first else { return }
        let reason = "\(confirmed) of \(shaped) numbers of this shape in the text unit pass the check digit: a list"
        let step = ScoreCard.step("list", by: policy.boost, because: reason)
        for index in first..<scored.count where scored[index].validation == .confirmed {
            scored[index].card.adjust(by: policy.boost, step: step)
        }
    }

    /// The categories that name a person (the subject a pronoun or role noun can refer to).
    private static let naming = CategoryMask([.personnummer, .samordningsnummer, .name])

    /// Sensitive terms become strong when a person is in reach: something that identifies a
    /// person in the same passage, or a reference to a person (pronoun, role noun, `min fru`)
    /// with a person named earlier in the unit or document, or in the signature after a sign-off
    /// (`SubjectReach`, decision 0306). Without a subject a term stays a hint.
    private func applyCooccurrence(_ scored: inout [Scored], in text: UnsafeBufferPointer<UInt8>, namedBefore: Bool) {
        let policy = options.cooccurrence
        guard policy.boost > 0, scored.contains(where: { $0.category.isSensitive }) else { return }
        var reach = SubjectReach(text)
        var identified: Set<Int> = []
        var firstNamedHere: Int?
        var signed = false
        var present: [Int: CategoryMask] = [:]
        for index in scored.indices {
            let category = scored[index].category
            guard identifying.contains(category), !rules[scored[index].rule].isSuppressor,
                  scored[index].card.provisional >= options.thresholds.medium else { continue }
            let passage = reach.passage(of: scored[index].span.lowerBound)
            identified.insert(passage)
            present[passage, default: CategoryMask()].insert(category)
            guard Self.naming.contains(category) else { continue }
            firstNamedHere = min(firstNamedHere ?? passage, passage)
            if let signOff = reach.signOff, scored[index].span.lowerBound >= signOff { signed = true }
        }
        let firstNamed = namedBefore ? 0 : firstNamedHere
        guard !identified.isEmpty || firstNamed != nil else { return }
        var steps: [Int: String] = [:]
        for index in scored.indices where scored[index].category.isSensitive {
            let passage = reach.passage(of: scored[index].span.lowerBound)
            guard reach.hasSubject(passage: passage, identified: identified, firstNamed: firstNamed, signed: signed) else { continue }
            let step = steps[passage] ?? {
                if let categories = present[passage] {
                    return ScoreCard.step("co-occurrence", by: policy.boost,
                                          because: categories.sortedByName.map(\.rawValue).joined(separator: ", ") + " in the same passage")
                }
                let reason = firstNamedHere.map { $0 <= passage } ?? false
                    ? "a person named earlier in the text unit, referred to in this passage"
                    : namedBefore ? "a person named earlier in the document, referred to in this passage"
                    : "the writer named after the sign-off, referred to in this passage"
                return ScoreCard.step("co-occurrence", by: policy.boost, because: reason)
            }()
            steps[passage] = step
            scored[index].card.adjust(by: policy.boost, step: step)
        }
    }

    /// The finding for scored candidate `index`: final score, level and evidence. `text` is the
    /// text the candidate was found in (phrase and regex values are read from it here). Takes
    /// the array and an index so that the item is read in place, not copied.
    func finding(_ scored: [Scored], at index: Int, in text: UnsafeBufferPointer<UInt8>) -> Finding {
        let compiled = rules[scored[index].rule]
        let candidate: Candidate
        switch scored[index].source {
        case .built(let built): candidate = built
        case .phrase(let check): candidate = phraseCandidate(scored[index].span, check: check, rule: compiled.rule, text: text)
        case .regex: candidate = regexCandidate(scored[index].span, rule: compiled.rule, text: text)
        }
        let result = scored[index].card.finished(thresholds: options.thresholds)
        var context: [String] = []
        if !scored[index].context.isEmpty {
            context.reserveCapacity(scored[index].context.count)
            for word in scored[index].context {
                context.append(compiled.contextEvidence[word])
            }
        }
        let tags = scored[index].soleTrader ? candidate.tags + [Self.soleTraderTag] : candidate.tags
        let evidence = Evidence(validation: candidate.validation, checks: candidate.checks, steps: result.steps,
                                context: context, tags: tags)
        return Finding(category: candidate.category, value: candidate.value, normalized: candidate.normalized,
                       masked: candidate.masked, span: candidate.span, confidence: result.confidence, level: result.level,
                       rule: compiled.rule.id, location: Self.noLocation, evidence: evidence)
    }
}

extension Array {
    /// `removeAll(where:)` that hands each element to the test in place: the standard one
    /// copies every element it tests, which for a scored candidate means a reference count
    /// per string and array it holds. Keeps the order of the elements that stay.
    mutating func removeAllInPlace(where shouldRemove: (inout Element) -> Bool) {
        var kept = 0
        for index in indices where !shouldRemove(&self[index]) {
            if index != kept { swapAt(index, kept) }
            kept += 1
        }
        if kept < count { removeSubrange(kept...) }
    }
}
