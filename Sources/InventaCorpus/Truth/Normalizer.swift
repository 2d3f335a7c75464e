import InventaModel

/// Canonical forms used to compare gold values with findings:
/// - identifiers (personnummer, samordningsnummer, bankgiro, plusgiro, bank
///   account, card, IBAN): digits only (IBAN: letters and digits, upper case);
///   a personnummer's 10-digit form is compared on its last 10 digits, since the
///   century is not written;
/// - phone numbers: digits, with a leading 46 or 0046 turned into 0;
/// - e-mail: lower case;
/// - names, addresses and sensitive terms: lower case, punctuation removed,
///   whitespace collapsed.
public enum Normalizer {
    public static func normalize(_ value: String, category: Category) -> String {
        switch category {
        case .personnummer, .samordningsnummer:
            return String(value.filter(\.isASCIIDigit).suffix(10))
        case .bankgiro, .plusgiro, .bankAccount, .paymentCard:
            return value.filter(\.isASCIIDigit)
        case .iban:
            return value.uppercased().filter { $0.isASCIIDigit || ($0.isASCII && $0.isLetter) }
        case .phone:
            var digits = value.filter(\.isASCIIDigit)
            if digits.hasPrefix("0046") { digits = "0" + digits.dropFirst(4) }
            else if digits.hasPrefix("46") { digits = "0" + digits.dropFirst(2) }
            return digits
        case .email:
            return value.lowercased().trimming(" <>")
        default:
            return words(value).joined(separator: " ")
        }
    }

    /// Lower-case words, punctuation dropped (`"SVENSSON, Anna"` → `["svensson", "anna"]`).
    public static func words(_ value: String) -> [String] {
        value.lowercased()
            .split { !($0.isLetter || $0.isNumber || $0 == "-") }
            .map(String.init)
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}

extension String {
    func trimming(_ set: String) -> String {
        var text = Substring(self)
        while let first = text.first, set.contains(first) { text = text.dropFirst() }
        while let last = text.last, set.contains(last) { text = text.dropLast() }
        return String(text)
    }
}
