/// The context step of a rule, weighted by proximity (decision 0306): the value's label (a
/// context word at most `ContextMatcher.labelReach` words away, with no other value between)
/// decides alone; without a label, words further away weigh less with distance; a word that is
/// another value's label (`Tel 070-…, pnr …`; the next cell's header) does not count.
///
/// What each label does depends on its list in the rule's `[rule.context]`: a positive label
/// adds `positive_boost`, a negative one subtracts `negative_penalty`, a reference label
/// (`kundnr`, `ärendenummer`) subtracts `reference_penalty`, and a sole-trader label (`org.nr`)
/// sets the score to `sole_trader_score` and tags the finding `sole_trader`. A positive label
/// beats a reference label at the same value, whichever is nearer. An organisation word
/// (`växel`, `kontaktcenter`) at label reach beats every other label and subtracts
/// `negative_penalty`: the number is an organisation's, whatever it is called. Every outcome is a
/// step in the evidence, including the words that were found and did not count.
extension CompiledRule {
    /// The weight of a word at `reach` that is not the value's label.
    static func weight(_ reach: ContextHits.Reach) -> Double {
        switch reach {
        case .label: return 1
        case .near: return 0.5
        case .far: return 0.25
        case .otherValue: return 0
        }
    }

    /// Applies the context step to `card`; true when the value's label is a sole-trader label.
    func applyContext(_ hits: ContextHits, to card: inout ScoreCard) -> Bool {
        let spec = rule.context
        if var label = hits.nearestLabel {
            // A personnummer label next to the value beats a reference label next to it
            // (`Kundnummer (personnummer): …`): the reference is then the person's number.
            if referenceWords.contains(label), let positive = hits.indexes(in: positiveWords, reach: .label).first { label = positive }
            // An organisation word at label reach qualifies any label (`Växel tel …`, `kommunens
            // kontaktcenter, telefon …`, `Telefon (kundtjänst): …`): the number is the organisation's.
            if let organisation = hits.indexes(in: organisationWords, reach: .label).first { label = organisation }
            var soleTrader = false
            if positiveWords.contains(label) {
                card.adjust(by: spec.positiveBoost, step: labelSteps[label])
            } else if negativeWords.contains(label) || organisationWords.contains(label) {
                card.adjust(by: -spec.negativePenalty, step: labelSteps[label])
            } else if referenceWords.contains(label) {
                card.adjust(by: -spec.referencePenalty, step: labelSteps[label])
            } else {
                card.adjust("sole trader", by: spec.soleTraderScore - card.confidence, because: labelSteps[label])
                soleTrader = true
            }
            if hits.count > 1 {
                let ignored = hits.filter { $0 != label }.map { index in
                    context.keywords[index].word + (hits.reach(of: index) == .otherValue ? ": another value's label" : ": not the label")
                }
                card.adjust("context", by: 0, because: ignored)
            }
            return soleTrader
        }
        let negatives = negativeWords.lowerBound..<organisationWords.upperBound
        if let reach = hits.strongestReach(in: positiveWords), reach != .otherValue {
            card.adjust("context", by: spec.positiveBoost * Self.weight(reach), because: described(hits, positiveWords, reach))
        }
        if let reach = hits.strongestReach(in: negatives), reach != .otherValue {
            card.adjust("context", by: -spec.negativePenalty * Self.weight(reach), because: described(hits, negatives, reach))
        }
        let others = hits.filter { hits.reach(of: $0) == .otherValue }
        if !others.isEmpty {
            card.adjust("context", by: 0, because: others.map { context.keywords[$0].word + ": another value's label" })
        }
        return false
    }

    /// `faktura ×0.50`, for the words of `range` at `reach`.
    private func described(_ hits: ContextHits, _ range: Range<Int>, _ reach: ContextHits.Reach) -> [String] {
        let weight = reach == .near ? " ×0.50" : " ×0.25"
        return hits.indexes(in: range, reach: reach).map { context.keywords[$0].word + weight }
    }
}
