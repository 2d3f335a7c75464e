import Foundation
@testable import InventaCorpus

/// Generates corpora for the tests into temporary folders, from the repository's datasets.
enum CorpusFixture {
    static let datasets: String = {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Rules/datasets").path
    }()

    static func temporaryFolder(_ name: String) -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("inventa-corpus-tests-\(name)-\(ProcessInfo.processInfo.globallyUniqueString)")
        return url.path
    }

    /// Writes a corpus and returns its folder; the caller removes it.
    static func generate(documents: Int, seed: UInt64, formats: Set<CorpusFormat> = Set(CorpusFormat.allCases),
                         name: String) throws -> String {
        let folder = temporaryFolder(name)
        var generator = CorpusGenerator(options: CorpusOptions(documents: documents, seed: seed, formats: formats),
                                        datasets: try CorpusDatasets(directory: datasets))
        _ = try generator.generate(into: folder)
        return folder
    }

    /// Every regular file under `folder`, relative path → bytes.
    static func contents(of folder: String) -> [String: Data] {
        var result: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: folder)
        while let path = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder + "/" + path, isDirectory: &isDirectory), !isDirectory.boolValue {
                result[path] = FileManager.default.contents(atPath: folder + "/" + path)
            }
        }
        return result
    }
}
