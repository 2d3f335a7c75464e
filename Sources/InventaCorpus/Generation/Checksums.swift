/// Check digits for the synthetic identifiers: Luhn (personnummer, bankgiro,
/// plusgiro, organisationsnummer, cards, OCR references), IBAN mod 97 and the
/// Swedish bank-account mod 11.
enum Checksums {
    /// The digit that makes `digits + d` pass Luhn.
    static func luhnDigit(_ digits: String) -> Int {
        var sum = 0
        for (index, char) in digits.reversed().enumerated() {
            var value = char.wholeNumberValue ?? 0
            if index % 2 == 0 {
                value *= 2
                if value > 9 { value -= 9 }
            }
            sum += value
        }
        return (10 - sum % 10) % 10
    }

    static func luhnValid(_ digits: String) -> Bool {
        guard let last = digits.last?.wholeNumberValue else { return false }
        return luhnDigit(String(digits.dropLast())) == last
    }

    /// The two IBAN check digits for `country` (e.g. "SE") and `bban`.
    static func ibanCheck(country: String, bban: String) -> String {
        let rearranged = bban + country + "00"
        var remainder = 0
        for char in rearranged {
            let chunk: String
            if let digit = char.wholeNumberValue {
                chunk = String(digit)
            } else {
                chunk = String(Int(char.asciiValue! - 55))
            }
            for digit in chunk { remainder = (remainder * 10 + digit.wholeNumberValue!) % 97 }
        }
        let check = 98 - remainder
        return check < 10 ? "0\(check)" : String(check)
    }

    /// Mod 11 over `digits` with weights 1, 2, …, 10, 1, … from the right (type 1
    /// accounts, comment 1); nil when no digit 0–9 completes it.
    static func mod11Digit(_ digits: String) -> Int? {
        let weights = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]
        var sum = 0
        for (index, char) in digits.reversed().enumerated() {
            sum += (char.wholeNumberValue ?? 0) * weights[(index + 1) % 10]
        }
        for digit in 0...9 where (sum + digit) % 11 == 0 { return digit }
        return nil
    }
}
