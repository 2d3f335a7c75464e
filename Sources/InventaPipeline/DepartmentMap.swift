import InventaCrawl

/// Maps a file's path to the department (förvaltning) that owns it, from the scan
/// profile's `[[department]]` table: the first rule that matches wins, and a path no
/// rule matches belongs to `fallback` (`Okänd`).
///
/// A rule's pattern is matched against the path as the scan names it: the root as
/// written in the profile or on the command line, then the path below it
/// (`//fs01/soc/barn/a.docx`). A pattern without `*`, `?` or `[` is a prefix that
/// ends at a folder boundary (`/srv/soc` matches `/srv/soc/x` but not `/srv/socialt`);
/// otherwise it is a `Glob` (`**` crosses folders). A pattern without `/` names a folder
/// anywhere in the path (`personal` matches `/srv/x/personal/lön.xlsx`). Matching ignores case and treats
/// `\` as `/`, because municipal shares are SMB shares, written both ways.
public struct DepartmentMap: Sendable, Equatable {
    public struct Rule: Sendable, Equatable {
        public var pattern: String
        public var department: String

        public init(pattern: String, department: String) {
            self.pattern = pattern
            self.department = department
        }
    }

    public static let unknown = "Okänd"

    public let rules: [Rule]
    public let fallback: String
    private let matchers: [Matcher]

    private enum Matcher: Sendable, Equatable {
        case prefix(String)
        case glob(Glob)
    }

    public init(rules: [Rule] = [], fallback: String = DepartmentMap.unknown) {
        self.rules = rules
        self.fallback = fallback
        matchers = rules.map { rule in
            let pattern = DepartmentMap.canonical(rule.pattern)
            // Without a "/", a pattern names a folder anywhere in the path.
            if !pattern.contains("/") { return .glob(Glob("**/" + pattern + "/**")) }
            if pattern.contains(where: { "*?[".contains($0) }) { return .glob(Glob(pattern)) }
            var prefix = pattern
            while prefix.count > 1 && prefix.hasSuffix("/") { prefix.removeLast() }
            return .prefix(prefix)
        }
    }

    /// The department of the file at `relativePath` below `root`.
    public func department(root: String, relativePath: String) -> String {
        guard !matchers.isEmpty else { return fallback }
        var base = root
        while base.count > 1 && base.hasSuffix("/") { base.removeLast() }
        let path = DepartmentMap.canonical(relativePath.isEmpty ? base : base + "/" + relativePath)
        for (index, matcher) in matchers.enumerated() {
            switch matcher {
            case .prefix(let prefix):
                if path == prefix || path.hasPrefix(prefix == "/" ? "/" : prefix + "/") { return rules[index].department }
            case .glob(let glob):
                if glob.matches(String(path.drop(while: { $0 == "/" }))) { return rules[index].department }
            }
        }
        return fallback
    }

    /// Lower case, `\` as `/`, no leading `./`, a single leading `/` for absolute and UNC paths.
    static func canonical(_ path: String) -> String {
        var text = path.lowercased().map { $0 == "\\" ? "/" : $0 }.reduce(into: "") { $0.append($1) }
        while text.hasPrefix("./") { text.removeFirst(2) }
        if text.hasPrefix("/") {
            while text.hasPrefix("/") { text.removeFirst() }
            text = "/" + text
        }
        return text
    }
}
