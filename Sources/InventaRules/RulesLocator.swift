import Foundation

/// Finds the rule directory to use, in this order: an explicit path (`--rules`),
/// `$INVENTA_RULES`, then the bundled `Rules/` next to the installed binary
/// (`<bin>/../share/inventa/Rules`), in a source checkout (`<bin>/../../Rules` for
/// `.build/<config>/inventa`, `<bin>/../../../Rules` for the resolved
/// `.build/<triple>/<config>/inventa`), and finally `./Rules`.
///
/// It only looks; it does not validate (that is `RuleLoader`).
public enum RulesLocator {
    public static let environmentVariable = "INVENTA_RULES"

    public enum Failure: Error, CustomStringConvertible {
        case notFound(tried: [String])
        case notADirectory(String)

        public var description: String {
            switch self {
            case .notFound(let tried):
                return "no rule directory found (tried \(tried.joined(separator: ", "))); pass --rules DIR or set $\(RulesLocator.environmentVariable)"
            case .notADirectory(let path):
                return "rule directory '\(path)' does not exist or is not a directory"
            }
        }
    }

    public static func locate(explicit: String?, environment: [String: String] = ProcessInfo.processInfo.environment,
                              executable: String? = executablePath) throws(Failure) -> String {
        if let explicit {
            guard isDirectory(explicit) else { throw .notADirectory(explicit) }
            return explicit
        }
        if let fromEnvironment = environment[environmentVariable], !fromEnvironment.isEmpty {
            guard isDirectory(fromEnvironment) else { throw .notADirectory(fromEnvironment) }
            return fromEnvironment
        }
        let candidates = bundledCandidates(executable: executable) + ["Rules"]
        for candidate in candidates where isDirectory(candidate) {
            return candidate
        }
        throw .notFound(tried: candidates)
    }

    /// Where a bundled `Rules/` may sit relative to the executable, for both the path as
    /// invoked and the path with symlinks resolved.
    static func bundledCandidates(executable: String?) -> [String] {
        guard let executable else { return [] }
        var binaries = [executable]
        let resolved = URL(fileURLWithPath: executable).resolvingSymlinksInPath().path
        if resolved != executable { binaries.append(resolved) }
        var out: [String] = []
        for binary in binaries {
            let bin = URL(fileURLWithPath: binary).deletingLastPathComponent()
            for relative in ["../share/inventa/Rules", "../../Rules", "../../../Rules"] {
                let path = bin.appendingPathComponent(relative).standardizedFileURL.path
                if !out.contains(path) { out.append(path) }
            }
        }
        return out
    }

    /// The running executable's path (Linux: `/proc/self/exe`).
    public static var executablePath: String? {
        if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return path }
        return Bundle.main.executablePath
    }

    static func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}
