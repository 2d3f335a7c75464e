/// Which files `inventa report files` (and `retention`) lists: every condition given
/// must hold. Built from the command line; turned into SQL with bound parameters only.
public struct FileFilter: Sendable, Equatable {
    public var department: String?
    /// At least this risk (`medium` lists medium and high).
    public var minimumRisk: String?
    /// Has at least one finding of this category.
    public var category: String?
    /// Not modified for at least this many seconds.
    public var olderThan: Double?
    /// The detected format, e.g. `docx`.
    public var format: String?
    /// Only files with personal data (at least one finding).
    public var withFindings = false

    public init(department: String? = nil, minimumRisk: String? = nil, category: String? = nil,
                olderThan: Double? = nil, format: String? = nil, withFindings: Bool = false) {
        self.department = department
        self.minimumRisk = minimumRisk
        self.category = category
        self.olderThan = olderThan
        self.format = format
        self.withFindings = withFindings
    }

    static let risks = ["none", "low", "medium", "high"]

    /// SQL conditions on `files f` and their values, in order.
    func sql(now: Double) -> (conditions: [String], values: [String]) {
        var conditions: [String] = []
        var values: [String] = []
        if let department {
            conditions.append("f.department = ?")
            values.append(department)
        }
        if let minimumRisk, let index = FileFilter.risks.firstIndex(of: minimumRisk) {
            conditions.append("f.risk IN (\(FileFilter.risks[index...].map { "'\($0)'" }.joined(separator: ",")))")
        }
        if let category {
            conditions.append("EXISTS (SELECT 1 FROM findings x WHERE x.file_id = f.id AND x.category = ?)")
            values.append(category)
        }
        if let olderThan { conditions.append("f.mtime < \(now - olderThan)") }
        if let format {
            conditions.append("f.format = ?")
            values.append(format)
        }
        if withFindings { conditions.append("f.findings > 0") }
        return (conditions, values)
    }
}
