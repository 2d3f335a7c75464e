// Mutation fuzzer for the extractors, in process: takes seed files, mutates them the ways
// hostile or damaged files differ from good ones (flipped bytes, cuts, hostile 32-bit
// values where sector numbers, lengths and offsets live, repeated stretches) and runs
// every mutant through the same front door as a scan (`Extraction.extract(bytes:)`).
// A crash stops the process (see below for replaying it); a mutant that takes longer than
// `--hang` seconds is written and the run fails.
//
//   inventa-fuzz-extract [--iterations N] [--seconds S] [--seed X] [--out DIR] [--hang S] [--no-ocr] [--target NAME] SEED-FILE...
//
// `--target NAME` (pdf, docx, odt, rtf, html, csv, text, eml, mbox, zip, doc, xls, ppt, msg, …)
// adds every file of Tests/InventaExtractionTests/Fixtures/NAME/good as a seed, so one parser
// is fuzzed per run without listing its seeds by hand (run from the package root).
//
// Prints executions, outcomes by kind and the slowest mutant. See docs/fuzzing.md.
import Foundation
import InventaExtraction
import InventaModel

struct SplitMix {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func below(_ n: Int) -> Int { n <= 0 ? 0 : Int(next() % UInt64(n)) }
}

let hostileWords: [UInt32] = [0, 1, 2, 0x7F, 0x80, 0xFF, 0x1FF, 0x200, 0xFFFF, 0x1_0000, 0x7FFF_FFFF, 0x8000_0000,
                              0xFFFF_FFFA, 0xFFFF_FFFC, 0xFFFF_FFFD, 0xFFFF_FFFE, 0xFFFF_FFFF]

func mutate(_ seed: [UInt8], _ random: inout SplitMix) -> [UInt8] {
    var bytes = seed
    guard !bytes.isEmpty else { return bytes }
    for _ in 0..<(1 + random.below(4)) {
        switch random.below(6) {
        case 0, 1: // flip a few bytes
            for _ in 0..<(1 + random.below(8)) { bytes[random.below(bytes.count)] = UInt8(truncatingIfNeeded: random.next()) }
        case 2: // a hostile 32-bit value at an aligned offset (sector numbers, sizes, offsets)
            let at = random.below(max(1, bytes.count / 4)) * 4
            if at + 4 <= bytes.count {
                let value = random.below(3) == 0 ? UInt32(truncatingIfNeeded: at / 512) : hostileWords[random.below(hostileWords.count)]
                for k in 0..<4 { bytes[at + k] = UInt8(truncatingIfNeeded: value >> (8 * UInt32(k))) }
            }
        case 3: // a hostile 16-bit value (record lengths, counts)
            guard bytes.count >= 2 else { continue }
            let at = random.below(bytes.count - 1)
            let value: UInt16 = [0, 1, 0x7FFF, 0x8000, 0xFFFF, 0x2020][random.below(6)]
            bytes[at] = UInt8(value & 0xFF)
            bytes[at + 1] = UInt8(value >> 8)
        case 4: // cut
            bytes.removeSubrange(random.below(bytes.count)...)
            if bytes.isEmpty { return bytes }
        default: // repeat a stretch
            let start = random.below(bytes.count)
            let length = min(bytes.count - start, 1 + random.below(1024))
            let at = random.below(bytes.count)
            bytes.replaceSubrange(at..<min(bytes.count, at + length), with: bytes[start..<(start + length)])
        }
    }
    return bytes
}

var iterations = Int.max, seconds = 60.0, seedValue: UInt64 = 1, out = "/tmp/inventa-fuzz", hang = 10.0, ocr = true
var seeds: [(name: String, bytes: [UInt8])] = []
var arguments = CommandLine.arguments.dropFirst()
while let argument = arguments.popFirst() {
    switch argument {
    case "--iterations": iterations = Int(arguments.popFirst() ?? "") ?? iterations
    case "--seconds": seconds = Double(arguments.popFirst() ?? "") ?? seconds
    case "--seed": seedValue = UInt64(arguments.popFirst() ?? "") ?? seedValue
    case "--out": out = arguments.popFirst() ?? out
    case "--hang": hang = Double(arguments.popFirst() ?? "") ?? hang
    case "--no-ocr": ocr = false // image pages end needs_ocr: PDF mutants then cost poppler's parse, not tesseract's
    case "--target":
        let name = arguments.popFirst() ?? ""
        let folder = "Tests/InventaExtractionTests/Fixtures/\(name)/good"
        guard let files = try? FileManager.default.contentsOfDirectory(atPath: folder), !files.isEmpty else {
            FileHandle.standardError.write(Data("inventa-fuzz-extract: no seeds in \(folder); run from the package root with a fixture folder's name\n".utf8))
            exit(2)
        }
        for file in files.sorted() {
            if let data = FileManager.default.contents(atPath: "\(folder)/\(file)") { seeds.append((file, Array(data))) }
        }
    default:
        guard let data = FileManager.default.contents(atPath: argument) else {
            FileHandle.standardError.write(Data("inventa-fuzz-extract: cannot read \(argument)\n".utf8))
            exit(2)
        }
        seeds.append(((argument as NSString).lastPathComponent, Array(data)))
    }
}
guard !seeds.isEmpty else {
    FileHandle.standardError.write(Data("usage: inventa-fuzz-extract [--iterations N] [--seconds S] [--seed X] [--out DIR] [--hang S] [--no-ocr] [--target NAME] SEED-FILE...\n".utf8))
    exit(2)
}
try? FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)

// A crash cannot be handled safely in Swift; instead the run is deterministic for a given --seed
// and seed files, and progress is printed every 10 000 executions, so a crash is replayed with
// --iterations just past the last progress line.
var limits = ExtractionLimits(timeoutSeconds: hang)
if !ocr { limits.ocr.mode = .off }
let extraction = Extraction(limits: limits)
var random = SplitMix(state: seedValue)
var outcomes: [String: Int] = [:]
var slowest = (seconds: 0.0, index: 0)
let started = Date()
var executions = 0
while executions < iterations, Date().timeIntervalSince(started) < seconds {
    let seed = seeds[executions % seeds.count]
    let mutant = mutate(seed.bytes, &random)
    let start = Date()
    let result = extraction.extract(bytes: mutant, name: seed.name) { _ in }
    let took = Date().timeIntervalSince(start)
    if took > slowest.seconds { slowest = (took, executions) }
    if took > hang {
        let path = "\(out)/hang-\(executions)-\(seed.name)"
        _ = FileManager.default.createFile(atPath: path, contents: Data(mutant))
        print("hang: \(took) s on mutant \(executions) of \(seed.name), written to \(path)")
        exit(1)
    }
    let kind: String
    switch result.outcome {
    case .scanned: kind = "scanned"
    case .partial: kind = "partial"
    case .skipped(let why): kind = "skipped \(why)"
    case .failed(let why): kind = "failed " + String(why.prefix(while: { $0 != ":" }))
    }
    outcomes[kind, default: 0] += 1
    executions += 1
    if executions % 10_000 == 0 {
        FileHandle.standardOutput.write(Data("… \(executions)\n".utf8))
    }
}
let elapsed = Date().timeIntervalSince(started)
print("executions: \(executions) in \(String(format: "%.0f", elapsed)) s (\(String(format: "%.0f", Double(executions) / elapsed))/s), seed \(seedValue), no crash, no hang over \(hang) s")
print("slowest mutant: \(String(format: "%.3f", slowest.seconds)) s (number \(slowest.index))")
for (kind, count) in outcomes.sorted(by: { $0.value > $1.value }).prefix(8) { print("  \(count)\t\(kind)") }
