import Testing
@testable import InventaDetection

/// `removeAllInPlace` (the engine's copy-free filter) must keep exactly what the standard
/// `removeAll(where:)` keeps, in the same order.
struct RemoveAllInPlaceTests {
    @Test(arguments: [
        [],
        [1],
        [2],
        [1, 2, 3, 4, 5, 6],
        [2, 4, 6],
        [1, 3, 5],
        [5, 2, 2, 7, 8, 1, 4, 3, 3, 6],
    ])
    func matchesTheStandardFilter(_ numbers: [Int]) {
        // Strings, so that moved elements carry references, as scored candidates do.
        let values = numbers.map { "value \($0)" }
        var expected = values
        expected.removeAll { $0.last!.wholeNumberValue! % 2 == 0 }
        var actual = values
        actual.removeAllInPlace { $0.last!.wholeNumberValue! % 2 == 0 }
        #expect(actual == expected)
    }
}
