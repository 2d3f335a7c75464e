import Foundation
import InventaRules
import Testing

@Suite struct RulesLocatorTests {
    let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures").path

    @Test func explicitPathWins() throws {
        #expect(try RulesLocator.locate(explicit: fixtures, environment: ["INVENTA_RULES": "/elsewhere"], executable: nil) == fixtures)
    }

    @Test func environmentIsNext() throws {
        #expect(try RulesLocator.locate(explicit: nil, environment: ["INVENTA_RULES": fixtures], executable: nil) == fixtures)
    }

    @Test func missingExplicitDirectoryIsAnError() {
        #expect(throws: RulesLocator.Failure.self) {
            try RulesLocator.locate(explicit: "/nonexistent/rules", environment: [:], executable: nil)
        }
    }

    @Test func bundledRulesAreFoundFromABuildDirectory() throws {
        // <repo>/.build/debug/inventa → <repo>/Rules
        let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let binary = repo.appendingPathComponent(".build/debug/inventa").path
        let found = try RulesLocator.locate(explicit: nil, environment: [:], executable: binary)
        #expect(URL(fileURLWithPath: found).standardizedFileURL.path == repo.appendingPathComponent("Rules").standardizedFileURL.path)
    }
}
