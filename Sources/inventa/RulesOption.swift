import ArgumentParser
import InventaDetection
import InventaModel
import InventaRules

/// `--rules DIR`, shared by every command that detects: finds the rule directory
/// (`RulesLocator`: option, `$INVENTA_RULES`, bundled `Rules/`), loads, validates and
/// compiles it, and turns every problem into one clear fatal error.
struct RulesOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Rule directory (default: $INVENTA_RULES, else the Rules/ bundled with inventa).", valueName: "dir"))
    var rules: String?

    /// The directory to use, or a fatal error saying where it looked.
    func directory(_ explicit: String? = nil) throws -> String {
        do {
            return try RulesLocator.locate(explicit: explicit ?? rules)
        } catch {
            throw Fatal(message: error.description)
        }
    }

    func ruleSet(_ explicit: String? = nil) throws -> RuleSet {
        let directory = try directory(explicit)
        do {
            return try RuleEngine.loadRules(directory: directory)
        } catch {
            let count = "\(error.errors.count) problem\(error.errors.count == 1 ? "" : "s")"
            throw Fatal(message: "invalid rules in \(directory) (\(count); each names file, rule and field):\n"
                        + error.errors.map { "  " + $0.description }.joined(separator: "\n"))
        }
    }

    func detection(options: EngineOptions = EngineOptions(), _ explicit: String? = nil) throws -> Detection {
        let ruleSet = try ruleSet(explicit)
        do {
            return try Detection(ruleSet: ruleSet, options: options)
        } catch {
            throw Fatal(message: error.description)
        }
    }
}
