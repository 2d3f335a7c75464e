import Testing
@testable import InventaDetection

/// Addresses use made-up people at `example.se` style or invented municipal domains.
struct EmailMatcherTests {
    let matcher = EmailMatcher()

    @Test(arguments: [
        "Skicka till «anna.svensson@example.se» i dag.",
        "Mejl: «Anna.Svensson@Example.SE».",
        "«per_olsson+nyhet@mail.exempelkommun.se»",
        "IDN: «kalle@kommunen.åre.se» fungerar",
        "Två: «a.b@example.se», «c-d@example.org»",
        "<«test.person@example.com»>",
        "(«sven@exempel.nu»)",
        "Citat ”«sven@exempel.nu»” och mailto:«eva@exempel.nu».",
        "Punycode «eva@xn--re-2ka.se»",
        "Slutet på meningen «lisa@example.se».Nästa mening",
        // Invalid local parts and domains.
        "åsa.berg@example.se",
        "Jöns@example.se",
        "anna..svensson@example.se",
        "anna.@example.se",
        "anna@localhost",
        "anna@example.s",
        "anna@example.123",
        "anna@-example.se",
        "@example.se",
        "Twitter @kommunen",
        // The shared collision cases (`CollisionCases`) are appended below.
        "Postnummer 123 45",
    ] + CollisionCases.all)
    func finds(_ example: String) {
        let marked = MarkedText(example)
        #expect(candidates(of: matcher, in: marked.text).map(\.span) == marked.spans)
    }

    @Test(arguments: [
        ("info@exempelkommun.se", true), ("registrator@exempelkommun.se", true), ("kontaktcenter@exempelkommun.se", true),
        ("noreply@exempelkommun.se", true), ("no-reply@exempelkommun.se", true), ("servicecenter@exempelkommun.se", true),
        ("kommun@exempelkommun.se", true), ("support@example.se", true), ("ekonomi@exempelkommun.se", true),
        ("hr@exempelkommun.se", true), ("kundtjanst@example.se", true), ("post@exempelkommun.se", true),
        ("kansli@exempelkommun.se", true), ("info.bygg@exempelkommun.se", true), ("registrator-ks@exempelkommun.se", true),
        ("anna.svensson@exempelkommun.se", false), ("information.anna@example.se", false), ("hrafn@example.se", false),
    ])
    func tagsRoleMailboxes(_ address: String, _ isRole: Bool) throws {
        let found = try #require(firstCandidate(of: matcher, in: "Adress: \(address)"))
        #expect(found.tags.contains("role_mailbox") == isRole)
        #expect(found.baseScore == (isRole ? 0.20 : 0.90))
    }

    @Test func normalisesAndMasks() throws {
        let found = try #require(firstCandidate(of: matcher, in: "Anna.Svensson@Kommunen.Åre.SE"))
        #expect(found.normalized == "anna.svensson@kommunen.åre.se")
        #expect(found.masked == "a***@kommunen.åre.se")
    }

    /// ASCII addresses take a byte-level path; it must give what Unicode lower-casing gives.
    @Test(arguments: [
        ("Anna.Svensson@Exempelkommun.SE", "anna.svensson@exempelkommun.se", "a***@exempelkommun.se", false),
        ("INFO@EXEMPEL.SE", "info@exempel.se", "i***@exempel.se", true),
        ("Z_9+x@a-b.Example.Org", "z_9+x@a-b.example.org", "z***@a-b.example.org", false),
    ])
    func normalisesAndMasksASCII(_ address: String, _ normalized: String, _ masked: String, _ isRole: Bool) throws {
        let found = try #require(firstCandidate(of: matcher, in: "E-post: \(address)."))
        #expect(found.value == address)
        #expect(found.normalized == normalized)
        #expect(found.normalized == address.lowercased())
        #expect(found.masked == masked)
        #expect(found.tags.contains("role_mailbox") == isRole)
    }
}
