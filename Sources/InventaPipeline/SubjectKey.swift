import InventaDetection

/// Turns what a DPO types for a data subject access request (registerutdrag) into the
/// normalised value the detectors hashed, so `inventa subject` finds the person by
/// keyed hash without any cleartext in the report:
/// - a personnummer or samordningsnummer in any written form (10 or 12 digits, with
///   `-`, `+`, a space or nothing) → 12 digits with century, validated exactly as the
///   personnummer detector does (`PersonnummerValidator`);
/// - a name → lower case, words separated by single spaces (the name detector's form).
public enum SubjectKey {
    /// The 12-digit form, or why the text is not a valid personnummer.
    public static func personnummer(_ text: String, today: CivilDate = .today) -> Result<String, SubjectKeyError> {
        let trimmed = text.trimmingCharacters()
        var digits: [UInt8] = []
        var separator: UInt8?
        for byte in trimmed.utf8 {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digits.append(byte)
            case UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: " "):
                guard separator == nil, digits.count == 6 || digits.count == 8 else { return .failure(.malformed(text)) }
                separator = byte
            default: return .failure(.malformed(text))
            }
        }
        switch PersonnummerValidator(today: today).validate(digits: digits, separator: separator) {
        case .success(let number): return .success(number.normalized)
        case .failure(let rejection): return .failure(.invalid(text, reason: rejection.rawValue))
        }
    }

    /// Lower-cased, trimmed, single-spaced.
    public static func name(_ text: String) -> String {
        text.lowercased().split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}

public enum SubjectKeyError: Error, Sendable, Equatable, CustomStringConvertible {
    case malformed(String)
    case invalid(String, reason: String)

    public var description: String {
        switch self {
        case .malformed(let text):
            return "'\(text)' is not a personnummer: write it as ÅÅMMDD-NNNN, ÅÅÅÅMMDDNNNN or similar (or use --name)"
        case .invalid(let text, let reason):
            return "'\(text)' is not a valid personnummer or samordningsnummer (\(reason)): check the digits"
        }
    }
}

private extension String {
    func trimmingCharacters() -> String {
        var text = Substring(self)
        while text.first?.isWhitespace == true { text.removeFirst() }
        while text.last?.isWhitespace == true { text.removeLast() }
        return String(text)
    }
}
