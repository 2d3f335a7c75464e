import InventaDetection
import InventaRules
import Testing

/// The registry list is complete and consistent: every entry builds and answers to its
/// name, and every builtin a bundled rule file names is registered.
@Suite struct BuiltinMatchersTests {
    /// Every builtin name the rule format defines (docs: rules-format), for reading the
    /// bundled files without the registry's own check.
    static let formatNames: Set<String> = ["personnummer", "organisationsnummer", "phone", "email", "iban", "bankgiro",
                                           "plusgiro", "bank_account", "payment_card", "address", "name"]

    @Test(arguments: BuiltinMatchers.all.map(\.name))
    func everyEntryBuildsAndAnswersToItsName(name: String) throws {
        let environment = BuiltinMatchers.Environment(rulesDirectory: Bundled.rulesDirectory, today: Bundled.today)
        let matcher = try #require(try BuiltinMatchers.make(name, environment: environment))
        #expect(matcher.name == name)
    }

    @Test func namesAreUniqueAndPartOfTheFormat() {
        let names = BuiltinMatchers.all.map(\.name)
        #expect(Set(names).count == names.count)
        #expect(Set(names).isSubset(of: Self.formatNames))
    }

    @Test func everyBuiltinNamedInABundledRuleFileIsRegistered() throws {
        let ruleSet = try RuleLoader(builtins: Self.formatNames).load(directory: Bundled.rulesDirectory)
        let missing = ruleSet.builtinNames.subtracting(BuiltinMatchers.names)
        #expect(missing.isEmpty, "rule files name builtins that are not registered: \(missing.sorted())")
    }

    @Test func unknownNameGivesNil() throws {
        #expect(try BuiltinMatchers.make("nope", environment: .init(rulesDirectory: Bundled.rulesDirectory)) == nil)
    }
}
