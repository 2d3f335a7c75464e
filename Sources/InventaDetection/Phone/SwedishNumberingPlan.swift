/// The parts of the Swedish numbering plan (PTS) that phone matching needs: which
/// prefixes exist and how many digits a number with that prefix has. Numbers are
/// handled in national form with the trunk `0` (e.g. `0701740605`).
///
/// What is deliberately left out: M2M (`071`), paging (`074`), `075` and `078` series,
/// which are not numbers people write as their phone number.
enum SwedishNumberingPlan {
    enum Kind: String, Sendable {
        case mobile
        case landline
        /// Non-geographic company numbers (`0771`, `020` free phone): organisations', not people's.
        case service
    }

    struct Prefix: Equatable {
        /// Digits of the area code or mobile prefix including the trunk `0`.
        var length: Int
        var kind: Kind
        /// Allowed total digit counts including the trunk `0`.
        var totals: ClosedRange<Int>
    }

    /// Two-digit area codes (after the `0`) with three-digit prefixes, e.g. `031` Göteborg.
    /// Every other geographic area code in 01–06 and 09 has four digits (`0910`, `0771` …).
    private static let threeDigitAreas: [Bool] = (0..<100).map {
        [10, 11, 13, 16, 18, 19, 21, 23, 26, 31, 33, 35, 36, 40, 42, 44, 46, 54, 60, 63, 90].contains($0)
    }

    /// The prefix of a national number (`digits` are values 0–9, starting with the trunk 0),
    /// or nil when no phone number starts like this.
    static func prefix<Digits: RandomAccessCollection<UInt8>>(of digits: Digits) -> Prefix? where Digits.Index == Int {
        guard digits.count >= 3, digits[0] == 0 else { return nil }
        let first = digits[1]
        let second = digits[2]
        switch first {
        case 0:
            return nil
        case 8:
            return Prefix(length: 2, kind: .landline, totals: 8...10)
        case 7:
            switch second {
            case 0, 2, 3, 6, 9: return Prefix(length: 3, kind: .mobile, totals: 10...10)
            case 7: return Prefix(length: 4, kind: .service, totals: 9...10)
            default: return nil
            }
        case 2 where second == 0:
            return digits.count > 3 && digits[3] == 0
                ? Prefix(length: 4, kind: .service, totals: 10...10)
                : Prefix(length: 3, kind: .service, totals: 9...10)
        default:
            let pair = Int(first) * 10 + Int(second)
            if threeDigitAreas[pair] {
                return Prefix(length: 3, kind: .landline, totals: pair == 10 ? 10...10 : 8...10)
            }
            return Prefix(length: 4, kind: .landline, totals: 9...10)
        }
    }
}
