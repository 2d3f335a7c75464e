#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CTesseract

/// One tesseract handle (plus a lazily made orientation handle), loaded with the scan's
/// languages. Reads one page image into text and its mean confidence, turning the page
/// first when it was scanned upside down or sideways.
///
/// Not Sendable: each worker thread gets its own from `OCREngine.forCurrentThread`,
/// which creates it on that thread and frees it when the thread ends. Loading the
/// language data costs about 0.1–0.3 s, so one handle per thread, not per file.
final class OCREngine {
    private let api: OpaquePointer
    private var orientation: OpaquePointer?
    private var orientationFailed = false
    private let dataPath: String?

    /// Tesseract's text and mean word confidence (0–100) for one page.
    struct Page {
        var text: String
        var confidence: Int
        /// Quarter turns clockwise applied before the page was read (OSD).
        var quarterTurns: Int
        /// The per-file deadline stopped recognition part-way.
        var timedOut: Bool
    }

    /// nil when the languages' data is not installed (OCR is then unavailable).
    init?(languages: String, dataPath: String?) {
        guard let api = TessBaseAPICreate() else { return nil }
        guard TessBaseAPIInit3(api, dataPath, languages) == 0 else {
            TessBaseAPIDelete(api)
            return nil
        }
        TessBaseAPISetPageSegMode(api, PSM_AUTO)
        self.api = api
        self.dataPath = dataPath
    }

    deinit {
        TessBaseAPIEnd(api)
        TessBaseAPIDelete(api)
        if let orientation {
            TessBaseAPIEnd(orientation)
            TessBaseAPIDelete(orientation)
        }
    }

    /// Global set-up, once on the main thread before workers start: leptonica's and
    /// tesseract's diagnostics are global switches (silenced: problems become outcomes),
    /// and OpenMP teams are turned off (one page per worker; teams only oversubscribe).
    /// Idempotent (a Swift static is initialised once, thread-safely).
    static func prepareLibrary() { _ = prepared }

    private static let prepared: Bool = {
        _ = setMsgSeverity(Int32(L_SEVERITY_NONE))
        omp_set_max_active_levels(0)
        guard let probe = TessBaseAPICreate() else { return false }
        _ = TessBaseAPISetVariable(probe, "debug_file", "/dev/null")
        TessBaseAPIDelete(probe)
        return true
    }()

    /// Reads `image`. A page whose first reading is poor is checked for orientation; when
    /// OSD says it is turned, the turned copy is read and the better reading kept.
    /// `seconds` bounds recognition (tesseract's own deadline, checked between words).
    func read(_ image: OCRImage, seconds: Double) -> Page {
        var best = recognise(image, seconds: seconds)
        best.quarterTurns = 0
        guard best.confidence < 70 || best.text.utf8.count < 40, !best.timedOut else { return best }
        guard let turns = detectQuarterTurns(image), turns != 0, let turned = image.rotated(quarterTurns: turns) else {
            return best
        }
        var second = recognise(turned, seconds: seconds)
        second.quarterTurns = turns
        if second.confidence > best.confidence { best = second }
        return best
    }

    private func recognise(_ image: OCRImage, seconds: Double) -> Page {
        TessBaseAPISetImage2(api, image.pix)
        let ppi = image.resolution
        TessBaseAPISetSourceResolution(api, Int32((70...2400).contains(ppi) ? ppi : 300))
        let monitor = TessMonitorCreate()
        defer { TessMonitorDelete(monitor) }
        TessMonitorSetDeadlineMSecs(monitor, Int32(max(1, min(seconds * 1000, Double(Int32.max)))))
        let status = TessBaseAPIRecognize(api, monitor)
        var text = ""
        if let raw = TessBaseAPIGetUTF8Text(api) {
            text = String(cString: raw)
            TessDeleteText(raw)
        }
        let confidence = Int(TessBaseAPIMeanTextConf(api))
        TessBaseAPIClear(api)
        return Page(text: text, confidence: max(0, confidence), quarterTurns: 0, timedOut: status != 0)
    }

    /// Clockwise quarter turns that make the page upright, or nil when OSD is not
    /// installed or not sure (tesseract's own margin).
    private func detectQuarterTurns(_ image: OCRImage) -> Int? {
        if orientation == nil && !orientationFailed {
            if let handle = TessBaseAPICreate(), TessBaseAPIInit3(handle, dataPath, "osd") == 0 {
                TessBaseAPISetPageSegMode(handle, PSM_OSD_ONLY)
                orientation = handle
            } else {
                orientationFailed = true
            }
        }
        guard let orientation else { return nil }
        TessBaseAPISetImage2(orientation, image.pix)
        let ppi = image.resolution
        TessBaseAPISetSourceResolution(orientation, Int32((70...2400).contains(ppi) ? ppi : 300))
        var degrees: Int32 = 0
        var confidence: Float = 0
        let found = TessBaseAPIDetectOrientationScript(orientation, &degrees, &confidence, nil, nil) != 0
        TessBaseAPIClear(orientation)
        guard found, confidence >= 2 else { return nil }
        // `degrees` is the page's orientation; `rotated` turns clockwise, so the page is put
        // upright by the complementary turns (the sideways fixture checks the direction).
        return (4 - Int(degrees / 90)) & 3
    }
}
