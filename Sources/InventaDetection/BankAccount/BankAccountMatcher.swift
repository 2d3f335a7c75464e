import InventaModel

/// Finds Swedish bank account numbers: a clearing number (four digits, or Swedbank's five
/// `8xxx-x`) followed by the account number (`5000-123 45 67`, `6000 123 456 789`,
/// `8327-9, 123 456 789-0`, `3300-…`), checked against the clearing ranges and check-digit
/// rules in `ClearingNumbers`. In a table row the clearing number's cell may be followed by
/// the account's (`Clearingnr: 5216⇥Kontonr: 40 137 94`, see `CellGap`): one account, whose
/// finding points at the clearing cell and names the account cell in its evidence.
///
/// The shape alone is ambiguous (dates and reference numbers look alike), so the rule needs
/// context (`konto`, `kontonummer`, `clearing`, `bankkonto`) and a keyword prefilter.
/// Validation: confirmed when the bank's check digit rule passes, rejected when a rule we are
/// sure of fails, unknown for Swedbank's type-2 accounts that fail (some old ones do).
/// Score: 0.60 confirmed, 0.40 unknown. Normalised to `clearing:account` digits; masked
/// keeping the clearing number and the last two account digits (`5000-*** ** 67`).
/// Nordea personkonto (clearing 3300/3782) accounts are the owner's personnummer: tagged
/// `personnummer_account`.
public struct BankAccountMatcher: Matcher {
    public var name: String { "bank_account" }

    public init() {}

    public func candidates(in text: UnsafeBufferPointer<UInt8>, visit: (Candidate) -> Void) {
        candidates(in: text, runs: DigitRunIndex(text), visit: visit)
    }

    public func candidates(in text: UnsafeBufferPointer<UInt8>, runs: DigitRunIndex, visit: (Candidate) -> Void) {
        DigitRuns.forEach(in: text, runs: runs, only: .clearing) { start, end in
            guard end - start == 4, NumberBoundary.startsClean(text, at: start),
                  let found = BankAccountParser.parse(text, clearingStart: start) else { return end }
            visit(candidate(found, text: text))
            return found.span.upperBound
        }
    }

    private func candidate(_ found: BankAccountParser.Parsed, text: UnsafeBufferPointer<UInt8>) -> Candidate {
        let outcome = ClearingNumbers.check(clearing: found.clearing, account: found.account, rule: found.bank.rule)
        // Clearing and account in two cells of a row: the value is the two without the label between.
        let value = CellGap.crosses(text, found.span) ? CellGap.joined(text, found.span, separator: " ")
            : String(decoding: text[found.span], as: UTF8.self)
        let digits = { (values: [UInt8]) in String(digitValues: values) }
        var tags = ["bank:\(found.bank.name)"]
        if found.bank.name == "Nordea personkonto" { tags.append("personnummer_account") }
        let validation: Evidence.Validation = switch outcome {
        case .confirmed: .confirmed
        case .rejected: .rejected
        case .unknown: .unknown
        }
        return Candidate(category: .bankAccount, span: found.span, value: value,
                         normalized: digits(found.clearing) + ":" + digits(found.account),
                         masked: ValueMasking.digits(value, keepFirst: found.clearingDigitsWritten, keepLast: 2),
                         validation: validation,
                         checks: outcome == .confirmed ? ["clearing_range", "account_check"] : ["clearing_range"],
                         baseScore: outcome == .confirmed ? 0.60 : 0.40, tags: tags)
    }
}
