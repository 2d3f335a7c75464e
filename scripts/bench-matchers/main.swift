// Micro-benchmark for the built-in matchers: MB/s per matcher on text without candidates and
// on text with a candidate every few hundred bytes. Built and run by scripts/bench-matchers.sh
// (the sources are compiled into one optimised module; no package changes needed).
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

func now() -> Double {
    var spec = timespec()
    clock_gettime(CLOCK_MONOTONIC, &spec)
    return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
}

let prose = """
Socialnämnden behandlade ärendet vid sammanträdet och beslutade att återremittera frågan till \
förvaltningen för vidare utredning. Handläggaren redogjorde för bakgrunden och de synpunkter som \
inkommit från medborgare, föreningar och andra myndigheter under remisstiden. Nämnden noterade att \
budgeten för verksamhetsåret är ansträngd och att prioriteringar behöver göras i samråd med berörda. \

"""
let numbers = """
Sammanträdet 2019-03-12 kl 14.00 behandlade 12 ärenden om totalt 2 600 000 kr, dnr KS 2019/73, \
punkt 4 och 5 i protokollet, bilaga 3 sidan 17 av 42. Budget 2020: 1 250 000 kr, utfall 98,5 %. \

"""
let seeded = """
Kontakta handläggaren på 070-174 06 05 eller anna.svensson@exempelkommun.se. Betala till bankgiro \
5050-1238 eller IBAN SE45 5000 0000 0583 9825 7466. Kort 4111 1111 1111 1111. Konto 5000-123 45 60. \
Adress Björkvägen 12, 123 47 Farsta. Org.nr 556677-8899. Datum 2018-04-10, belopp 2 600 000 kr. \

"""

func corpus(_ paragraph: String, bytes: Int) -> [UInt8] {
    let unit = Array(paragraph.utf8)
    var out: [UInt8] = []
    out.reserveCapacity(bytes + unit.count)
    while out.count < bytes { out += unit }
    return out
}

let rulesDirectory = CommandLine.arguments.count > 1 ? CommandLine.arguments[1] : "Rules"
let size = 64 << 20
let texts = [
    ("prose, no candidates", corpus(prose, bytes: size)),
    ("prose + numbers", corpus(prose + numbers, bytes: size)),
    ("prose + candidates", corpus(prose + seeded, bytes: size)),
]
var matchers: [any Matcher] = [
    PhoneMatcher(), EmailMatcher(), IBANMatcher(), BankgiroMatcher(), PlusgiroMatcher(), BankAccountMatcher(),
    PaymentCardMatcher(), OrganisationsnummerMatcher(),
]
do {
    let start = now()
    matchers.append(try AddressMatcher(rulesDirectory: rulesDirectory))
    print("address: postcode gazetteer loaded in \(Int(((now() - start) * 1000).rounded())) ms")
} catch {
    print("address: \(error)")
}

print("matcher               text                       MB/s   candidates")
for matcher in matchers {
    for (label, text) in texts {
        var best = Double.infinity
        var found = 0
        for _ in 0..<3 {
            found = 0
            let start = now()
            text.withUnsafeBufferPointer { buffer in matcher.candidates(in: buffer) { _ in found += 1 } }
            best = min(best, now() - start)
        }
        let rate = Double(text.count) / 1e6 / best
        let name = matcher.name.padding(toLength: 21, withPad: " ", startingAt: 0)
        let kind = label.padding(toLength: 24, withPad: " ", startingAt: 0)
        print("\(name) \(kind) \(String(Int(rate.rounded())).leftPadded(7))   \(found)")
    }
}

extension String {
    func leftPadded(_ width: Int) -> String { String(repeating: " ", count: max(0, width - count)) + self }
    func padding(toLength length: Int, withPad pad: String, startingAt _: Int) -> String {
        count >= length ? String(prefix(length)) : self + String(repeating: pad, count: length - count)
    }
}
