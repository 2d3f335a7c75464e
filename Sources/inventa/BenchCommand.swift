import ArgumentParser
import Foundation
import InventaBench
import InventaCorpus
import InventaCrawl
import InventaModel

/// `inventa bench CORPUS`: scans a generated corpus and prints accuracy, throughput and memory.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Scan a labelled corpus and compare the findings with its ground truth.",
        discussion: """
            CORPUS is a folder written by 'inventa corpus generate' (share/ and ground-truth.jsonl). The scan \
            stores cleartext values in a temporary report that is deleted afterwards. Exit code 3 when a --min-f1 \
            floor is not met.
            """
    )

    @Argument(help: "Corpus folder (with share/ and ground-truth.jsonl).")
    var corpus: String

    @Option(name: .long, help: ArgumentHelp("Also write the results as JSON to this file.", valueName: "file"))
    var json: String?

    @Option(name: .customLong("min-f1"), help: ArgumentHelp("Fail when a category's F1 is below a floor, e.g. personnummer=0.95 (repeatable).", valueName: "category=value"))
    var minF1: [String] = []

    @Option(name: .shortAndLong, help: "Worker threads (default: number of cores).")
    var jobs: Int = CrawlPolicy.defaultJobs

    func validate() throws {
        _ = try floors()
        guard jobs >= 1 && jobs <= 1024 else { throw ValidationError("--jobs must be between 1 and 1024") }
    }

    func floors() throws -> [(Category, Double)] {
        try minF1.map { text in
            let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, let category = Category(rawValue: parts[0]), let value = Double(parts[1]), (0...1).contains(value) else {
                throw ValidationError("--min-f1 '\(text)': use CATEGORY=VALUE with a category such as personnummer and a value from 0 to 1")
            }
            return (category, value)
        }
    }

    @OptionGroup var rulesOption: RulesOption

    func run() throws {
        let result: BenchResult
        do {
            result = try BenchRunner(corpus: corpus, detection: try rulesOption.detection(), jobs: jobs).run()
        } catch let error as CorpusError {
            throw Fatal(message: error.description)
        } catch let error as Fatal {
            throw error
        } catch {
            throw Fatal(message: "\(error)")
        }
        print(BenchReport.text(result), terminator: "")
        if let json {
            guard FileManager.default.createFile(atPath: json, contents: Data(BenchReport.json(result).utf8)) else {
                throw Fatal(message: "cannot write \(json); check that its folder exists and is writable")
            }
        }
        let unmet = result.scores.unmet(floors: try floors())
        if !unmet.isEmpty {
            for message in unmet { printError("inventa bench: floor not met: \(message)") }
            throw ExitCode(3)
        }
    }
}
