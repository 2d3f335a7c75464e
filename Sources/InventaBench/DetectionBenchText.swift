import InventaModel

/// Deterministic synthetic Swedish municipal text for `inventa bench-detect`: sentences
/// from minutes and case notes (kommunstyrelse, socialtjänst, skola, ekonomi), with one
/// "specimen" every N sentences: an identifier, contact or payment detail, a name, a
/// sensitive-category phrase, or a look-alike that must not be reported (a date, an
/// amount, a diarienummer, a Luhn-valid invoice number, an organisationsnummer).
///
/// Synthetic only: personnummer and samordningsnummer from Skatteverket's published test
/// lists, phone numbers from the fiction range 070-174 06 05…99, account, giro, IBAN and
/// card numbers made up with computed check digits (the card is the documented test
/// number 4111 1111 1111 1111), addresses and names invented.
public enum DetectionBenchText {
    static let filler = [
        "Kommunstyrelsen beslutade att godkänna förslaget till budget för nästa år.",
        "Ärendet har beretts av förvaltningen och diskuterades vid sammanträdet.",
        "Enligt avtalet ska leverantören fakturera kvartalsvis med 30 dagars betalningsvillkor.",
        "Skolan planerar en temadag om hållbar utveckling tillsammans med föräldraföreningen.",
        "Protokollet justerades utan anmärkningar och anslogs på kommunens webbplats.",
        "Socialnämnden följer upp verksamhetens kvalitet genom egenkontroll och brukarenkäter.",
        "Fastighetsavdelningen har påbörjat renoveringen av ventilationen i kommunhuset.",
        "Medarbetarsamtalen genomförs under våren och dokumenteras i personalsystemet.",
        "Handläggaren har haft ett uppföljande samtal med vårdnadshavaren om insatsen.",
        "Beslutet kan överklagas till förvaltningsrätten inom tre veckor från delgivningen.",
        "Utredningen visar att behovet av stöd i vardagen kvarstår under hösten.",
        "Nämnden noterar att kostnaderna för skolskjuts har ökat jämfört med föregående år.",
    ]

    /// Each specimen is followed by a space; most give one finding, some none (look-alikes).
    static let specimens = [
        // Identifiers and contact data.
        "Personnummer: 720107-9295.", "Pnr 19720118-9268", "Samordningsnummer 140168-2396.",
        "Kontaktperson nås på 070-174 06 05.", "Ring gärna på 0701740642 efter lunch.",
        "Svar skickas till k.lindqvist@exempelby.se senast fredag.", "Frågor till registrator@exempelby.se.",
        "Sökande bor på Björkvägen 12, 123 45 Farsta.", "Handläggare Karin Lindqvist deltog på mötet.",
        // Payment details.
        "Utbetalning till IBAN SE45 5000 0000 0583 9825 7466.", "Bankgiro 5050-1055.", "Plusgiro 12 34 56-6.",
        "Lönekonto 5000-123 45 60.", "Kortnummer 4111 1111 1111 1111 spärrat.",
        // Sensitive categories.
        "Eleven har diagnosen adhd.", "Uppgift om skyddad identitet finns.", "Han är misstänkt för stöld.",
        "sjukskriven sedan mars.",
        // Look-alikes that are not personal data.
        "Datum 2018-04-10.", "Belopp 2 600 000 kr.", "Dnr KS 2019/73.", "Fakturanr: 1804101234.", "Org.nr 559900-0006.",
    ]

    /// About `bytes` of text: filler sentences, a specimen after one in `specimenEvery` of them,
    /// a line break after about one in six.
    public static func generate(bytes: Int, specimenEvery: Int) -> String {
        var out = ""
        out.reserveCapacity(bytes + 256)
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 33)
        }
        let every = max(1, specimenEvery)
        while out.utf8.count < bytes {
            out += filler[next() % filler.count] + " "
            if next() % every == 0 { out += specimens[next() % specimens.count] + " " }
            if next() % 6 == 0 { out += "\n" }
        }
        return out
    }

    /// Splits `text` into units of about `size` bytes at line or space boundaries.
    public static func units(of text: String, size: Int) -> [TextUnit] {
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
