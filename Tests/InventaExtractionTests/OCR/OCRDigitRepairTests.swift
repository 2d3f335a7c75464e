import Testing
@testable import InventaExtraction

/// The look-alike repair touches numbers only: each row is OCR output and the text detection must see.
@Suite struct OCRDigitRepairTests {
    @Test(arguments: [
        ("Personnummer: 85O1O1-2382", "Personnummer: 850101-2382"),
        ("Personnummer: l9850lOl-2382", "Personnummer: 19850101-2382"),
        ("pnr 850101--2382.", "pnr 850101-2382."),
        ("pnr 850101 - 2382", "pnr 850101-2382"),
        ("Tel 070-174 O6 05", "Tel 070-174 06 05"),
        ("Tel 070-174  06  05", "Tel 070-174 06 05"),
        ("konto 8BS5-1234567", "konto 8855-1234567"),
        // Words and short codes stay as written.
        ("Storgatan 12B, lgh 1102", "Storgatan 12B, lgh 1102"),
        ("SOS Alarm, IBAN, Box 15", "SOS Alarm, IBAN, Box 15"),
        ("Olle Isaksson  och  Bo", "Olle Isaksson  och  Bo"),
        ("OOOO-OO", "OOOO-OO"),
    ])
    func repairs(input: String, expected: String) {
        #expect(OCRDigitRepair.repair(input) == expected)
    }
}

@Suite struct OCRAtSignRepairTests {
    @Test(arguments: [
        ("E-post: ludvig.w73(0example.com", "E-post: ludvig.w73@example.com"),
        ("E-post: ludvigw73Q0example.com.", "E-post: ludvigw73@example.com."),
        ("anna©kommun.se", "anna@kommun.se"),
        // Not an address: stays as read.
        ("Bilaga (0) finns.", "Bilaga (0) finns."),
        ("sida 1Q0 av 2.", "sida 1Q0 av 2."),
        ("lagen (1998:620).", "lagen (1998:620)."),
        ("anna@kommun.se", "anna@kommun.se"),
    ])
    func repairs(input: String, expected: String) {
        #expect(OCRAtSignRepair.repair(input) == expected)
    }
}
