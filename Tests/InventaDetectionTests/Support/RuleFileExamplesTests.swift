import Testing
import Foundation
@testable import InventaDetection

/// Runs the embedded examples of the built-in matchers' rule files (`Rules/*.toml`) against
/// the matchers themselves, with the rule's keyword prefilter but without context scoring, so
/// a wrong example is caught here before `inventa rules test` sees it. Reads only the
/// `keywords`, `match` and `no_match` arrays with a minimal line parser (one string per line).
struct RuleFileExamplesTests {
    static let matchers: [String: any Matcher] = {
        var all: [String: any Matcher] = [
            "phone": PhoneMatcher(), "email": EmailMatcher(), "iban": IBANMatcher(), "bankgiro": BankgiroMatcher(),
            "plusgiro": PlusgiroMatcher(), "bank_account": BankAccountMatcher(), "payment_card": PaymentCardMatcher(),
            "organisationsnummer": OrganisationsnummerMatcher(),
        ]
        all["address"] = try? AddressMatcher(rulesDirectory: RulesDirectory.path)
        return all
    }()

    @Test(arguments: ["phone", "email", "iban", "bankgiro", "plusgiro", "bank_account", "payment_card", "address",
                      "organisationsnummer"])
    func examplesHold(_ name: String) throws {
        let matcher = try #require(Self.matchers[name])
        let file = try #require(RuleFile(path: RulesDirectory.path + "/\(name).toml"))
        #expect(file.matches.count >= 1 && file.noMatches.count >= 1)
        for example in file.matches {
            let marked = MarkedText(example)
            #expect(marked.spans.count == 1, "one «…» per example: \(example)")
            let found = file.run(matcher, on: marked.text)
            #expect(found.map(\.span) == marked.spans, "match example: \(example)")
        }
        for example in file.noMatches {
            let found = file.run(matcher, on: example)
            #expect(found.isEmpty, "no_match example: \(example) found \(found.map(\.value))")
        }
    }
}

/// The few keys of a rule file these tests need.
private struct RuleFile {
    var keywords: [String] = []
    var matches: [String] = []
    var noMatches: [String] = []

    init?(path: String) {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        var current: WritableKeyPath<RuleFile, [String]>?
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("keywords = [") {
                keywords = line.split(separator: "\"").enumerated().filter { $0.offset % 2 == 1 }.map { String($0.element) }
            } else if line.hasPrefix("match = [") {
                current = \.matches
            } else if line.hasPrefix("no_match = [") {
                current = \.noMatches
            } else if line.hasPrefix("]") {
                current = nil
            } else if let key = current, line.hasPrefix("\"") {
                let body = line.dropFirst().prefix { $0 != "\"" }
                self[keyPath: key].append(String(body).replacingOccurrences(of: "\\n", with: "\n"))
            }
        }
    }

    func run(_ matcher: any Matcher, on text: String) -> [Candidate] {
        let lowered = text.lowercased()
        if !keywords.isEmpty && !keywords.contains(where: { lowered.contains($0.lowercased()) }) { return [] }
        return candidates(of: matcher, in: text)
    }
}
