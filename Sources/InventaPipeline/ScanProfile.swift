import Foundation
import InventaCrawl
import TOMLKit

/// A scan profile: a TOML file that names what to scan and how, so a DPO runs the
/// same scan every month with `inventa scan --config kommun.toml`. Documented with
/// an example in `docs/examples/profile.toml`.
///
/// Validation is strict: an unknown key, a wrong type or an impossible value is an
/// error that names the file, the key, what is wrong and what to write instead,
/// because a typo silently ignored (`exclud = [...]`) would scan what the DPO meant
/// to leave out. Relative paths are resolved against the profile's folder.
/// Command-line options override the profile; the CLI does the merging.
public struct ScanProfile: Sendable, Equatable {
    public var path: String
    public var roots: [String] = []
    public var report: String?
    public var keyFile: String?
    public var rules: String?
    public var jobs: Int?
    public var excludes: [String] = []
    public var includes: [String] = []
    public var hidden: Bool?
    public var followSymlinks: Bool?
    public var oneFileSystem: Bool?
    public var maxFileSize: Int64?
    /// Per-file extraction limits (`[limits]`); nil where the profile leaves the default.
    public var maxDepth: Int?
    public var maxPages: Int?
    public var maxTextPerFile: Int64?
    public var timeoutPerFile: Double?
    public var verifyContent: Bool?
    /// `max_removed_share`: see `ScanOptions.maxRemovedShare`.
    public var maxRemovedShare: Double?
    /// `[ocr]`: scans and images (docs/decisions/0230-ocr.md); nil where the profile leaves the default.
    public var ocrEnabled: Bool?
    public var ocrMaxPages: Int?
    public var ocrLanguages: String?
    public var departments = DepartmentMap()

    public init(path: String) {
        self.path = path
    }

