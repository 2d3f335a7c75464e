/// Repairs the at-sign of an e-mail address as the Swedish model misreads it on scans:
/// `(0`, `Q0`, `(@`, `©`, `®` between a local part and a domain (`anna.berg(0example.se`,
/// measured on scanned forms). Only a whitespace-free token with no `@` of its own whose
/// rest after the misreading is a domain (labels of letters, digits and hyphens, a dot, a
/// top-level label of 2–6 letters) is changed, so text that is no address stays as read.
/// Runs on OCR units only, after `OCRDigitRepair`.
enum OCRAtSignRepair {
    private static let misreadings: [[Character]] = [["(", "0"], ["Q", "0"], ["(", "@"], ["©"], ["®"]]

    static func repair(_ text: String) -> String {
        guard text.contains(".") else { return text }
        var changed = false
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            let tokens = line.split(separator: " ", omittingEmptySubsequences: false).map { token -> String in
                guard let fixed = repairToken(Array(token)) else { return String(token) }
                changed = true
                return fixed
            }
            return tokens.joined(separator: " ")
        }
        return changed ? lines.joined(separator: "\n") : text
    }

    private static func repairToken(_ token: [Character]) -> String? {
        guard token.count >= 6, !token.contains("@") else { return nil }
        for misreading in misreadings {
            var i = 1
            while i + misreading.count < token.count {
                if Array(token[i..<(i + misreading.count)]) == misreading {
                    let local = token[..<i], domain = token[(i + misreading.count)...]
                    if isLocalPart(local) && isDomain(Array(domain)) { return String(local) + "@" + String(domain) }
                }
                i += 1
            }
        }
        return nil
    }

    private static func isLocalPart(_ part: ArraySlice<Character>) -> Bool {
        part.allSatisfy { ($0.isASCII && ($0.isLetter || $0.isNumber)) || "._%+-".contains($0) }
    }

    private static func isDomain(_ domain: [Character]) -> Bool {
        var body = domain
        while let last = body.last, ".,;:)".contains(last) { body.removeLast() } // sentence punctuation
        let labels = body.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2, let tld = labels.last, (2...6).contains(tld.count), tld.allSatisfy({ $0.isASCII && $0.isLetter }) else {
            return false
        }
        return labels.allSatisfy { label in
            !label.isEmpty && label.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
        }
    }
}
