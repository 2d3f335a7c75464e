import Testing
@testable import InventaDetection

/// The SWAR scan must find exactly the digit runs a byte-by-byte scan finds, wherever they
/// fall relative to the eight-byte words, next to multi-byte characters and at the ends.
struct DigitRunsTests {
    @Test(arguments: [
        "«1»", "«0»abcdefgh«9»", "abcdefg«12345678»h", "åäö«7»ÅÄÖ«0»/:«99»", "«2»«0»",
        "Sammanträdet «2019»-«03»-«12» kl «14».«00» om «2» «600» «000» kr",
        "no digits at all, only letters and ÅÄÖ åäö é ü — ”quotes”",
        "\u{7F}\u{80}/:«5»", "xxxxxxxxxxxxxxx«1»", "«1234567890123456789012345»",
        // Prose is skipped 32 bytes at a time: exact multiples, runs right after and just before.
        String(repeating: "a", count: 32), String(repeating: "b", count: 64) + "«42»",
        String(repeating: "c", count: 33) + "«1»" + String(repeating: "d", count: 31) + "«2»",
    ])
    func findsEveryRun(_ example: String) {
        let marked = MarkedText(example)
        var merged: [Range<Int>] = []
        for span in marked.spans {
            if let last = merged.last, last.upperBound == span.lowerBound {
                merged[merged.count - 1] = last.lowerBound..<span.upperBound
            } else {
                merged.append(span)
            }
        }
        #expect(digitRuns(in: marked.text) == merged)
    }

    @Test func matchesAByteByByteScanOnEveryAlignment() {
        let sample = "Dnr 2019/73, tel 070-174 06 05; 9 ÄÖ 12:30 0 x, protokollet justerades utan anmärkningar 7"
        for shift in 0..<33 {
            let text = String(repeating: "é", count: shift) + sample
            var expected: [Range<Int>] = []
            let bytes = Array(text.utf8)
            var index = 0
            while index < bytes.count {
                guard bytes[index] >= 0x30 && bytes[index] <= 0x39 else { index += 1; continue }
                var end = index
                while end < bytes.count && bytes[end] >= 0x30 && bytes[end] <= 0x39 { end += 1 }
                expected.append(index..<end)
                index = end
            }
            #expect(digitRuns(in: text) == expected)
        }
    }

    /// The index's 64-byte SIMD sweep (`forEachRun`) finds the same runs as the eight-byte one, on
    /// generated texts of every length around the 64-byte blocks (runs across block edges, at
    /// the very start and end, a text of digits only).
    @Test func simdSweepFindsTheSameRuns() {
        let alphabet = Array("0123456789 a-/é".utf8)
        var generator = SplitMix(seed: 7)
        func next() -> UInt64 { generator.next() }
        var texts: [[UInt8]] = [[], Array(repeating: 0x35, count: 64), Array(repeating: 0x35, count: 200),
                                Array(repeating: 0x61, count: 128) + [0x31]]
        for _ in 0..<3_000 {
            // Runs of digits and of other bytes, so that runs are long enough to cross blocks.
            var text: [UInt8] = []
            let length = Int(next() % 300)
            while text.count < length {
                let piece = Int(next() % 70)
                let digit = next() % 2 == 0
                for _ in 0..<piece { text.append(digit ? alphabet[Int(next() % 10)] : alphabet[10 + Int(next() % 6)]) }
            }
            texts.append(text)
        }
        for text in texts {
            text.withUnsafeBufferPointer { bytes in
                var swept: [Range<Int>] = []
                var simd: [Range<Int>] = []
                DigitRuns.forEach(in: bytes) { start, end in swept.append(start..<end); return end }
                DigitRuns.forEachRun(in: bytes) { start, end in simd.append(start..<end) }
                if simd != swept { Issue.record("\(text): \(simd) != \(swept)") }
            }
        }
    }

    /// The engine finds the runs once (`DigitRunIndex`); iterating them must call a matcher's body
    /// exactly as the sweep does, also when the body resumes inside or after later runs.
    @Test(arguments: [0, 1, 3, 7])
    func indexedRunsCallTheBodyAsTheSweepDoes(skip: Int) {
        var text = "Pnr 850101-2382, tel 070-174 06 05, konto 5000-123 45 60, 12 34 56-6; "
        text += String(repeating: "inget nummer här ", count: 3) + "2019/73 2 600 000 kr"
        func calls(indexed: Bool) -> [[Int]] {
            var seen: [[Int]] = []
            text.withUTF8 { bytes in
                let body = { (start: Int, end: Int) -> Int in
                    seen.append([start, end])
                    return seen.count % 2 == 0 ? end + skip : end   // sometimes resume further on
                }
                if indexed {
                    DigitRuns.forEach(in: bytes, runs: DigitRunIndex(bytes), body)
                } else {
                    DigitRuns.forEach(in: bytes, body)
                }
            }
            return seen
        }
        #expect(calls(indexed: true) == calls(indexed: false))
        #expect(!calls(indexed: false).isEmpty)
    }
}
