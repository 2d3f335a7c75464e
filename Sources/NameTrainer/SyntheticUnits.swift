import Foundation

/// Generates labelled municipal-style texts (case notes, minutes, e-mails, class lists,
/// invoices) from the shipped name lists and templates. Every person is a random
/// combination of a first name and a surname (or an invented surname built from
/// common surname parts), so no real person is described. Organisation, place,
/// agency and calendar words that look like names are included as negatives.
///
/// Template syntax: `{P}` full name (a person span), `{F}` first name alone, `{L}`
/// surname alone, `{R}` surname-first `Svensson, Anna`, `{I}` initial + surname,
/// `{PS}` possessive full name, `{PN}` a name split by a line break, `{PV}` a name with a
/// particle, `{LL}` the previous full name's surname alone, `{RC}` `SVENSSON Anna`; `{ROLE}`, `{LABEL}`, `{PLACE}`,
/// `{AGENCY}`, `{MONTH}`, `{N}`, `{PART}` (a participle: `Attesterad`), `{AUTHORITY}`, `{ABBR}` (a committee:
/// `KFN`), `{STREET}`, `{POSTCODE}`, `{TOWN}`, `{CO}` (a trade name: `NorrEl`) and `{PNR}` (an invalid
/// personnummer) are filler. Spans are recorded while the text is built.
struct SyntheticUnits {
    var random: SeededRandom
    let firstNames: [String]
    let surnames: [String]
    let ambiguous = ["Björn", "Ek", "Lind", "Rosa", "Sten", "Hans", "Inga", "Bo", "Per", "Dag", "Liv", "Maj", "Klara",
                     "Berg", "Holm", "Ros", "Viola", "Siv", "Ulf", "Åsa", "Eva", "Stig", "Vera", "Hjalmar"]
    let places: [String]
    let agencies: [String]
    let surnameParts = (["Lind", "Berg", "Ek", "Alm", "Sjö", "Ny", "Strand", "Hag", "Ås", "Gran", "Björk", "Dahl", "Holm",
                         "Lund", "Sand", "Sten", "Wall", "Ljung", "Fors", "Back", "Öst", "Norr", "Väst", "Ros", "Hed", "Mal", "Rudd", "Tall"],
                        ["berg", "ström", "qvist", "kvist", "gren", "lund", "holm", "lin", "ell", "ius", "man", "dahl", "stedt",
                         "blad", "mark", "borg", "sjö", "vall", "näs", "fors", "hammar", "bäck", "skog", "ling", "green", "ér", "én"])
    /// Nature words that are also surnames, for `{NOUN} och {noun}` negatives.
    let nouns = ["björk", "ek", "lind", "sten", "berg", "holm", "ros", "strand", "lund", "ström", "sjö", "skog", "bäck",
                 "falk", "örn", "hjort", "lax", "gran", "tall", "alm", "ask", "lönn", "vass", "mossa", "grus", "sand"]
    let roles = ["handläggare", "rektor", "enhetschef", "socialsekreterare", "projektledare", "kurator", "skolsköterska",
                 "biståndshandläggare", "förvaltningschef", "sekreterare", "samordnare", "lärare"]
    /// Past participles that head a sign-off line (`Attesterad av löneenheten`), not names.
    let participles = ["Attesterad", "Godkänd", "Granskad", "Upprättad", "Beslutad", "Fastställd", "Reviderad", "Antagen",
                       "Signerad", "Kontrollerad", "Justerad", "Utfärdad"]
    let authorities = ["löneenheten", "nämnden", "förvaltningen", "ekonomienheten", "kommunstyrelsen", "rektor", "enhetschefen"]
    /// Committee abbreviations used in case numbers (`KFN 2021/483`).
    let abbreviations = ["KS", "KF", "BUN", "SN", "MBN", "KFN", "TN", "ÖN", "VON", "UN", "SBN", "KSAU", "GVN", "FSN", "IFN", "ByN"]
    /// Labels that open a form line (`Justeras: …`, `Adress: …`): never names themselves.
    let labels = ["Justeras", "Adress", "Telefon", "Ärende", "Datum", "Plats", "Närvarande", "Kopia", "Ämne", "Bilaga", "Beslut",
                  "Handläggare", "Mottagare", "Avsändare", "Från", "Till", "Sekreterare", "Ordförande", "Underskrift"]
    let placeEndings = ["by", "köping", "hult", "torp", "hamn", "sund", "bro", "red", "tuna", "löv", "inge", "arp", "ryd", "åker"]
    let streets = ["Storgatan", "Skolvägen", "Parkgränd", "Björkvägen", "Kyrkogatan", "Ringvägen", "Strandvägen", "Ektorget"]
    /// Trade-name parts joined in camel case (`NorrEl`, `StadsBygg`): companies, not people.
    let tradeParts = (["Norr", "Syd", "Väst", "Öst", "Stads", "Kust", "Fjäll", "Dal", "Sjö", "Skog", "Berg", "Ny", "Bygg", "Hem",
                       "Miljö", "Data", "Park", "Stor", "Lant", "Hamn"],
                      ["El", "Bygg", "Städ", "Måleri", "Vård", "Data", "Teknik", "Tryck", "Frakt", "Plåt", "Rör", "Skog", "Mat", "Service"])
    let months = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december"]

