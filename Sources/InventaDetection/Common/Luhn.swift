/// The Luhn (mod 10) check used by personnummer, organisationsnummer, bankgiro,
/// plusgiro and payment cards.
public enum Luhn {
    /// True when the last digit is the Luhn check digit of the ones before it.
    /// `digits` holds digit values 0–9, not ASCII.
    public static func isValid<C: Collection>(_ digits: C) -> Bool where C.Element == UInt8 {
        guard digits.count >= 2 else { return false }
        var sum = 0
        // Forward, so no reversed copy is made: the leftmost digit is doubled when the count is even.
        var double = digits.count % 2 == 0
        for digit in digits {
            var value = Int(digit)
            if double {
                value *= 2
                if value > 9 { value -= 9 }
            }
            sum += value
            double.toggle()
        }
        return sum % 10 == 0
    }
}
