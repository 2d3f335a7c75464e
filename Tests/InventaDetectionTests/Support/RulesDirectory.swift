/// The repository's bundled `Rules/` directory, for matchers that load datasets.
enum RulesDirectory {
    static var path: String {
        var components = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        while let last = components.last, last != "Tests" { components.removeLast() }
        components.removeLast()
        return components.joined(separator: "/") + "/Rules"
    }
}
