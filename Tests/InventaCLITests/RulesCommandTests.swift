import Foundation
import Testing

/// `inventa rules …` and `inventa explain` end to end: the built binary (next to the test
/// bundle) is run as a user would, and its exit code and output are checked.
@Suite struct RulesCommandTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static var binary: String {
        let executable = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        var directory = URL(fileURLWithPath: executable).deletingLastPathComponent()
        while directory.pathExtension == "xctest" || directory.lastPathComponent == "Contents" || directory.lastPathComponent == "MacOS" {
            directory = directory.deletingLastPathComponent()
        }
        return directory.appendingPathComponent("inventa").path
    }

    static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> (status: Int32, output: String, error: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let output = out.fileHandleForReading.readDataToEndOfFile()
        let error = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self), String(decoding: error, as: UTF8.self))
    }

    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("inventa-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func bundledRulesValidateAndTheirExamplesPass() throws {
        let rules = Self.repository.appendingPathComponent("Rules").path
        let validate = try Self.run(["rules", "validate", rules])
        #expect(validate.status == 0, "\(validate.error)")
        #expect(validate.output.hasPrefix("OK: "))
        let test = try Self.run(["rules", "test", rules])
        #expect(test.status == 0, "\(test.output)")
        #expect(test.output.contains("se.personnummer"))
    }

    @Test func invalidRulesFailWithThePreciseError() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try """
            [[rule]]
            id = "se.phone"
            category = "fone"
            description = "x"
            matcher = { regex = '07\\d' }
            [rule.examples]
            match = ["«070»"]
            no_match = ["x"]
            """.write(to: directory.appendingPathComponent("phone.toml"), atomically: true, encoding: .utf8)
        let result = try Self.run(["rules", "validate", directory.path])
        #expect(result.status == 1)
        #expect(result.error.contains("\(directory.path)/phone.toml: rule 'se.phone': field 'category': unknown category 'fone' (expected one of"))
    }

    @Test func failingExampleMakesRulesTestExitNonZero() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try """
            [[rule]]
            id = "kommun.dnr"
            category = "criminal"
            description = "Case numbers."
            matcher = { regex = 'KS \\d{4}/\\d+' }
            [rule.examples]
            match = ["Dnr «KS 2019/73»"]
            no_match = ["Dnr KS 2020/1"]
            """.write(to: directory.appendingPathComponent("dnr.toml"), atomically: true, encoding: .utf8)
        let result = try Self.run(["rules", "test", directory.path])
        #expect(result.status == 1)
        #expect(result.output.contains("FAIL kommun.dnr no_match: Dnr KS 2020/1"))
        #expect(result.output.contains("1 of 2 examples passed"))
    }

    @Test func explainShowsScoreStepsWithMaskedValues() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("anteckning.txt")
        try "Rad ett\nPersonnummer 720107-9295 har diagnosen diabetes.\n".write(to: file, atomically: true, encoding: .utf8)
        let result = try Self.run(["explain", file.path, "--rules", Self.repository.appendingPathComponent("Rules").path])
        #expect(result.status == 0, "\(result.error)")
        #expect(result.output.contains("risk high"))
        #expect(result.output.contains("line 2  personnummer  high 0.95  rule se.personnummer"))
        #expect(result.output.contains("value:    720107-****"))
        #expect(!result.output.contains("720107-9295"))
        #expect(result.output.contains("co-occurrence +0.50 (personnummer in the same passage)"))
    }

    @Test func rulesFromTheEnvironmentAreUsed() throws {
        let result = try Self.run(["rules", "list"], environment: ["INVENTA_RULES": "/nonexistent/inventa-rules"])
        #expect(result.status == 1)
        #expect(result.error.contains("/nonexistent/inventa-rules"))
    }
}
