/// A coarse confidence level derived from a finding's confidence in [0, 1].
/// Thresholds live in `LevelThresholds` so they can be configured and recorded.
public enum Level: String, Sendable, Codable, Comparable, CaseIterable {
    case low, medium, high

    private var rank: Int {
        switch self {
        case .low: return 0
        case .medium: return 1
        case .high: return 2
        }
    }

    public static func < (lhs: Level, rhs: Level) -> Bool { lhs.rank < rhs.rank }
}

/// Confidence cut-offs for `Level`. A finding at or above `high` is high, at or
/// above `medium` is medium, anything else is low.
public struct LevelThresholds: Sendable, Codable, Equatable {
    public var medium: Double
    public var high: Double

    public init(medium: Double = 0.5, high: Double = 0.8) {
        self.medium = medium
        self.high = high
    }

    public func level(for confidence: Double) -> Level {
        if confidence >= high { return .high }
        if confidence >= medium { return .medium }
        return .low
    }
}
