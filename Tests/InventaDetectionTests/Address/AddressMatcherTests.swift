import Testing
@testable import InventaDetection

/// Streets are made up from faker's sv_SE prefixes and suffixes (Björk + vägen …) with real
/// postcodes and their real towns from the GeoNames gazetteer; none is a known person's home.
struct AddressMatcherTests {
    static let matcher: AddressMatcher = {
        do { return try AddressMatcher(rulesDirectory: RulesDirectory.path) } catch { fatalError("\(error)") }
    }()
    var matcher: AddressMatcher { Self.matcher }

    @Test(arguments: [
        "Adress: «Björkvägen 12, 123 47 Farsta».",
        "Bor på «Kyrkogatan 5 B\n753 12 Uppsala»\nTel",
        "«Stationsgränd 3, lgh 1102\n194 30 Upplands Väsby»",
        "«c/o Andersson\nSkolstigen 8\n123 48 Farsta»",
        "«Ängsvägen 4 A, 123 49 FARSTA»",
        "«Stora Industrigatan 17»",
        "Besök «Gamla vägen 3» i morgon.",
        "«Strandtorget 4» och «Parkallén 2».",
        "«Kvarnbacken 9-11, 753 14 Uppsala»",
        "Ort felstavad: «Åkerslingan 1, 123 47 Göteborg»",
        "«Box 123, 205 90 Malmö»",
        "Citat ”«Björkvägen 12, 123 47 Farsta»” och «Ekgatan 7»–«Ekgatan 9».",
        "«Skogsvägen 4, lgh 1201»",
        // Not addresses: postcode alone, postcode and town, lower-case or false street words,
        // Box without postcode, collision cases.
        "123 47 Farsta",
        "på vägen 12 km",
        "Enligt detaljplan 12 gäller",
        "Enligt Detaljplan 12 gäller",
        "Förändringen 3 gäller från i dag", "Ingången 2 är stängd", "Kalle 3 år", "Sporthallen 2",
        "Bilaga Likabehandlingsplan 2", "Arbetsgången 4",
        "Möte på «Stureplan 4»",
        "Box 123",
        "Tel 070-174 06 05", "Fakturanr: 44556603",
        "Storgatan 12% ökning",
    ] + CollisionCases.all)
    func finds(_ example: String) {
        let marked = MarkedText(example)
        #expect(candidates(of: matcher, in: marked.text).map(\.span) == marked.spans)
    }

    @Test(arguments: [
        ("Björkvägen 12, 123 47 Farsta", 0.90, "björkvägen 12 123 47 farsta", "B****vägen **, 123 ** Farsta"),
        ("Björkvägen 12\n12347 Farsta", 0.90, "björkvägen 12 123 47 farsta", "B****vägen **\n123** Farsta"),
        ("Åkerslingan 1, 123 47 Göteborg", 0.70, "åkerslingan 1 123 47 göteborg", "Å***slingan *, 123 ** Göteborg"),
        ("Skogsvägen 4, lgh 1201", 0.60, "skogsvägen 4 lgh 1201", "S****vägen *, *** ****"),
        ("Gamla vägen 3", 0.45, "gamla vägen 3", "G**** vägen *"),
        ("Box 123, 205 90 Malmö", 0.40, "box 123 205 90 malmö", "Box ***, 205 ** Malmö"),
    ])
    func scoresNormalisesAndMasks(_ value: String, _ base: Double, _ normalized: String, _ masked: String) throws {
        let found = try #require(firstCandidate(of: matcher, in: value))
        #expect(found.value == value)
        #expect(found.baseScore == base)
        #expect(found.normalized == normalized)
        #expect(found.masked == masked)
    }

    /// An address beside an organisation number, VAT number, bankgiro or switchboard is an
    /// organisation's (decision 0405): still found, with base 0.30 and `organisation_address`;
    /// the same address in a person's block keeps its score. `true` marks the organisation's.
    @Test(arguments: [
        ("Ekens Städ AB\n«Energigatan 60, 514 26 Västerby» Org.nr 556633-7761 Momsreg.nr SE556633776101", true),
        ("«Björkvägen 12, 123 47 Farsta»   Organisationsnummer: 556633-7761", true),
        ("Köpare\tSmåstads kommun, «Box 100, 123 80 Småstad», org.nr 212000-7329", true),
        ("Postadress: «Box 100, 123 80 Småstad» · Växel 08-465 004 00 · www.smastad.se", true),
        ("Leverantör AB\n«Lagergatan 57\n257 35 Göteborg»\nBankgiro 144-4843", true),
        ("Namn: Lagerlöf AB\tAdress: «Björkvägen 12»\tOrgnr: 556633-7761", true),
        ("Säljare: Bygg & Måleri AB, «Kyrkogatan 5 B, 753 12 Uppsala». Godkänd för F-skatt.", true),
        // A person's address: no mark on its block; a mark across a blank line or further
        // away is another block's; `växeln` in prose is not a switchboard label.
        ("Anna Berg\n«Björkvägen 12\n123 47 Farsta»\nPersonnummer 850101-2382", false),
        ("Småstads kommun, org.nr 212000-7329\n\nAnna Berg\n«Björkvägen 12\n123 47 Farsta»", false),
        ("Jag bor på «Kyrkogatan 5 B, 753 12 Uppsala» och ringde växeln i går.", false),
        ("Adress: «Björkvägen 12, 123 47 Farsta»\nTelefon: 070-174 06 05", false),
        // A sole trader's organisation number is the owner's personnummer: the address is a home.
        ("Märta Berg Konsult\nAdress: «Nygatan 54, 123 47 Farsta»\nOrg.nr: 850101-2382   Innehar F-skatt\nBankgiro: 144-4843", false),
        ("«Björkvägen 12, 123 47 Farsta» Org.nr 19850101-2382", false),
        ("«Björkvägen 12, 123 47 Farsta» · Bankgiro 144-4843 · enskild firma", false),
    ])
    func organisationsAddressIsAnOrganisations(_ example: String, _ isOrganisation: Bool) throws {
        let marked = MarkedText(example)
        let found = candidates(of: matcher, in: marked.text)
        #expect(found.map(\.span) == marked.spans)
        for candidate in found {
            #expect(candidate.tags.contains("organisation_address") == isOrganisation)
            if isOrganisation { #expect(candidate.baseScore == AddressMatcher.organisationBase) }
            else { #expect(candidate.baseScore >= 0.40) }
        }
    }

    @Test func confirmsPostcodeWithItsTown() throws {
        let found = try #require(firstCandidate(of: matcher, in: "Björkvägen 12, 123 47 Farsta"))
        #expect(found.validation == .confirmed)
        #expect(found.checks.contains("postcode-town"))
    }

    @Test func missingGazetteerIsAClearError() {
        #expect(throws: PostalGazetteer.LoadError.self) { try AddressMatcher(rulesDirectory: "/nonexistent") }
    }
}
