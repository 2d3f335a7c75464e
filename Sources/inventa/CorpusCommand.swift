import ArgumentParser
import Foundation
import InventaCorpus

/// `inventa corpus generate`: writes a synthetic, labelled municipal file share.
struct CorpusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "corpus",
        abstract: "Generate synthetic test corpora with ground truth.",
        subcommands: [Generate.self]
    )

    struct Generate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a synthetic municipal file share (OUT/share/) and its ground truth (OUT/ground-truth.jsonl).",
            discussion: """
                The same seed and options always give the same files, byte for byte. Identity numbers are \
                Skatteverket's published test numbers, phone numbers come from the fiction range 070-174 06 05…99, \
                streets are made up and e-mail domains are reserved example domains: no real person's data. \
                Datasets are read from Rules/datasets (found upwards from the working directory, or set --datasets \
                or INVENTA_DATASETS).
                """
        )

        @Option(name: .long, help: "Folder to write; must not exist or be empty.")
        var out: String

        @Option(name: .long, help: "Number of top-level documents (e-mails and ZIPs hold more).")
        var documents: Int = 200

        @Option(name: .long, help: "Seed for the generator (any unsigned 64-bit integer).")
        var seed: UInt64 = 1

        @Option(name: .long, help: ArgumentHelp("Comma-separated formats to write (default all): \(CorpusFormat.allCases.map(\.rawValue).joined(separator: ",")).", valueName: "list"))
        var formats: String?

        @Option(name: .long, help: "Lengthen documents for throughput runs: policies, minutes and invoices by this factor, registers and journals by a hundredth of it.")
        var scale: Int = 1

        @Option(name: .long, help: ArgumentHelp("Folder with the generator's datasets (default: Rules/datasets).", valueName: "dir"))
        var datasets: String?

        func validate() throws {
            guard documents >= 1 else { throw ValidationError("--documents must be at least 1") }
            guard (1...1000).contains(scale) else { throw ValidationError("--scale must be between 1 and 1000") }
            _ = try parsedFormats()
        }

        func parsedFormats() throws -> Set<CorpusFormat> {
            guard let formats else { return Set(CorpusFormat.allCases) }
            var set = Set<CorpusFormat>()
            for name in formats.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces).lowercased() }) {
                guard let format = CorpusFormat(rawValue: name == "text" ? "txt" : name) else {
                    throw ValidationError("--formats: unknown format '\(name)'; use some of \(CorpusFormat.allCases.map(\.rawValue).joined(separator: ","))")
                }
                set.insert(format)
            }
            return set
        }

        func run() throws {
            guard let directory = CorpusDatasets.locate(explicit: datasets) else {
                throw Fatal(message: "cannot find Rules/datasets with the test personnummer list; run from the repository or pass --datasets DIR")
            }
            do {
                let data = try CorpusDatasets(directory: directory)
                var generator = CorpusGenerator(options: CorpusOptions(documents: documents, seed: seed, formats: try parsedFormats(), scale: scale),
                                                datasets: data)
                let started = Date()
                let summary = try generator.generate(into: out)
                print("Corpus: \(out)/\(GroundTruth.shareFolder) (\(summary.files) files, \(summary.members) container members, "
                      + String(format: "%.1f MB", Double(summary.bytes) / 1_000_000) + ")")
                print("Ground truth: \(out)/\(GroundTruth.fileName) (\(summary.entities) entity lines)")
                print(String(format: "Time: %.1f s", Date().timeIntervalSince(started)))
                print("Next: inventa bench \(out)")
            } catch let error as CorpusError {
                throw Fatal(message: error.description)
            }
        }
    }
}