    static let templates: [String] = [
        "Handläggare: {P}", "Kontaktperson: {P}, tel. 070-174 06 {N}", "Hej {F}!", "Hej {F},\nTack för ditt mejl.",
        "Med vänliga hälsningar\n{P}\n{ROLE}\n{PLACE} kommun", "Till: {P}\nFrån: {P}\nKopia: {P}",
        "Närvarande: {P} (S), {P} (M), {P} (C) och {P} (V).", "§ {N} Ordförande {P} öppnade mötet.",
        "{P} har ansökt om ekonomiskt bistånd för {MONTH}.", "Eleven {P} i klass {N}B har varit frånvarande.",
        "Rektor {P} meddelade att skolan stänger.", "{PS} ansökan om bostadsanpassning har inkommit.",
        "Ärendet handläggs av {PN} på enheten.", "Beslutet fattades av {I} den {N} {MONTH}.",
        "Samtal med {F} och hennes mamma {P}.", "{F} berättar att hon flyttat till {PLACE}.",
        "Justerare: {P}", "Protokollet justeras av {P} och {P}.", "Anteckningar: {P} ringde angående sin son {F}.",
        "Kontakta {P} på {EMAIL} om du har frågor.", "Vårdnadshavare: {P}, {P}", "Faktura från {L} AB avser {MONTH}.",
        "{L}s Bygg AB har fått uppdraget.", "Avtal med {L} & Partners AB.", "Mötet hölls i {PLACE} den {N} {MONTH}.",
        "{PLACE} kommun har beslutat att bygga en ny förskola.", "Enligt {AGENCY} ska ansökan lämnas senast i {MONTH}.",
        "Yttrande till {AGENCY} angående {PLACE}.", "Inga synpunkter inkom under samrådet.", "Per capita ökade kostnaden.",
        "Rosa och gröna blanketter sorteras separat.", "Sten och grus läggs på gångvägen.", "Bo kvar i lägenheten är inte möjligt.",
        "Hans ansökan avslogs av nämnden.", "Björn och varg förekommer i {PLACE}.", "Ek och lind planteras i parken.",
        "Dag {N} av projektet.", "Liv och hälsa är temat för {MONTH}.", "Klara besked behövs från förvaltningen.",
        "Socialnämnden beslutade att bevilja stöd.", "Kommunstyrelsen noterar informationen.", "Bakgrund\nÄrendet gäller {PLACE}.",
        "Barn- och utbildningsförvaltningen föreslår att {P} utses till ombud.", "{P}, {ROLE}, föredrar ärendet.",
        "Nämnden har tagit del av {PS} rapport.", "Uppdraget ges till {P} ({ROLE}).", "{P} och {P} deltog.",
        "Underskrift\n\n{P}\nOrdförande", "{P} {MOBILE}", "Projektledare {P} redovisar läget.", "Hälsningar {F}",
        "Skickat från {PLACE} stadsbibliotek.", "Länsstyrelsen i {PLACE} län har yttrat sig.", "Måndag {N} {MONTH} kl. 13.00",
        "Lunds universitet och {PLACE} kommun samarbetar.", "Mankenskiöld AB och {L} Konsult AB har lämnat anbud.",
        "Samtal med {P} om boendet. Senare meddelade {LL} att hon flyttat.", "{P} kom till mötet. {LL} lämnade en skrivelse.",
        "Handläggare {P} har utrett ärendet. Enligt {LL} finns inga hinder.", "{P} ringde. Jag bad {LL} återkomma.",
        "{NOUN} och {noun} växer längs vägen.", "{NOUN} och {noun} ska inventeras i {MONTH}.",
        "{NOUN}, {noun} och {noun} förekommer i området.", "{NOUN} eller {noun} används i planteringen.",
        "{PV} deltog som ersättare.", "Kontakta {PN} för mer information.", "Ansökan från {P} har kompletterats.", "Enligt {P} är läget oförändrat.",
        // Register rows as spreadsheet extractors emit them: cells joined by tabs, `Header: value`.
        "Namn: {R}\tPersonnummer: {PNR}\tKonto: 5{N}-{N}{N}{N}", "Namn: {RC}\tPersonnummer: {PNR}\tLön: {N} {N}0",
        "Elev: {R}\tPersonnummer: {PNR}\tVårdnadshavare: {P}\tTelefon: {MOBILE}", "Elev: {P}\tKlass: {N}B\tMentor: {P}",
        "Namn: {PART} av {AUTHORITY} {N} {MONTH}.", "{PART} av {P}, {ROLE}.", "{PART} av {AUTHORITY}.",
        // Case numbers after a committee's abbreviation; postal towns after a postcode; trade names.
        "Antagen av kommunfullmäktige den {N} {MONTH}, {ABBR} 20{N}/{N}{N}.", "Dnr {ABBR} 20{N}.{N}{N}", "Beslut {ABBR} § {N}, 20{N}/{N}",
        "{STREET} {N}\n{POSTCODE} {TOWN}", "Box {N}{N}, {POSTCODE} {TOWN}", "{P}\n{STREET} {N}\n{POSTCODE} {TOWN}",
        "Leverantör: {CO} HB", "Leverantör: {CO} i {PLACE} AB", "Faktura från {CO} AB avser {MONTH}.", "Avtal med {CO} har förlängts.",
        // Field labels before a colon, table headers, and guardians written `Name / phone`.
        "{LABEL}: {P}", "{LABEL}: {STREET} {N}", "From: {P} <{EMAIL}>\nTo: {P} <{EMAIL}>\nSubject: Ärende {N}",
        "Elev\tPersonnummer\tVårdnadshavare\tAdress\n{P}\t{PNR}\t{P} / {MOBILE}\t{STREET} {N} / {POSTCODE} {TOWN}",
        "Namn\tPersonnummer\tKonto\tBruttolön\n{R}\t{PNR}\t5{N}-{N}{N}{N}\t{N} {N}0", "Vårdnadshavare: {P} / {MOBILE}",
        "Detaljplan för kvarteret {NOUN}en ({ABBR} 20{N}/{N}{N})",
    ]

