import Foundation

/// Runs the built `inventa` binary, as a user would. The binary is found next to the
/// test bundle (SwiftPM puts both in `.build/<config>/`), or by walking up to `.build/debug`.
enum CLI {
    static let binary: String = {
        var candidates: [URL] = [URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
                                 Bundle.main.bundleURL, Bundle.main.bundleURL.deletingLastPathComponent()]
        var dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        for _ in 0..<4 {
            candidates.append(dir.appendingPathComponent(".build/debug"))
            dir.deleteLastPathComponent()
        }
        for candidate in candidates {
            let path = candidate.appendingPathComponent("inventa").path
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return "inventa"
    }()

    struct Output {
        var status: Int32
        var reason: Process.TerminationReason
        var stdout: String
        var stderr: String
    }

    /// Starts the binary; the caller waits or kills it.
    static func start(_ arguments: [String], environment: [String: String] = [:], in directory: String) throws -> (Process, Pipe, Pipe) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        return (process, out, err)
    }

    @discardableResult
    static func run(_ arguments: [String], environment: [String: String] = [:], in directory: String) throws -> Output {
        let (process, out, err) = try start(arguments, environment: environment, in: directory)
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(status: process.terminationStatus, reason: process.terminationReason,
                      stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// A scratch folder with a tree of files; removed at deinit.
    final class Workspace {
        let dir = NSTemporaryDirectory() + "inventa-cli-\(UUID().uuidString)"
        init() throws { try FileManager.default.createDirectory(atPath: dir + "/tree", withIntermediateDirectories: true) }
        deinit { try? FileManager.default.removeItem(atPath: dir) }

        func write(_ name: String, _ text: String) throws {
            let path = dir + "/tree/" + name
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try text.write(toFile: path, atomically: false, encoding: .utf8)
        }

        func inventa(_ arguments: [String], environment: [String: String] = [:]) throws -> Output {
            try CLI.run(arguments + ["--report", "r.sqlite"] + (arguments.first == "scan" || arguments.first == "subject" ? ["--key-file", "k.key"] : []),
                        environment: environment, in: dir)
        }

        /// JSON Lines output of `inventa report …` as dictionaries.
        func report(_ arguments: [String]) throws -> [[String: Any]] {
            let output = try inventa(["report"] + arguments + ["--format", "jsonl"])
            return output.stdout.split(separator: "\n").compactMap {
                try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
            }
        }
    }
}

/// Skatteverket's published test personnummer (from /work/shared/data/pnr-testdata,
/// inlined so the tests run anywhere).
enum TestNumbers {
    static let pnr: [String] = [
        "189001019802", "189001029819", "189001039800", "189001049817", "189001059808", "189001069815",
        "189001079806", "189001089813", "189001099804", "189001109819", "189001119800", "189001129817",
        "189001139808", "189001149815", "189001159806", "189001169813", "189001179804", "189001189811",
        "189001199802", "189001209817", "189001219808", "189001229815", "189001239806", "189001249813",
        "189001259804", "189001269811", "189001279802", "189001289819", "189001299800", "189001309815",
        "189001319806", "189002019819", "189002029800", "189002039817", "189002049808", "189002059815",
        "189002069806", "189002079813", "189002089804", "189002099811",
    ]
}