    /// Reads and validates the profile at `path`.
    public static func load(path: String) throws(ProfileError) -> ScanProfile {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ProfileError(file: path, key: nil, message: "cannot read the file", fix: "check the path given to --config")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ProfileError(file: path, key: nil, message: "not UTF-8 text", fix: "save the profile as UTF-8")
        }
        return try parse(text, path: path)
    }

    public static func parse(_ text: String, path: String) throws(ProfileError) -> ScanProfile {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw ProfileError(file: path, key: nil,
                               message: "line \(error.source.begin.line), column \(error.source.begin.column): \(error.description)",
                               fix: "fix the TOML syntax (see docs/examples/profile.toml)")
        } catch {
            throw ProfileError(file: path, key: nil, message: "not valid TOML", fix: "see docs/examples/profile.toml")
        }
        var reader = Reader(path: path, base: (path as NSString).deletingLastPathComponent)
        return try reader.profile(table)
    }

    /// Walks the TOML table key by key, so each error can name its key.
    private struct Reader {
        let path: String
        let base: String

        static let sections: [(name: String, keys: [String])] = [
            ("crawl", ["exclude", "include", "hidden", "follow_symlinks", "one_file_system"]),
            ("limits", Reader.limitKeys),
            ("departments", ["fallback"]),
            ("ocr", ["enabled", "max_pages", "languages"]),
        ]
        static let limitKeys = ["max_file_size", "max_depth", "max_pages", "max_text_per_file", "timeout_per_file"]
        static let topKeys = ["roots", "report", "key_file", "rules", "jobs", "verify_content", "max_removed_share", "crawl", "limits",
                              "departments", "department", "ocr"]

        mutating func profile(_ table: TOMLTable) throws(ProfileError) -> ScanProfile {
            try known(table, keys: Reader.topKeys, prefix: "")
            var profile = ScanProfile(path: path)
            profile.roots = try strings(table, "roots").map(resolve)
            profile.report = try string(table, "report").map(resolve)
            profile.keyFile = try string(table, "key_file").map(resolve)
            profile.rules = try string(table, "rules").map(resolve)
            if let rules = profile.rules {
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: rules, isDirectory: &isDirectory), isDirectory.boolValue else {
                    throw error("rules", "'\(rules)' is not a folder", "name the folder that holds the rule files")
                }
            }
            if let jobs = try int(table, "jobs") {
                guard (1...1024).contains(jobs) else { throw error("jobs", "\(jobs) is out of range", "use a number from 1 to 1024") }
                profile.jobs = jobs
            }
            profile.verifyContent = try bool(table, "verify_content")
            if let value = table["max_removed_share"] {
                guard let share = value.double ?? value.int.map(Double.init), (0...1).contains(share) else {
                    throw error("max_removed_share", "is not a share from 0 to 1", "write e.g. max_removed_share = 0.5")
                }
                profile.maxRemovedShare = share
            }
            if let crawl = try subtable(table, "crawl") {
                try known(crawl, keys: ["exclude", "include", "hidden", "follow_symlinks", "one_file_system"], prefix: "crawl.")
                profile.excludes = try strings(crawl, "exclude", prefix: "crawl.")
                profile.includes = try strings(crawl, "include", prefix: "crawl.")
                profile.hidden = try bool(crawl, "hidden", prefix: "crawl.")
                profile.followSymlinks = try bool(crawl, "follow_symlinks", prefix: "crawl.")
                profile.oneFileSystem = try bool(crawl, "one_file_system", prefix: "crawl.")
            }
            if let limits = try subtable(table, "limits") { try readLimits(limits, into: &profile) }
            if let ocr = try subtable(table, "ocr") {
                try known(ocr, keys: ["enabled", "max_pages", "languages"], prefix: "ocr.")
                profile.ocrEnabled = try bool(ocr, "enabled", prefix: "ocr.")
                if let pages = try int(ocr, "max_pages", prefix: "ocr.") {
                    guard pages >= 0 else { throw error("ocr.max_pages", "\(pages) is out of range", "use 0 or more") }
                    profile.ocrMaxPages = pages
                }
                if let languages = try string(ocr, "languages", prefix: "ocr.") {
                    guard !languages.isEmpty else { throw error("ocr.languages", "empty", "write e.g. languages = \"swe+eng\"") }
                    profile.ocrLanguages = languages
                }
            }
            var fallback = DepartmentMap.unknown
            if let departments = try subtable(table, "departments") {
                try known(departments, keys: ["fallback"], prefix: "departments.")
                if let name = try string(departments, "fallback", prefix: "departments."), !name.isEmpty { fallback = name }
            }
            profile.departments = DepartmentMap(rules: try departmentRules(table), fallback: fallback)
            return profile
        }

        /// `[limits]`: the crawl's file-size limit and the per-file extraction limits, each checked
        /// like its command-line option.
        func readLimits(_ limits: TOMLTable, into profile: inout ScanProfile) throws(ProfileError) {
            try known(limits, keys: Reader.limitKeys, prefix: "limits.")
            profile.maxFileSize = try size(limits, "max_file_size")
            profile.maxTextPerFile = try size(limits, "max_text_per_file")
            if let depth = try int(limits, "max_depth", prefix: "limits.") {
                guard (0...100).contains(depth) else { throw error("limits.max_depth", "\(depth) is out of range", "use a number from 0 to 100") }
                profile.maxDepth = depth
            }
            if let pages = try int(limits, "max_pages", prefix: "limits.") {
                guard pages >= 1 else { throw error("limits.max_pages", "\(pages) is out of range", "use 1 or more") }
                profile.maxPages = pages
            }
            if let value = limits["timeout_per_file"] {
                guard let seconds = value.double ?? value.int.map(Double.init) else {
                    throw error("limits.timeout_per_file", "expected a number, found \(value.type)", "write e.g. timeout_per_file = 120")
                }
                guard seconds > 0 else { throw error("limits.timeout_per_file", "\(seconds) is out of range", "use a number of seconds above 0") }
                profile.timeoutPerFile = seconds
            }
        }

        func size(_ table: TOMLTable, _ key: String) throws(ProfileError) -> Int64? {
            guard let text = try string(table, key, prefix: "limits.") else { return nil }
            guard let size = ByteSize.parse(text), size > 0 else {
                throw error("limits." + key, "'\(text)' is not a size", "write e.g. \"500M\" or \"2G\"")
            }
            return size
        }

        func departmentRules(_ table: TOMLTable) throws(ProfileError) -> [DepartmentMap.Rule] {
            guard let value = table["department"] else { return [] }
            guard let array = value.array else {
                throw error("department", "expected [[department]] tables, found \(value.type)",
                            "write one [[department]] block per rule with match = \"…\" and name = \"…\"")
            }
            var rules: [DepartmentMap.Rule] = []
            for (index, item) in array.enumerated() {
                let key = "department[\(index + 1)]"
                guard let rule = item.table else {
                    throw error(key, "expected a table, found \(item.type)", "write [[department]] with match and name")
                }
                try known(rule, keys: ["match", "name"], prefix: key + ".")
                guard let pattern = try string(rule, "match", prefix: key + "."), !pattern.isEmpty else {
                    throw error(key + ".match", "missing", "add match = \"//fs01/soc/**\" (a path prefix or glob)")
                }
                guard let name = try string(rule, "name", prefix: key + "."), !name.isEmpty else {
                    throw error(key + ".name", "missing", "add name = \"Socialförvaltningen\"")
                }
                rules.append(DepartmentMap.Rule(pattern: pattern, department: name))
            }
            return rules
        }

        func resolve(_ path: String) -> String {
            if path.hasPrefix("/") || path.hasPrefix("~") || base.isEmpty { return path }
            var relative = path
            while relative.hasPrefix("./") { relative.removeFirst(2) }
            return base + "/" + relative
        }

        func error(_ key: String, _ message: String, _ fix: String) -> ProfileError {
            ProfileError(file: path, key: key, message: message, fix: fix)
        }

        func known(_ table: TOMLTable, keys: [String], prefix: String) throws(ProfileError) {
            for key in table.keys where !keys.contains(key) {
                if prefix.isEmpty, let section = Reader.sections.first(where: { $0.keys.contains(key) })?.name {
                    throw error(key, "belongs in the [\(section)] section", "move it below a [\(section)] line")
                }
                let guess = keys.min { distance($0, key) < distance($1, key) }
                let hint = guess.map { distance($0, key) <= 3 ? "did you mean '\(prefix)\($0)'?" : nil } ?? nil
                throw error(prefix + key, "unknown key", hint ?? "allowed here: \(keys.joined(separator: ", "))")
            }
        }

        func subtable(_ table: TOMLTable, _ key: String) throws(ProfileError) -> TOMLTable? {
            guard let value = table[key] else { return nil }
            guard let sub = value.table else { throw error(key, "expected a table, found \(value.type)", "write [\(key)] on its own line") }
            return sub
        }

        func string(_ table: TOMLTable, _ key: String, prefix: String = "") throws(ProfileError) -> String? {
            guard let value = table[key] else { return nil }
            guard let text = value.string else { throw error(prefix + key, "expected a string, found \(value.type)", "put the value in double quotes") }
            return text
        }

        func int(_ table: TOMLTable, _ key: String, prefix: String = "") throws(ProfileError) -> Int? {
            guard let value = table[key] else { return nil }
            guard let number = value.int else { throw error(prefix + key, "expected an integer, found \(value.type)", "write a whole number, e.g. \(key) = 4") }
            return number
        }

        func bool(_ table: TOMLTable, _ key: String, prefix: String = "") throws(ProfileError) -> Bool? {
            guard let value = table[key] else { return nil }
            guard let flag = value.bool else { throw error(prefix + key, "expected true or false, found \(value.type)", "write \(key) = true or \(key) = false") }
            return flag
        }

        func strings(_ table: TOMLTable, _ key: String, prefix: String = "") throws(ProfileError) -> [String] {
            guard let value = table[key] else { return [] }
            if let single = value.string { return [single] }
            guard let array = value.array else {
                throw error(prefix + key, "expected a list of strings, found \(value.type)", "write \(key) = [\"…\", \"…\"]")
            }
            var items: [String] = []
            for (index, item) in array.enumerated() {
                guard let text = item.string else {
                    throw error("\(prefix)\(key)[\(index + 1)]", "expected a string, found \(item.type)", "put the value in double quotes")
                }
                items.append(text)
            }
            return items
        }

        /// Edit distance, for "did you mean" hints on misspelt keys.
        func distance(_ a: String, _ b: String) -> Int {
            let a = Array(a), b = Array(b)
            var row = Array(0...b.count)
            for i in 1...max(a.count, 1) where !a.isEmpty {
                var previous = row[0]
                row[0] = i
                for j in stride(from: 1, through: b.count, by: 1) {
                    let current = row[j]
                    row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] == b[j - 1] ? 0 : 1))
                    previous = current
                }
            }
            return a.isEmpty ? b.count : row[b.count]
        }
    }
}

/// A profile problem: which file, which key, what is wrong, what to do. One line.
public struct ProfileError: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var key: String?
    public var message: String
    public var fix: String

    public var description: String {
        let place = key.map { "\(file): key '\($0)'" } ?? file
        return "\(place): \(message); \(fix)"
    }
}

/// Parses sizes such as `1500`, `500K`, `200M`, `2G` (binary multiples).
public enum ByteSize {
    public static func parse(_ text: String) -> Int64? {
        let trimmed = text.trimmingCharacters(in: .whitespaces).uppercased().replacingOccurrences(of: "B", with: "")
        guard let last = trimmed.last else { return nil }
        let multipliers: [Character: Int64] = ["K": 1 << 10, "M": 1 << 20, "G": 1 << 30, "T": 1 << 40]
        if let multiplier = multipliers[last] {
            return Int64(trimmed.dropLast()).map { $0 * multiplier }
        }
        return Int64(trimmed)
    }
}
