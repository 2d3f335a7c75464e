import Testing
@testable import InventaDetection

@Suite struct NameTokenizerTests {
    private func tokens(_ s: String) -> [(String, NameToken)] {
        let bytes = Array(s.utf8)
        return bytes.withUnsafeBufferPointer { buf in
            NameTokenizer.tokenize(buf).map { (String(decoding: bytes[$0.start..<$0.end], as: UTF8.self), $0) }
        }
    }

    @Test func initialsPossessivesAndCompounds() {
        let t = tokens("C-O. Olsson och Ruderfors’ bil, mejl anna.berg@example.se")
        #expect(t.map(\.0) == ["C-O.", "Olsson", "och", "Ruderfors’", "bil", ",", "mejl", "anna.berg@example.se"])
        #expect(t[0].1.kind == .initial)
        #expect(t[3].1.flags.contains(.possessive))
        #expect(t[7].1.kind == .compound && t[7].1.flags.contains(.email))
    }

    @Test func caseAndLineFlags() {
        let t = tokens("Åsa ÖDMARK\nAnna-Karin. Det\n\nPer")
        #expect(t[0].1.flags.contains(.capitalised) && t[0].1.flags.contains(.sentenceInitial))
        #expect(t[1].1.flags.contains(.allCaps))
        #expect(t[2].1.flags.contains(.newlineBefore) && t[2].1.flags.contains(.hyphenated))
        #expect(t[4].0 == "Det" && t[4].1.flags.contains(.sentenceInitial))
        #expect(t[5].1.flags.contains(.blankLineBefore))
    }

    /// A tab is whitespace that also marks a cell boundary; a name never spans one.
    @Test func tabsMarkCellBoundaries() {
        let t = tokens("Namn: Anna Svensson\tPersonnummer")
        #expect(t.map(\.0) == ["Namn", ":", "Anna", "Svensson", "Personnummer"])
        #expect(t[4].1.flags.contains(.tabBefore) && !t[3].1.flags.contains(.tabBefore))
        #expect(!t[4].1.flags.contains(.attached))
    }

    /// Long runs without whitespace or with only capitals stay linear and yield no name.
    @Test func pathologicalInputStaysBounded() {
        let dotted = String(repeating: "A.B", count: 50_000)
        let t = tokens(dotted)
        #expect(t.allSatisfy { $0.1.kind != .word || $0.0.count < 300 })
        let caps = String(repeating: "ANNA SVENSSON ", count: 20_000)
        var found = 0
        var bytes = Array(caps.utf8)
        bytes.withUnsafeMutableBufferPointer { buf in
            ShippedNames.matcher.candidates(in: UnsafeBufferPointer(buf)) { _ in found += 1 }
        }
        #expect(found == 0) // 40,000 capitalised words in one run: a heading, not a name
    }

    @Test func lowercaseMapsSwedishLettersWithoutChangingLength() {
        #expect(String(decoding: NameText.lowercased("ÅSA ÖDMARK-ÄNG É"), as: UTF8.self) == "åsa ödmark-äng é")
        #expect(FNV1a.foldedHash(bytes: NameText.lowercased("Öström")) == FNV1a.hash("ostrom"))
    }

    /// The eight-bytes-at-a-time ASCII path agrees with per-character lower-casing, also around
    /// `@ [ ` { ~` (the bytes next to A–Z) and where Latin-1 letters break the ASCII blocks.
    @Test func lowercaseFastPathMatchesPerCharacter() {
        let text = "KONTAKT: ANNA SVENSSON @[`{~ Åsa ÖDMARK, Per Ek ÄNGELHOLM 0123456789 AZaz@[ XYZ ÉÈ" + String(repeating: "QwErTy ", count: 9)
        let expected = String(text.map { c -> Character in
            c.isASCII || "ÅÄÖÉÈ".contains(c) ? Character(c.lowercased()) : c
        })
        #expect(String(decoding: NameText.lowercased(text), as: UTF8.self) == expected)
    }
}
