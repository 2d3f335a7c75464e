import InventaDetection
import InventaModel
import InventaRules
import Testing

/// The engine with rules built in code: scoring steps, context, allowlists, prefilter,
/// organisationsnummer suppression, overlap resolution, thresholds.
@Suite struct RuleEngineTests {
    static let pnr = makeRule("se.personnummer", .personnummer, .builtin("personnummer"),
                              context: ContextSpec(positive: ["pnr"], negative: ["kundnr"]))
    static let tenDigitPhone = makeRule("test.phone", .phone, .regex(pattern: #"\b0?\d{9,10}\b|\b\d{6}-\d{4}\b"#, group: 0),
                                        confidence: 0.5)

    @Test func scoreStepsAreRecordedInOrder() throws {
        let detection = try makeDetection([Self.pnr])
        let finding = try #require(detection.detect("Pnr 720107-9295").first)
        #expect(finding.evidence.steps == ["base 0.80 (matcher)", "validation confirmed (luhn, date)", "context +0.15 (label pnr)",
                                           "final 0.95", "level high"])
        #expect(finding.evidence.context == ["+pnr"])
        #expect(abs(finding.confidence - 0.95) < 1e-9)
        #expect(finding.rule == "se.personnummer")
        #expect(finding.masked == "720107-****")
        #expect(finding.normalized == "197201079295")
    }

    @Test func negativeContextLowersAndClampsAndThresholdsAreConfigurable() throws {
        let options = EngineOptions(thresholds: LevelThresholds(medium: 0.3, high: 0.9), today: Bundled.today, minimumConfidence: 0)
        let detection = try makeDetection([Self.pnr], options: options)
        let finding = try #require(detection.detect("Kundnr 720107-9295").first)
        #expect(finding.evidence.steps.contains("context -0.35 (label kundnr)"))
        #expect(abs(finding.confidence - 0.45) < 1e-9)
        #expect(finding.level == .medium)
    }

    @Test func ruleConfidenceOverridesTheMatchersScore() throws {
        var rule = Self.pnr
        rule.confidence = 0.55
        let finding = try #require(try makeDetection([rule]).detect("720107-9295").first)
        #expect(finding.evidence.steps.first == "base 0.55 (rule)")
        #expect(finding.level == .medium)
    }

    @Test func allowlistedValuesAreNeverReported() throws {
        var rule = Self.pnr
        rule.allowlist = Allowlist(values: ["197201079295"], patterns: ["^19720118"])
        let detection = try makeDetection([rule])
        #expect(detection.detect("720107-9295 och 19720118-9268").isEmpty)
        #expect(detection.detect("720203-9272").count == 1)
    }

    @Test func prefilterKeywordsGateARule() throws {
        let rule = makeRule("kommun.dnr", .bankAccount, .regex(pattern: #"[A-Z]{2,3} \d{4}/\d+"#, group: 0), confidence: 0.6,
                            keywords: ["dnr", "diarienummer"])
        let detection = try makeDetection([rule])
        #expect(detection.detect("Ärendet KS 2019/73 avslutades.").isEmpty)
        let found = detection.detect("DNR: KS 2019/73")
        #expect(found.map(\.value) == ["KS 2019/73"])
        #expect(found.first?.masked == "KS ****/**")
    }

    @Test func regexCaptureGroupIsTheValue() throws {
        let rule = makeRule("kommun.case", .criminal, .regex(pattern: #"(?i)ärende(?:nummer)?:? ?(\d{4}-\d{3})"#, group: 1),
                            confidence: 0.6)
        let found = try makeDetection([rule]).detect("Ärendenummer: 2019-073 och ÄRENDE 2020-001")
        #expect(found.map(\.value) == ["2019-073", "2020-001"])
    }

    @Test func organisationsnummerSuppressesOverlappingFindings() throws {
        let detection = try makeDetection([Self.tenDigitPhone])
        #expect(detection.detect("Org.nr 5599000006").isEmpty)
        #expect(detection.detect("Org.nr 559900-0006").isEmpty)
        #expect(detection.detect("Ring 0701740605").map(\.category) == [.phone])
    }

    @Test func aPersonnummerIsNeverAlsoAPhoneNumber() throws {
        let detection = try makeDetection([Self.pnr, Self.tenDigitPhone])
        let found = detection.detect("Uppgift: 720107-9295.")
        #expect(found.map(\.category) == [.personnummer])
    }

    @Test func overlapPrefersHigherConfidenceThenLongerSpan() throws {
        let short = makeRule("t.short", .health, .phrases(["identitet"], source: nil), confidence: 0.3)
        let long = makeRule("t.long", .protectedIdentity, .phrases(["skyddad identitet"], source: nil), confidence: 0.3)
        let found = try makeDetection([short, long]).detect("Har skyddad identitet.")
        #expect(found.map(\.value) == ["skyddad identitet"])
    }

    @Test func disabledRulesDoNotRun() throws {
        var rule = Self.pnr
        rule.enabled = false
        #expect(try makeDetection([rule]).detect("720107-9295").isEmpty)
    }

    @Test func onlyFindingsStartingInTheOwnedRangeAreKept() throws {
        let detection = try makeDetection([Self.pnr])
        let text = "720107-9295 och 720203-9272"
        let unit = TextUnit(text: text, ownedRange: 5..<text.utf8.count)
        #expect(detection.detect(unit).map(\.value) == ["720203-9272"])
    }

    @Test func findingsCarryTheirLine() throws {
        let detection = try makeDetection([Self.pnr])
        let unit = TextUnit(text: "a\nb\n720107-9295", location: Location(line: 10))
        #expect(detection.detect(unit).first?.location.line == 12)
    }

    @Test func belowTheReportingFloorIsDropped() throws {
        let detection = try makeDetection([Self.pnr])
        // Ten bare digits (0.60) under a negative word (−0.35) = 0.25: kept as a hint at the default floor 0.20.
        #expect(detection.detect("Kundnr 7201079295").first?.level == .low)
        let strict = try makeDetection([Self.pnr], options: EngineOptions(today: Bundled.today, minimumConfidence: 0.3))
        #expect(strict.detect("Kundnr 7201079295").isEmpty)
    }
}
