#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import InventaModel

/// Finds e-mail addresses by scanning for `@` and reading outwards byte by byte.
///
/// Accepts an ASCII local part (`A–Z a–z 0–9 . _ % + -`, no leading, trailing or double dot,
/// at most 64 bytes) and a domain of at least two labels; labels may hold Swedish and other
/// Latin letters (IDN, `kommunen.åre.se`), the top-level domain is ASCII letters (≥ 2) or
/// punycode (`xn--…`). A trailing sentence dot is not part of the address.
///
/// Rejects: a local part with å/ä/ö or other non-ASCII letters (not valid in practice; the whole
/// address is dropped rather than cut after the letter), domains without a valid TLD.
///
/// Role and functional mailboxes (`info@`, `registrator@`, `noreply@`, `kontaktcenter@` …, see
/// `roleMailboxes`) are an organisation's, not a person's: they get the tag `role_mailbox` and
/// a base score of 0.20 instead of 0.90. A rule can drop them entirely with an allowlist pattern.
/// Normalised to lower case; masked as `a***@domain.se`.
public struct EmailMatcher: Matcher {
    public var name: String { "email" }
    public let roleMailboxes: Set<String>

    public static let defaultRoleMailboxes: Set<String> = [
        "info", "registrator", "registratur", "registrering", "kontaktcenter", "kontakt", "servicecenter", "medborgarservice",
        "noreply", "no-reply", "donotreply", "do-not-reply", "no_reply", "kommun", "kommunen", "kommunstyrelsen", "support",
        "helpdesk", "servicedesk", "ekonomi", "hr", "personal", "lon", "kundtjanst", "kundservice", "service", "post",
        "postmaster", "kansli", "reception", "vaxel", "order", "faktura", "fakturor", "bokning", "press", "media",
        "webmaster", "admin", "abuse", "it", "nyheter", "nyhetsbrev", "newsletter", "forvaltning", "upphandling",
        "bygglov", "miljo", "diarium", "arkiv", "expedition", "socialtjanst", "overformyndare", "sales", "contact",
    ]

    public init(roleMailboxes: Set<String> = EmailMatcher.defaultRoleMailboxes) {
        self.roleMailboxes = roleMailboxes
    }

    public func candidates(in text: UnsafeBufferPointer<UInt8>, visit: (Candidate) -> Void) {
        guard let base = text.baseAddress else { return }
        var index = 0
        while index < text.count, let hit = memchr(base + index, Int32(UInt8(ascii: "@")), text.count - index) {
            let at = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            index = at + 1
            guard let span = EmailParser.span(in: text, at: at) else { continue }
            index = span.upperBound
            visit(candidate(text, span: span, at: at))
        }
    }

    private func candidate(_ text: UnsafeBufferPointer<UInt8>, span: Range<Int>, at: Int) -> Candidate {
        let value = String(decoding: text[span], as: UTF8.self)
        guard at > span.lowerBound, !text[span].contains(where: { $0 >= 0x80 }) else {
            return candidate(text, value: value, span: span, at: at)
        }
        // An ASCII address (the usual case): lower-case bytes straight into each string's storage,
        // three strings instead of the seven that `lowercased()`, `prefix` and `+` build.
        let normalized = Self.lowered(text, span)
        let local = Self.lowered(text, span.lowerBound..<at)
        let isRole = isRoleMailbox(local)
        let domain = (at + 1)..<span.upperBound
        let masked = String(unsafeUninitializedCapacity: 5 + domain.count) { buffer in
            buffer[0] = Self.lower(text[span.lowerBound])
            for (offset, byte) in "***@".utf8.enumerated() { buffer[1 + offset] = byte }
            for offset in 0..<domain.count { buffer[5 + offset] = Self.lower(text[domain.lowerBound + offset]) }
            return 5 + domain.count
        }
        return Candidate(category: .email, span: span, value: value, normalized: normalized, masked: masked,
                         validation: .confirmed, checks: Self.checks, baseScore: isRole ? 0.20 : 0.90,
                         tags: isRole ? Self.roleTags : Self.noTags)
    }

    /// The general case (an IDN domain): Unicode lower-casing.
    private func candidate(_ text: UnsafeBufferPointer<UInt8>, value: String, span: Range<Int>, at: Int) -> Candidate {
        let local = String(decoding: text[span.lowerBound..<at], as: UTF8.self).lowercased()
        let domain = String(decoding: text[(at + 1)..<span.upperBound], as: UTF8.self)
        let isRole = isRoleMailbox(local)
        let masked = String(local.prefix(1)) + "***@" + domain.lowercased()
        return Candidate(category: .email, span: span, value: value, normalized: value.lowercased(), masked: masked,
                         validation: .confirmed, checks: Self.checks, baseScore: isRole ? 0.20 : 0.90,
                         tags: isRole ? Self.roleTags : Self.noTags)
    }

    private static func lower(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
    }

    /// `range` of ASCII `text` in lower case.
    private static func lowered(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        String(unsafeUninitializedCapacity: range.count) { buffer in
            for offset in 0..<range.count { buffer[offset] = lower(text[range.lowerBound + offset]) }
            return range.count
        }
    }

    // Shared constants: array literals here would allocate for every address.
    private static let checks = ["syntax", "tld"]
    private static let roleTags = ["role_mailbox"]
    private static let noTags: [String] = []

    /// The whole local part, or its first part before `.`, `-`, `_` or a digit, is a role name
    /// (`info`, `info.bygg`, `registrator-ks`, `post2`).
    func isRoleMailbox(_ local: String) -> Bool {
        if roleMailboxes.contains(local) { return true }
        let head = local.prefix { $0 != "." && $0 != "_" && $0 != "-" && !$0.isNumber }
        return head.count < local.count && roleMailboxes.contains(String(head))
    }
}