    init(seed: UInt64, rulesDirectory: String) throws {
        random = SeededRandom(seed: seed)
        func column(_ path: String, minimum: Int) throws -> [String] {
            let text = try String(contentsOfFile: rulesDirectory + "/" + path, encoding: .utf8)
            return text.split(separator: "\n").dropFirst().compactMap { line in
                let parts = line.split(separator: "\t")
                guard parts.count == 2, (Int(parts[1]) ?? Int.max) >= minimum else { return nil }
                return String(parts[0])
            }
        }
        firstNames = try column("datasets/names-scb/tilltalsnamn.tsv", minimum: 300)
            + column("datasets/names-faker-sv_SE/first_names.tsv", minimum: 0)
        surnames = try column("datasets/names-scb/efternamn.tsv", minimum: 0)
            + column("datasets/names-faker-sv_SE/last_names.tsv", minimum: 0)
        places = try String(contentsOfFile: rulesDirectory + "/datasets/name-gazetteers/places.txt", encoding: .utf8)
            .split(separator: "\n").map(String.init).filter { !$0.contains(" ") }
        agencies = try String(contentsOfFile: rulesDirectory + "/datasets/name-gazetteers/organisations.txt", encoding: .utf8)
            .split(separator: "\n").map(String.init)
    }

    mutating func firstName() -> String { random.chance(0.12) ? random.pick(ambiguous) : random.pick(firstNames) }

