/// Makes up people, officials, companies and identifiers from the datasets and
/// the seeded generator. Every identity number is a Skatteverket test number;
/// every other identifier is either checksum-valid for a clearly fictional
/// account or built not to be a valid personnummer.
struct Faker {
    var rng: SplitMix64
    let data: CorpusDatasets
    private let byDecade: [Int: [String]]

    /// Given names that are also common Swedish words, to test precision of name detection.
    static let wordFirstNames = ["Björn", "Sten", "Rosa", "Viola", "Siv", "Tor", "Vera", "Stig", "Dag", "Bo", "Hedda", "Sol"]
    static let wordLastNames = ["Berg", "Lind", "Ek", "Holm", "Strand", "Fors", "Ström", "Lund", "Dahl", "Björk", "Sjö", "Vall"]
    static let healthTerms = ["diabetes", "depression", "ångestsyndrom", "schizofreni", "ADHD", "autism", "demenssjukdom",
                              "alkoholberoende", "epilepsi", "bröstcancer", "KOL", "bipolär sjukdom", "hjärtsvikt", "psykos"]
    static let staffDomain = "exempelby.example.org"
    static let privateDomains = ["example.com", "example.net", "example.org"]
    /// Documented test card numbers (Visa, Mastercard, Amex test ranges).
    static let testCards = ["4111 1111 1111 1111", "4012 8888 8888 1881", "5555 5555 5555 4444",
                            "5105 1051 0510 5100", "3782 822463 10005", "4111111111111111", "5555555555554444"]

    init(seed: UInt64, data: CorpusDatasets) {
        rng = SplitMix64(seed: seed)
        self.data = data
        var decades: [Int: [String]] = [:]
        for number in data.personnummer {
            guard let year = Int(number.prefix(4)) else { continue }
            decades[year / 10 * 10, default: []].append(number)
        }
        byDecade = decades
    }

    // MARK: people

    /// A person born in `years`; about 5 % get a samordningsnummer instead of a personnummer.
    mutating func person(born years: ClosedRange<Int> = 1945...2000) -> Person {
        let female = rng.chance(0.5)
        var first = rng.pick(female ? data.femaleNames : data.maleNames)
        var last = rng.pick(data.lastNames)
        if rng.chance(0.08) { first = rng.pick(Faker.wordFirstNames) }
        if rng.chance(0.08) { last = rng.pick(Faker.wordLastNames) }
        if rng.chance(0.1) { last += "-" + rng.pick(data.lastNames) }
        let samordning = years.lowerBound < 2000 && rng.chance(0.05)
        let number = samordning ? rng.pick(data.samordningsnummer) : identityNumber(born: years)
        let (postcode, town) = rng.pick(data.postcodes)
        return Person(first: first, last: last, number: number, isSamordningsnummer: samordning,
                      street: street(), postcode: postcode, town: town, phone: phone(),
                      email: email(first: first, last: last, domain: rng.pick(Faker.privateDomains)))
    }

    /// A test personnummer born in `years`; avoids the years where `+` depends on the scan date.
    mutating func identityNumber(born years: ClosedRange<Int>) -> String {
        let decades = byDecade.keys.filter { $0 + 9 >= years.lowerBound && $0 <= years.upperBound }.sorted()
        for _ in 0..<50 {
            let list = byDecade[rng.pick(decades.isEmpty ? [1980] : decades)] ?? data.personnummer
            let number = rng.pick(list)
            if let year = Int(number.prefix(4)), years.contains(year), !(1923...1928).contains(year) { return number }
        }
        return rng.pick(data.personnummer)
    }

    mutating func street() -> String {
        let name = rng.pick(data.streetPrefixes) + rng.pick(data.streetSuffixes)
        var number = String(rng.int(1...199))
        if rng.chance(0.15) { number += rng.pick(["A", "B", "C"]) }
        return "\(name) \(number)"
    }

    /// A number from the fiction range 070-174 06 05 … 99, in one of the ways people write it.
    mutating func phone() -> String {
        let tail = rng.int(5...99)
        let two = tail < 10 ? "0\(tail)" : String(tail)
        switch rng.int(0...4) {
        case 0: return "070-174 06 \(two)"
        case 1: return "070-17406\(two)"
        case 2: return "07017406\(two)"
        case 3: return "+46 70 174 06 \(two)"
        default: return "070 174 06 \(two)"
        }
    }

    func email(first: String, last: String, domain: String) -> String {
        "\(Faker.asciiFold(first)).\(Faker.asciiFold(last))@\(domain)"
    }

    mutating func official() -> (name: String, email: String) {
        let person = person()
        return (person.fullName, email(first: person.first, last: person.last, domain: Faker.staffDomain))
    }

    static func asciiFold(_ text: String) -> String {
        let map: [Character: String] = ["å": "a", "ä": "a", "ö": "o", "é": "e", "ü": "u", "Å": "a", "Ä": "a", "Ö": "o", "É": "e"]
        return text.lowercased().map { map[$0] ?? String($0) }.joined().filter { $0.isLetter || $0 == "-" }
    }

