import Foundation
import InventaDetection

/// The bundled `Rules/`, compiled once for all pipeline tests, with a fixed date so
/// birth-date checks do not depend on the day the tests run.
enum BundledDetection {
    static let rulesDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Rules").path

    static let detection: Detection = {
        do {
            return try Detection.load(rulesDirectory: rulesDirectory, options: EngineOptions(today: CivilDate(year: 2026, month: 11, day: 27)))
        } catch { fatalError("bundled rules: \(error)") }
    }()
}