    mutating func surname() -> String {
        if random.chance(0.3) { return random.pick(surnameParts.0) + random.pick(surnameParts.1) }
        if random.chance(0.08) { return random.pick(["Lind", "Ek", "Berg", "Holm", "Sten", "Björk", "Ros", "Dahl"]) }
        return random.pick(surnames)
    }

    /// The surname of the last full name, for later lone mentions (`{LL}`).
    var lastSurname = "Svensson"

    mutating func fullName() -> String {
        let f = firstName()
        lastSurname = surname()
        if random.chance(0.08) { lastSurname += "-" + surname() } // double-barrelled: `Lindqvist-Wennberg`
        if random.chance(0.1) { return "\(f)-\(random.pick(firstNames)) \(lastSurname)" }
        if random.chance(0.1) { return "\(f) \(random.pick(firstNames)) \(lastSurname)" }
        return "\(f) \(lastSurname)"
    }

    /// One unit: 3–8 template sentences, then the style transformations.
    mutating func unit(index: Int) -> LabelledUnit {
        var text = ""
        var names: [Range<Int>] = []
        let style = random.pick(["prose", "prose", "prose", "list", "caps", "ocr"])
        if style == "list" || style == "caps" {
            text += random.pick(["Klasslista \(random.pick(["7A", "8B", "9C"]))\n", "Deltagare\n", "NÄRVARANDE\n", "Elever\n"])
            let reversed = random.chance(0.5)
            for k in 0..<Int.random(in: 3...10, using: &random) {
                let f = firstName(), l = surname()
                var entry = reversed ? "\(l), \(f)" : "\(f) \(l)"
                if style == "caps" { entry = entry.uppercased() }
                if random.chance(0.3) { text += "\(k + 1). " }
                let start = text.utf8.count
                text += entry
                names.append(start..<text.utf8.count)
                text += random.chance(0.2) ? "\t\(random.pick(roles))\n" : "\n"
            }
        }
        for _ in 0..<Int.random(in: 2...7, using: &random) {
            let template = random.pick(Self.templates)
            fill(template, &text, &names)
            text += random.chance(0.5) ? " " : "\n"
        }
        if style == "ocr" { (text, names) = Self.foldDiacritics(text, names) }
        let split: LabelledUnit.Split = index % 10 == 9 ? .heldOut : index % 10 == 4 ? .calibration : .train
        return LabelledUnit(text: text, names: names, split: split, source: "synthetic")
    }

