import InventaDetection
import InventaModel
import Testing

/// The density step: a unit full of personnummer-shaped numbers where only a chance
/// fraction validate is a table of reference numbers; the valid ones are lowered.
@Suite struct DensityTests {
    /// Ten-digit numbers that fail Luhn (check digit + 1), and Skatteverket test numbers.
    static let invalid = (0..<27).map { index -> String in
        let base = 720101 + index
        return "\(base)-12\(index % 10)\(index % 7)"
    }.filter { !isLuhnValid($0) }
    static let valid = ["720107-9295", "720118-9268", "720203-9272"]

    static func isLuhnValid(_ value: String) -> Bool {
        let digits = value.utf8.filter { $0 >= 0x30 && $0 <= 0x39 }.map { Int($0 - 0x30) }
        var sum = 0
        for (offset, digit) in digits.reversed().enumerated() {
            let doubled = offset % 2 == 1 ? digit * 2 : digit
            sum += doubled > 9 ? doubled - 9 : doubled
        }
        return sum % 10 == 0
    }

    @Test func chanceFractionIsLowered() throws {
        #expect(Self.invalid.count >= 20)
        let table = (Self.invalid + Self.valid).map { "Rad;\($0);levererad" }.joined(separator: "\n")
        let found = Bundled.detection.detect(table).filter { $0.category == .personnummer }
        #expect(found.count == 3)
        for finding in found {
            #expect(finding.evidence.steps.contains { $0.hasPrefix("density -0.40 (3 of \(Self.invalid.count + 3) numbers") })
            #expect(finding.level == .low)
        }
    }

    @Test func aRealListOfPeopleIsNotTouched() throws {
        let rows = ["720107-9295", "720118-9268", "720203-9272", "720224-9285", "720330-9286", "050101-2389",
                    "050101-2397", "050102-2388", "19720107-9295", "19720118-9268", "720107-9296"]
        let found = Bundled.detection.detect(rows.map { "Elev;\($0)" }.joined(separator: "\n"))
        #expect(found.filter { $0.category == .personnummer }.count == 10)
        #expect(found.allSatisfy { !$0.evidence.steps.contains { $0.hasPrefix("density") } })
    }
}