    // MARK: identity number forms

    /// `number` (12 digits) in one of the forms seen on shares.
    mutating func written(_ number: String) -> String {
        let long = number
        let short = String(number.dropFirst(2))
        let year = Int(number.prefix(4)) ?? 1980
        let separator = year <= 1922 ? "+" : "-"
        let date = String(short.prefix(6)), tail = String(short.suffix(4))
        if separator == "+" { return rng.chance(0.8) ? "\(date)+\(tail)" : "\(long.prefix(8))-\(tail)" }
        switch rng.int(0...9) {
        case 0...3: return "\(date)-\(tail)"
        case 4: return "\(date)\(tail)"
        case 5: return long
        case 6, 7: return "\(long.prefix(8))-\(tail)"
        case 8: return "\(long.prefix(8)) \(tail)"
        default: return "\(date) \(tail)"
        }
    }

    // MARK: names as written

    mutating func writtenName(_ person: Person) -> String {
        switch rng.int(0...9) {
        case 0...5: return person.fullName
        case 6, 7: return "\(person.last), \(person.first)"
        case 8: return person.fullName.uppercased()
        default: return "\(person.last.uppercased()) \(person.first)"
        }
    }

    // MARK: organisations and accounts (not personal data unless a person's)

    /// A checksum-valid organisationsnummer (month digits ≥ 20, so never a valid personnummer).
    mutating func organisationsnummer() -> String {
        let body = rng.pick(["556", "559", "212", "802", "969"]) + rng.digits(6)
        return "\(body.prefix(6))-\(body.suffix(3))\(Checksums.luhnDigit(body))"
    }

    mutating func bankgiro() -> String {
        let body = rng.digits(rng.chance(0.5) ? 6 : 7)
        let number = body + String(Checksums.luhnDigit(body))
        return "\(number.dropLast(4))-\(number.suffix(4))"
    }

    mutating func plusgiro() -> String {
        let body = rng.digits(rng.int(5...7))
        let number = body + String(Checksums.luhnDigit(body))
        return "\(number.dropLast())-\(number.suffix(1))"
    }

    /// A Swedish IBAN with a valid check for a made-up account at bank code 500.
    mutating func iban() -> String {
        let bban = "5000000" + rng.digits(13)
        let compact = "SE" + Checksums.ibanCheck(country: "SE", bban: bban) + bban
        guard rng.chance(0.6) else { return compact }
        return stride(from: 0, to: compact.count, by: 4).map { start -> String in
            let from = compact.index(compact.startIndex, offsetBy: start)
            let to = compact.index(from, offsetBy: min(4, compact.count - start))
            return String(compact[from..<to])
        }.joined(separator: " ")
    }

    /// A type 1 bank account (clearing 5xxx, mod 11 over clearing and account).
    mutating func bankAccount() -> String {
        while true {
            let clearing = "5" + rng.digits(3)
            let account = rng.digits(6)
            guard let check = Checksums.mod11Digit(String(clearing.suffix(3)) + account) else { continue }
            let full = account + String(check)
            return rng.chance(0.5) ? "\(clearing)-\(full)" : "\(clearing) \(full.prefix(2)) \(full.dropFirst(2).prefix(3)) \(full.suffix(2))"
        }
    }

    /// A 10-digit reference number that is never a valid personnummer (month ≥ 20);
    /// about half pass Luhn by chance, as OCR numbers do.
    mutating func referenceNumber() -> String {
        let body = rng.digits(2) + String(rng.int(2...9)) + rng.digits(6)
        return body + String(rng.chance(0.5) ? Checksums.luhnDigit(body) : rng.int(0...9))
    }

    mutating func diarienummer(year: Int) -> String {
        let unit = rng.pick(["KS", "SN", "BUN", "MBN", "KFN"])
        return rng.chance(0.5) ? "\(unit) \(year)/\(rng.int(10...999))" : "\(unit) \(year).\(rng.int(1000...4999))"
    }

    mutating func date(year: Int) -> String {
        let month = rng.int(1...12), day = rng.int(1...28)
        return "\(year)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
    }

    mutating func amount() -> String {
        var digits = String(rng.int(100...2_000_000))
        var groups: [String] = []
        while digits.count > 3 {
            groups.insert(String(digits.suffix(3)), at: 0)
            digits.removeLast(3)
        }
        groups.insert(digits, at: 0)
        return groups.joined(separator: " ") + (rng.chance(0.5) ? " kr" : ",00 SEK")
    }

    static let companyWords = ["Bygg", "Städ", "Data", "Konsult", "Transport", "Måleri", "El", "VVS", "Kontorsvaror", "Catering", "Skog", "Trädgård"]

    mutating func company() -> String {
        rng.pick(data.streetPrefixes) + rng.pick(Faker.companyWords) + " " + rng.pick(["AB", "i Exempelby AB", "HB", "Aktiebolag"])
    }
}
