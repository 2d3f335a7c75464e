import Testing
@testable import InventaDetection

/// Name shapes of office documents (issue 20, decision 0503): lone common nouns, acronyms and
/// months in cells or after labels, numbered headings that end a line, clock times before a name,
/// `Surname Surname, First` rows, Latin Extended-A capitals, two particles, OCR digits.
@Suite struct NameOfficeShapeTests {
    @Test("finds exactly the marked names in office shapes", arguments: [
        // A clock time before a name is not a postcode (`713 22 Nora` stays a town).
        "07:45\t«Gunnel Forsberg»\t070-174 06 41\tVill ha återkoppling",
        "2025-01-13\t13:20\t«Viktor Sandell»\tFråga om taxa\t«Eva Hed»",
        // Surname-first rows with a two-word surname, an unlisted first name, a town surname.
        "2025-02-03\t19890203-9991\t«Berg Holm, Rut»\tStorgatan 4",
        "«Sjölund, Łukasz»\t7C",
        "«Lund, Mikael»\n«Berg, Sara»\n",
        "Deltagare: «Storm, Dragan»",
        // Two particles; OCR digits for letters.
        "Ersättare: «Anders van der Linden»",
        "Sekreterare: «Lena Lindstr0m»",
        // Names after a numbered heading still found when the line is running text.
        "3. Ansvar\nUppdraget leds av «Karin\nLundberg» på kontoret.",
        // Surname first inside a sentence, closed by a comma; a label's name wrapped in running text.
        "- Ring upp «Holm, Agneta», Storgatan 9, 123 45 Ekby",
        "Han bor ensam. Kontaktperson i hemmet: «Gunnar\nLövgren» (bror).",
        // A sentence-initial imperative is not the name's first word.
        "Skicka «Åsa Lindqvist» protokollet.\n",
    ])
    func findsMarkedNames(_ marked: String) {
        let (text, expected) = unmark(marked)
        #expect(names(in: text).map(\.value) == expected)
    }

    @Test("reports no person in office shapes", arguments: [
        // A numbered heading's last word does not join the next line's first word.
        "4. Fåglar\nStare har minskat i antal sedan 2010.",
        "2. Naturvärden\nBjörn har setts i norra delen.",
        // Lone common nouns in cells, after labels and in header rows.
        "Ärendetyp: Hemtjänst\tBeslutad av: Socialnämnden",
        "Datum | Ärende | Handläggare",
        "2025-03-03\tParkering\t",
        "Dokumenttyp: Policy\tGiltig från 2025-01-01",
        // Acronyms of laws, units and systems.
        "Insatsen ges enligt LSS och SoL.",
        "Remiss till BUP",
        "Beslut i KS-AU",
        // Months and a compound in statistics and registers.
        "Månad\tBesök\nMaj\t120\nJuni\t98\nJuli\t40\n",
        "Konto\tKundreskontraavstämning\t2025",
        // Associations and firms by their own words; a place's genitive before an organisation noun.
        "Förening\tIFK Holm\tEkby Hembygdsförening",
        "Fullmakt för Juristfirman Berg.",
        "Ekbyholms kommun har beslutat att bygga.",
        // One letter and a hyphen is a common noun.
        "Namn\tE-post\tTelefon",
        // A class code is not the start of a name list.
        "Grupp 4B, 4C och 5A",
    ])
    func reportsNoPerson(_ text: String) {
        #expect(names(in: text).map(\.value) == [])
    }
}
