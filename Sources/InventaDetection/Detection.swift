import InventaModel

/// The detection stage: runs every detector over a text unit, keeps the matches
/// that start in the unit's owned range, resolves overlaps (the more confident
/// finding wins), and stamps each finding with its location and container member.
public struct Detection: Sendable {
    public var detectors: [any Detector]

    public init(detectors: [any Detector]) {
        self.detectors = detectors
    }

    /// The built-in detector set.
    public static func standard(today: CivilDate = .today, thresholds: LevelThresholds = LevelThresholds()) -> Detection {
        Detection(detectors: [PersonnummerDetector(today: today, thresholds: thresholds)])
    }

    public func detect(_ unit: TextUnit) -> [Finding] {
        var text = unit.text
        var findings: [Finding] = text.withUTF8 { bytes in
            var found: [Finding] = []
            for detector in detectors { detector.detect(in: bytes, findings: &found) }
            return found
        }
        findings.removeAll { !unit.ownedRange.contains($0.span.lowerBound) }
        findings = OverlapResolver.resolve(findings)
        stamp(&findings, unit: unit, text: text)
        return findings
    }

    /// Sets location (with the finding's own line for line-numbered units) and member path.
    private func stamp(_ findings: inout [Finding], unit: TextUnit, text: String) {
        guard !findings.isEmpty else { return }
        guard let baseLine = unit.location.line else {
            for index in findings.indices {
                findings[index].location = unit.location
                findings[index].member = unit.member
            }
            return
        }
        var text = text
        text.withUTF8 { utf8 in
            var line = baseLine
            var cursor = 0
            for index in findings.indices {
                let start = findings[index].span.lowerBound
                while cursor < start && cursor < utf8.count {
                    if utf8[cursor] == 0x0A { line += 1 }
                    cursor += 1
                }
                findings[index].location = unit.location
                findings[index].location.line = line
                findings[index].member = unit.member
            }
        }
    }
}
