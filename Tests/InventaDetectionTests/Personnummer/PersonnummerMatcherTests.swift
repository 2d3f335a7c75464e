import InventaDetection
import InventaModel
import Testing

@Suite struct PersonnummerMatcherTests {
    static let matcher: PersonnummerMatcher = {
        do { return try PersonnummerMatcher(rulesDirectory: Bundled.rulesDirectory, today: Bundled.today) } catch { fatalError("\(error)") }
    }()

    static func candidates(_ text: String) -> [Candidate] {
        var copy = text
        var found: [Candidate] = []
        copy.withUTF8 { bytes in matcher.candidates(in: bytes) { found.append($0) } }
        return found
    }

    @Test(arguments: [
        ("720107-9295", 0.80, Category.personnummer),
        ("19720107-9295", 0.90, .personnummer),
        ("197201079295", 0.75, .personnummer),
        ("720107 9295", 0.70, .personnummer),
        ("7201079295", 0.60, .personnummer),
        ("900101+9802", 0.80, .personnummer),
        ("800166-2397", 0.80, .samordningsnummer),
    ])
    func baseScoreByWrittenForm(value: String, base: Double, category: Category) throws {
        let candidate = try #require(Self.candidates("x \(value) y").first)
        #expect(candidate.validation == .confirmed)
        #expect(candidate.baseScore == base)
        #expect(candidate.category == category)
    }

    @Test(arguments: [("720107-9296", "checksum"), ("720230-9281", "impossible_date"), ("559900-0006", "organisationsnummer")])
    func rejectedShapesAreReportedAsRejected(value: String, reason: String) throws {
        let candidate = try #require(Self.candidates(value).first)
        #expect(candidate.validation == .rejected)
        #expect(candidate.checks.contains(reason) || candidate.checks.contains("checksum"))
    }

    @Test func skatteverketTestNumbersAreTagged() throws {
        #expect(Self.matcher.testIdentities.count > 40_000)
        #expect(try #require(Self.candidates("720107-9295").first).tags == ["test_identity"])
        let finding = try #require(Bundled.detection.detect("Pnr 720107-9295").first)
        #expect(finding.evidence.tags == ["test_identity"])
    }

    @Test func maskKeepsTheBirthDate() {
        #expect(PersonnummerMatcher.mask("720107-9295") == "720107-****")
        #expect(PersonnummerMatcher.mask("197201079295") == "19720107****")
    }
}
