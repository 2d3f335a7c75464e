import Foundation

/// Runs the built `inventa` executable, as a user would, and captures its output.
struct InventaBinary {
    struct Run {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    /// The executable next to the test bundle (`swift build` puts both in one folder).
    static let url: URL = {
        let bundleDirectory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let candidates = [bundleDirectory.appendingPathComponent("inventa"),
                          bundleDirectory.deletingLastPathComponent().appendingPathComponent("inventa")]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[0]
    }()

    @discardableResult
    static func run(_ arguments: [String], prefix: [String] = [], environment: [String: String] = [:]) throws -> Run {
        let process = Process()
        if prefix.isEmpty {
            process.executableURL = url
            process.arguments = arguments
        } else {
            process.executableURL = URL(fileURLWithPath: prefix[0])
            process.arguments = Array(prefix.dropFirst()) + [url.path] + arguments
        }
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                   stderr: String(decoding: errData, as: UTF8.self))
    }
}

/// A temporary folder with a small tree to scan.
final class CLIWorkspace {
    let directory: String
    var tree: String { directory + "/tree" }
    var report: String { directory + "/report.sqlite" }
    var key: String { directory + "/hmac.key" }

    init() throws {
        directory = NSTemporaryDirectory() + "inventa-cli-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: tree, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: directory) }

    func write(_ relative: String, _ text: String) throws {
        let path = tree + "/" + relative
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try text.write(toFile: path, atomically: false, encoding: .utf8)
    }

    func scan(_ extra: [String] = []) throws -> InventaBinary.Run {
        try InventaBinary.run(["scan", tree, "--report", report, "--key-file", key] + extra)
    }

    func jsonl(_ section: String) throws -> [[String: Any]] {
        let run = try InventaBinary.run(["report", section, "--report", report, "--format", "jsonl"])
        return try run.stdout.split(separator: "\n").map { line in
            try #require(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }
    }
}

import Testing
