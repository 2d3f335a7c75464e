import Testing
@testable import InventaCorpus

/// The made-up identifiers have the check digits they claim, and the numbers
/// meant to be look-alikes can never be valid personnummer.
@Suite struct SyntheticIdentifierTests {
    static func faker() throws -> Faker {
        Faker(seed: 9, data: try CorpusDatasets(directory: CorpusFixture.datasets))
    }

    @Test func checksumsAreValid() throws {
        var f = try Self.faker()
        for _ in 0..<200 {
            let iban = f.iban().filter { $0 != " " }
            let bban = String(iban.dropFirst(4))
            #expect(Checksums.ibanCheck(country: "SE", bban: bban) == String(iban.dropFirst(2).prefix(2)), "\(iban)")
            #expect(Checksums.luhnValid(f.bankgiro().filter(\.isNumber)))
            #expect(Checksums.luhnValid(f.plusgiro().filter(\.isNumber)))
            #expect(Checksums.luhnValid(f.organisationsnummer().filter(\.isNumber)))
        }
    }

    @Test func lookAlikesAreNeverValidDates() throws {
        var f = try Self.faker()
        for _ in 0..<500 {
            for number in [f.referenceNumber(), f.organisationsnummer().filter(\.isNumber)] {
                let month = Int(number.dropFirst(2).prefix(2))!
                #expect(month > 12, "\(number) has a month")
            }
        }
    }

    @Test func identityNumbersComeFromTheTestLists() throws {
        var f = try Self.faker()
        let allowed = Set(f.data.personnummer + f.data.samordningsnummer)
        for _ in 0..<300 {
            let person = f.person(born: 1930...2015)
            #expect(allowed.contains(person.number))
            #expect(person.phone.filter(\.isNumber).suffix(9).hasPrefix("701740"), "\(person.phone)")
            #expect(["@exempelby.example.org", "@example.org", "@example.com", "@example.net"].contains { person.email.hasSuffix($0) }, "\(person.email)")
        }
    }

    @Test(arguments: [
        ("198001012382", ["800101-2382", "8001012382", "198001012382", "19800101-2382", "19800101 2382", "800101 2382"]),
        ("191801019802", ["180101+9802", "19180101-9802"]),
    ])
    func writtenFormsAreTheNumber(number: String, forms: [String]) throws {
        var f = try Self.faker()
        for _ in 0..<200 {
            let written = f.written(number)
            #expect(forms.contains(written), "\(written)")
        }
    }
}
