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