    private mutating func fill(_ template: String, _ text: inout String, _ names: inout [Range<Int>]) {
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            text += rest[..<open]
            let close = rest[open...].firstIndex(of: "}")!
            let slot = rest[rest.index(after: open)..<close]
            rest = rest[rest.index(after: close)...]
            let start = text.utf8.count
            switch slot {
            case "P": text += fullName(); names.append(start..<text.utf8.count)
            case "F": text += firstName(); names.append(start..<text.utf8.count)
            case "L": // a lone surname is a person only in person templates; in org templates it is filler
                let isOrg = rest.hasPrefix(" AB") || rest.hasPrefix("s Bygg") || rest.hasPrefix(" &") || rest.hasPrefix(" Konsult")
                text += surname()
                if !isOrg { names.append(start..<text.utf8.count) }
            case "NOUN": let w = random.pick(nouns); text += w.prefix(1).uppercased() + w.dropFirst()
            case "noun": text += random.pick(nouns)
            case "LL": text += lastSurname; names.append(start..<text.utf8.count)
            case "PN": text += "\(firstName())\n\(surname())"; names.append(start..<text.utf8.count)
            case "PV": text += "\(firstName()) \(random.pick(["von", "af", "de", "van"])) \(surname())"; names.append(start..<text.utf8.count)
            case "PS": text += fullName() + "s"; names.append(start..<text.utf8.count)
            case "I":
                let f = firstName()
                text += "\(f.prefix(1)). \(surname())"; names.append(start..<text.utf8.count)
            case "R": // surname first, as registers write it
                let f = firstName()
                text += "\(surname()), \(f)"; names.append(start..<text.utf8.count)
            case "RC": // SURNAME First
                let f = firstName()
                text += "\(surname().uppercased()) \(f)"; names.append(start..<text.utf8.count)
            case "LABEL": text += random.pick(labels)
            case "PART": text += random.pick(participles)
            case "AUTHORITY": text += random.pick(authorities)
            case "ABBR": text += random.pick(abbreviations)
            case "STREET": text += random.pick(streets)
            case "POSTCODE":
                let code = Int.random(in: 10_000...98_999, using: &random)
                text += random.chance(0.8) ? "\(code / 100) \(String(format: "%02d", code % 100))" : String(code)
            case "TOWN": // a listed place, or an invented one with a place-name ending (`Granhult`); not
                // surname-shaped, so the surname suffixes keep their meaning and the postcode cue does the work
                text += random.chance(0.7) ? random.pick(places) : random.pick(surnameParts.0) + random.pick(placeEndings)
            case "CO": text += random.pick(tradeParts.0) + random.pick(tradeParts.1)
            case "PNR": text += Self.invalidIdentityNumber(&random)
            case "ROLE": text += random.pick(roles)
            case "PLACE": text += random.pick(places)
            case "AGENCY": text += random.pick(agencies)
            case "MONTH": text += random.pick(months)
            case "N": text += String(Int.random(in: 10...99, using: &random))
            case "EMAIL": text += "fornamn.efternamn@\(random.pick(["kommun", "skola", "example"])).se"
            case "MOBILE": text += "070-174 06 \(Int.random(in: 5...99, using: &random))".replacingOccurrences(of: " 5", with: " 05")
            default: text += slot
            }
        }
        text += rest
    }

    /// A personnummer-shaped number whose check digit is deliberately wrong, so no real
    /// (or test) identity is ever written: the name features only see a long number.
    static func invalidIdentityNumber(_ random: inout SeededRandom) -> String {
        var digits = [Int.random(in: 4...9, using: &random), Int.random(in: 0...9, using: &random),
                      Int.random(in: 0...1, using: &random), Int.random(in: 1...9, using: &random),
                      Int.random(in: 0...2, using: &random), Int.random(in: 1...8, using: &random)]
        for _ in 0..<3 { digits.append(Int.random(in: 0...9, using: &random)) }
        var sum = 0
        for (k, d) in digits.enumerated() {
            let v = k % 2 == 0 ? d * 2 : d
            sum += v / 10 + v % 10
        }
        let check = (10 - sum % 10) % 10
        digits.append((check + 1) % 10) // wrong on purpose
        let text = digits.map(String.init).joined()
        return String(text.prefix(6)) + "-" + String(text.suffix(4))
    }

    /// Drops Swedish diacritics as bad OCR does (å ä → a, ö → o, é → e) and moves the
    /// spans with the text (each folded letter shrinks from two bytes to one).
    static func foldDiacritics(_ s: String, _ names: [Range<Int>]) -> (String, [Range<Int>]) {
        var out: [UInt8] = []
        var map = [Int](repeating: 0, count: s.utf8.count + 1)
        let bytes = Array(s.utf8)
        var i = 0
        while i < bytes.count {
            map[i] = out.count
            if bytes[i] == 0xC3, i + 1 < bytes.count {
                let folded: UInt8? = switch bytes[i + 1] {
                case 0xA5, 0xA4: 0x61
                case 0x85, 0x84: 0x41
                case 0xB6: 0x6F
                case 0x96: 0x4F
                case 0xA9: 0x65
                default: nil
                }
                if let f = folded { out.append(f); map[i + 1] = out.count; i += 2; continue }
            }
            out.append(bytes[i])
            i += 1
        }
        map[bytes.count] = out.count
        return (String(decoding: out, as: UTF8.self), names.map { map[$0.lowerBound]..<map[$0.upperBound] })
    }
}
