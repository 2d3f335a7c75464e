import ArgumentParser
import Foundation
import InventaDetection
import InventaModel

/// `inventa bench-detect` (hidden): detection throughput on already-extracted text.
/// Builds synthetic Swedish municipal text (filler prose, Skatteverket test
/// personnummer, fiction-range phone numbers, dates, amounts, case numbers, sensitive
/// terms), then runs the full detection stage with every rule enabled on one thread
/// and prints MB/s per core. A measurement, not a test: run it with a release build
/// (`scripts/bench-detect`).
struct BenchDetectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-detect",
        abstract: "Measure detection throughput (MB/s per core) on synthetic extracted text.",
        shouldDisplay: false
    )

    @OptionGroup var rulesOption: RulesOption

    @Option(name: .long, help: "Megabytes of text to detect in per round.")
    var megabytes: Int = 32

    @Option(name: .long, help: "Text unit size in bytes (the plain-text extractor uses 1 MiB; documents give smaller units).")
    var unitSize: [Int] = [1 << 20, 16 << 10, 1 << 10]

    @Option(name: .long, help: "Rounds per unit size; the best is reported.")
    var rounds: Int = 3

    @Option(name: .long, help: "One identifier/sensitive specimen per this many filler sentences (4: dense; 20: closer to ordinary documents).")
    var specimenEvery: Int = 4

    func run() throws {
        let detection = try rulesOption.detection(options: EngineOptions(today: CivilDate(year: 2026, month: 1, day: 1)))
        let rules = detection.engine.ruleSet.enabledRules.count
        print("rules: \(rules) enabled from \(detection.engine.ruleSet.directory)")
        let text = SyntheticText.generate(bytes: megabytes << 20, specimenEvery: max(1, specimenEvery))
        for size in unitSize {
            let units = SyntheticText.units(of: text, size: size)
            var bestCPU = 0.0
            var bestWall = 0.0
            var findings = 0
            for _ in 0..<max(1, rounds) {
                let wallStart = DispatchTime.now().uptimeNanoseconds
                let cpuStart = Self.threadCPUSeconds()
                var count = 0
                for unit in units { count += detection.detect(unit).count }
                let cpu = Self.threadCPUSeconds() - cpuStart
                let wall = Double(DispatchTime.now().uptimeNanoseconds - wallStart) / 1e9
                bestCPU = max(bestCPU, Double(text.utf8.count) / 1e6 / cpu)
                bestWall = max(bestWall, Double(text.utf8.count) / 1e6 / wall)
                findings = count
            }
            print(String(format: "unit %7d bytes: %7.1f MB/s per core (CPU time), %7.1f MB/s wall (%d units, %d findings, %.1f MB)",
                         size, bestCPU, bestWall, units.count, findings, Double(text.utf8.count) / 1e6))
        }
    }
}

extension BenchDetectCommand {
    /// CPU time of the calling thread: on a shared machine wall time also counts other
    /// processes' turns, CPU time only ours ("per core").
    static func threadCPUSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}

/// Deterministic synthetic Swedish text for the benchmark. Identifiers are synthetic:
/// personnummer from Skatteverket's test list, phones from the fiction range 070-174 06 05…99.
enum SyntheticText {
    static let filler = [
        "Kommunstyrelsen beslutade att godkänna förslaget till budget för nästa år.",
        "Ärendet har beretts av förvaltningen och diskuterades vid sammanträdet.",
        "Enligt avtalet ska leverantören fakturera kvartalsvis med 30 dagars betalningsvillkor.",
        "Skolan planerar en temadag om hållbar utveckling tillsammans med föräldraföreningen.",
        "Protokollet justerades utan anmärkningar och anslogs på kommunens webbplats.",
        "Socialnämnden följer upp verksamhetens kvalitet genom egenkontroll och brukarenkäter.",
        "Fastighetsavdelningen har påbörjat renoveringen av ventilationen i kommunhuset.",
        "Medarbetarsamtalen genomförs under våren och dokumenteras i personalsystemet.",
    ]
    static let specimens = [
        "Personnummer: 720107-9295. ", "Kontaktperson nås på 070-174 06 05. ", "Datum 2018-04-10. ",
        "Belopp 2 600 000 kr. ", "Dnr KS 2019/73. ", "Fakturanr: 1804101234. ", "Eleven har diagnosen adhd. ",
        "Uppgift om skyddad identitet finns. ", "Han är misstänkt för stöld. ", "Org.nr 559900-0006. ",
        "Pnr 19720118-9268 ", "sjukskriven sedan mars. ",
    ]

    static func generate(bytes: Int, specimenEvery: Int) -> String {
        var out = ""
        out.reserveCapacity(bytes + 256)
        var state: UInt64 = 0x9E3779B97F4A7C15
        func next() -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(state >> 33)
        }
        while out.utf8.count < bytes {
            out += filler[next() % filler.count] + " "
            if next() % specimenEvery == 0 { out += specimens[next() % specimens.count] }
            if next() % 6 == 0 { out += "\n" }
        }
        return out
    }

    /// Splits `text` into units of about `size` bytes at line or space boundaries.
    static func units(of text: String, size: Int) -> [TextUnit] {
        var units: [TextUnit] = []
        var current = Substring(text)
        while !current.isEmpty {
            var end = current.utf8.index(current.startIndex, offsetBy: min(size, current.utf8.count))
            while end < current.endIndex && current[end] != " " && current[end] != "\n" { end = current.index(after: end) }
            units.append(TextUnit(text: String(current[..<end])))
            current = current[end...]
        }
        return units
    }
}
