/// A shell-style path pattern for include and exclude policies.
///
/// - `*` matches any run of characters except `/`; `?` matches one character except `/`;
/// - `**` matches across directories; `**/` also matches no directory at all;
/// - `[abc]`, `[a-z]` and `[!abc]` match one character from (or not from) a set.
///
/// A pattern with a `/` is matched against the whole path relative to the scan root;
/// a pattern without one is matched against the last path component, so `~$*`
/// means the same as `**/~$*` (as in `.gitignore`). Matching is case-sensitive,
/// like the file systems Inventa reads.
public struct Glob: Sendable, Hashable, CustomStringConvertible {
    public let pattern: String
    private let chars: [Character]
    private let matchesBasename: Bool

    public init(_ pattern: String) {
        self.pattern = pattern
        var trimmed = pattern
        while trimmed.hasPrefix("./") { trimmed.removeFirst(2) }
        if trimmed.hasPrefix("/") { trimmed.removeFirst() }
        self.chars = Array(trimmed)
        self.matchesBasename = !trimmed.contains("/")
    }

    public var description: String { pattern }

    /// True when `relativePath` (components separated by `/`) matches.
    public func matches(_ relativePath: String) -> Bool {
        if matchesBasename {
            let name = relativePath.split(separator: "/", omittingEmptySubsequences: true).last.map(String.init) ?? relativePath
            return Glob.match(chars[...], Array(name)[...])
        }
        return Glob.match(chars[...], Array(relativePath)[...])
    }

    private static func match(_ pattern: ArraySlice<Character>, _ text: ArraySlice<Character>) -> Bool {
        var p = pattern
        var t = text
        while let head = p.first {
            switch head {
            case "*":
                return matchStar(p, t)
            case "?":
                guard let c = t.first, c != "/" else { return false }
                p = p.dropFirst(); t = t.dropFirst()
            case "[":
                guard let c = t.first, c != "/", let (matched, rest) = matchClass(p, c) else {
                    if let c = t.first, c == "[" { p = p.dropFirst(); t = t.dropFirst(); continue }
                    return false
                }
                guard matched else { return false }
                p = rest; t = t.dropFirst()
            default:
                guard let c = t.first, c == head else { return false }
                p = p.dropFirst(); t = t.dropFirst()
            }
        }
        return t.isEmpty
    }

    private static func matchStar(_ pattern: ArraySlice<Character>, _ text: ArraySlice<Character>) -> Bool {
        let isDouble = pattern.dropFirst().first == "*"
        var rest = pattern.dropFirst(isDouble ? 2 : 1)
        if isDouble {
            // `**/` may match zero directories.
            if rest.first == "/" {
                let afterSlash = rest.dropFirst()
                if match(afterSlash, text) { return true }
            }
            var t = text
            while true {
                if match(rest, t) { return true }
                guard !t.isEmpty else { return false }
                t = t.dropFirst()
            }
        }
        while rest.first == "*" { rest = rest.dropFirst() }
        var t = text
        while true {
            if match(rest, t) { return true }
            guard let c = t.first, c != "/" else { return false }
            t = t.dropFirst()
        }
    }

    /// Matches `c` against the class starting at `pattern.first == "["`; nil when the class is not closed.
    private static func matchClass(_ pattern: ArraySlice<Character>, _ c: Character) -> (Bool, ArraySlice<Character>)? {
        var p = pattern.dropFirst()
        var negate = false
        if p.first == "!" || p.first == "^" { negate = true; p = p.dropFirst() }
        var matched = false
        var first = true
        while let head = p.first {
            if head == "]" && !first {
                return (matched != negate, p.dropFirst())
            }
            first = false
            let next = p.dropFirst()
            if next.first == "-", let upper = next.dropFirst().first, upper != "]" {
                if head <= c && c <= upper { matched = true }
                p = next.dropFirst(2)
            } else {
                if head == c { matched = true }
                p = next
            }
        }
        return nil
    }
}
