import Foundation
import Testing
@testable import InventaDetection

@Suite struct NameModelTests {
    private func writeRules(model: String) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("names-model-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("names"), withIntermediateDirectories: true)
        try model.write(to: dir.appendingPathComponent("names/model.tsv"), atomically: true, encoding: .utf8)
        return dir.path
    }

    @Test func readsWeightsAndParameters() throws {
        let dir = try writeRules(model: "# comment\n@decode.token_logit\t-0.5\n@span.mean\t2\n@span.bias\t-1\nbias\t0.25\nw=anna\t1.5\n")
        let model = try NameModel(rulesDirectory: dir)
        #expect(model.featureCount == 2)
        #expect(model.tokenLogitThreshold == -0.5)
        #expect(model.spanWeights[0] == -1)
        #expect(model.spanWeights[1] == 2)
        var h = FNV1a()
        h.add("w=")
        for b in "anna".utf8 { h.add(b) }
        #expect(model.weights.lookup(h.value) == 1.5)
    }

    @Test("rejects malformed model files", arguments: ["bias 0.5\n", "bias\tabc\n", "@span.nonsense\t1\nbias\t1\n", "# only comments\n"])
    func rejectsMalformed(_ text: String) throws {
        let dir = try writeRules(model: text)
        #expect(throws: NameDataError.self) { try NameModel(rulesDirectory: dir) }
    }

    @Test func missingDataNamesTheFile() {
        do {
            _ = try NameMatcher(rulesDirectory: "/nonexistent-rules")
            Issue.record("expected an error")
        } catch {
            #expect("\(error)".contains("tilltalsnamn.tsv"))
        }
    }

    /// The feature hash used while scanning equals the hash of the name written in the model file.
    @Test func scanningHashesMatchFeatureNames() {
        var text = Array("Hej Anna Svensson".utf8)
        var names = NameFeatureNames()
        var hashes = HashSink()
        text.withUnsafeMutableBufferPointer { buf in
            let doc = NameDocument(text: UnsafeBufferPointer(buf), lexicon: ShippedNames.matcher.lexicon)
            // `Hej Anna Svensson` is one capitalised run; score its second token.
            let run = doc.runs[0]
            NameFeatures.extract(token: run.lowerBound + 1, run: run, document: doc, sink: &names)
            NameFeatures.extract(token: run.lowerBound + 1, run: run, document: doc, sink: &hashes)
        }
        #expect(names.names.contains("w=anna"))
        #expect(names.names.map { FNV1a.hash($0) } == hashes.values)
    }
}

private struct HashSink: NameFeatureSink {
    var values: [UInt64] = []
    mutating func add(_ name: StaticString) { var h = FNV1a(); h.add(name); values.append(h.value) }
    mutating func add(_ prefix: StaticString, _ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
        var h = FNV1a(); h.add(prefix); h.add(bytes, range); values.append(h.value)
    }
    mutating func add(_ prefix: StaticString, _ value: Int) {
        var h = FNV1a(); h.add(prefix); NameFeatureNames.addDecimal(value, to: &h); values.append(h.value)
    }
}
