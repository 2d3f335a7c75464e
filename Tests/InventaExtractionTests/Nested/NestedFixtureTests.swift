import Testing
@testable import InventaExtraction
import InventaModel

/// The seeded document of each format inside a zip inside a zip is found with its member
/// path and its own location. ZIP is read by the container extractors (issue 3, other
/// half); until they are registered these tests are disabled rather than faked.
@Suite(.enabled(if: ExtractorRegistry(limits: ExtractionLimits()).extractor(for: .zip) != nil, "needs the ZIP extractor"))
struct NestedFixtureTests {
    @Test(arguments: [
        ("pdf/nested/seeded.pdf-in-zip-in-zip.zip", "seeded.pdf", Location(page: 2)),
        ("html/nested/seeded.html-in-zip-in-zip.zip", "seeded.html", Location()),
        ("rtf/nested/seeded.rtf-in-zip-in-zip.zip", "seeded.rtf", Location(line: 1)),
        ("csv/nested/seeded.csv-in-zip-in-zip.zip", "seeded.csv", Location(row: 3)), // the row unit; its cells are tested with the CSV extractor
    ])
    func seededDocumentInZipInZip(fixture: String, member: String, location: Location) throws {
        let extracted = Fixtures.extract(fixture)
        #expect(extracted.result.format == .zip)
        let unit = try #require(extracted.unit(containing: Vector.pnr))
        #expect(unit.member == ["inner.zip", member])
        #expect(unit.location == location)
        #expect(extracted.result.members.contains { $0.member == ["inner.zip", member] && $0.outcome == .scanned })
    }
}
