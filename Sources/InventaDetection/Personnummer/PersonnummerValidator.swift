import InventaModel

/// Decides whether a personnummer-shaped string is a personnummer or samordningsnummer.
///
/// Rules (Skatteverket, SKV 704):
/// - Luhn check digit over the ten-digit form YYMMDDNNN + C;
/// - a real calendar date (no 31 February; 29 February only in leap years);
/// - samordningsnummer: day + 60; day 60 and month 00 are accepted because Skatteverket
///   uses them when the birth day or month is unknown;
/// - ten-digit forms: `-` (or none, or a space) means under 100 years old, `+` means 100 or
///   older, which fixes the century; twelve-digit forms carry the century, and a `+` must agree;
/// - a birth number (the three digits after the date) of 001–999: 000 is never issued;
/// - no birth date in the future;
/// - a third digit of 2 or more (month ≥ 20) is an organisationsnummer, as is a twelve-digit
///   number starting `16`: never reported as a personnummer.
public struct PersonnummerValidator: Sendable {
    public var today: CivilDate

    public init(today: CivilDate = .today) {
        self.today = today
    }

    /// Validates `digits` (10 or 12 ASCII digits, separator removed) written with `separator`
    /// (`-`, `+`, ` ` or nil).
    public func validate(digits: [UInt8], separator: UInt8?) -> Result<Personnummer, PersonnummerRejection> {
        guard digits.count == 10 || digits.count == 12, digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else {
            return .failure(.malformed)
        }
        // Digit values read in place (no arrays): this runs for every shaped number in the text.
        let offset = digits.count - 10
        func short(_ index: Int) -> Int { Int(digits[offset + index] &- 0x30) }
        if digits.count == 12 && digits[0] == UInt8(ascii: "1") && digits[1] == UInt8(ascii: "6") { return .failure(.organisationsnummer) }
        if short(2) >= 2 { return .failure(.organisationsnummer) }
        guard Luhn.isValid(digits[offset...].lazy.map { $0 &- 0x30 }) else { return .failure(.checksum) }
        // Birth number 000 is never issued (the serial runs 001–999).
        if short(6) == 0 && short(7) == 0 && short(8) == 0 { return .failure(.birthNumber) }

        let yy = short(0) * 10 + short(1)
        let month = short(2) * 10 + short(3)
        var day = short(4) * 10 + short(5)
        let isCoordination = day >= 60
        if isCoordination { day -= 60 }
        guard plausible(month: month, day: day, coordination: isCoordination) else { return .failure(.impossibleDate) }

        let plus = separator == UInt8(ascii: "+")
        let year: Int
        if digits.count == 12 {
            let century = Int(digits[0] &- 0x30) * 10 + Int(digits[1] &- 0x30)
            guard century >= 18 && century <= 20 else { return .failure(.impossibleDate) }
            year = century * 100 + yy
        } else {
            year = resolveYear(yy: yy, month: month, day: day, plus: plus)
        }
        let earliest = CivilDate(year: year, month: max(month, 1), day: max(day, 1))
        if month > 0 && day > 0 && !earliest.isValid { return .failure(.impossibleDate) }
        if month > 0 && day > CivilDate.daysIn(month: month, year: year) { return .failure(.impossibleDate) }
        if earliest > today { return .failure(.futureDate) }
        if plus && digits.count == 12 && earliest > today.addingYears(-100) { return .failure(.centuryMismatch) }

        // Century and the ten digits written straight into one small string (two strings and a
        // concatenation cost more than the rest of the validation).
        let century = year / 100
        let normalized = String(unsafeUninitializedCapacity: 12) { out in
            out[0] = UInt8(ascii: "0") + UInt8(century / 10)
            out[1] = UInt8(ascii: "0") + UInt8(century % 10)
            for index in 0..<10 { out[2 + index] = digits[offset + index] }
            return 12
        }
        return .success(Personnummer(normalized: normalized, isSamordningsnummer: isCoordination,
                                     birthDate: CivilDate(year: year, month: month, day: day)))
    }

    /// Month 1–12 and day 1–31; a samordningsnummer may also use month 0 and day 0 (written 60).
    private func plausible(month: Int, day: Int, coordination: Bool) -> Bool {
        let monthOK = (1...12).contains(month) || (coordination && month == 0)
        let dayOK = (1...31).contains(day) || (coordination && day == 0)
        return monthOK && dayOK
    }

    /// The birth year of a ten-digit number: the latest year ending in `yy` that makes the
    /// person under 100 (`-`) or at least 100 (`+`) years old today.
    private func resolveYear(yy: Int, month: Int, day: Int, plus: Bool) -> Int {
        let limit = plus ? today.addingYears(-100) : today
        var year = limit.year - ((limit.year - yy) % 100 + 100) % 100
        if CivilDate(year: year, month: max(month, 1), day: max(day, 1)) > limit { year -= 100 }
        return year
    }
}
