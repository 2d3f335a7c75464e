import CTesseract

/// One decoded page image (a leptonica `PIX`), owned by one call and destroyed on deinit.
/// Made by `ImageDecoder` from an image file or by `PDFPageRenderer` from a PDF page;
/// read by `OCREngine`. Never crosses threads.
final class OCRImage {
    private(set) var pix: UnsafeMutablePointer<Pix>

    init(taking pix: UnsafeMutablePointer<Pix>) {
        self.pix = pix
    }

    deinit {
        var owned: UnsafeMutablePointer<Pix>? = pix
        pixDestroy(&owned)
    }

    var width: Int { Int(pixGetWidth(pix)) }
    var height: Int { Int(pixGetHeight(pix)) }
    /// Pixels per inch from the file, or 0 when it does not say.
    var resolution: Int { Int(pixGetXRes(pix)) }

    /// A copy turned clockwise by `quarterTurns` × 90°, or nil when leptonica cannot.
    func rotated(quarterTurns: Int) -> OCRImage? {
        guard let turned = pixRotateOrth(pix, Int32(quarterTurns & 3)) else { return nil }
        return OCRImage(taking: turned)
    }

    /// An 8-bit grey image from a row-major buffer of grey bytes (`PDFPageRenderer`).
    /// Leptonica packs 8-bit pixels into 32-bit words, most significant byte first, hence
    /// the byte swap within each word on a little-endian machine.
    static func grey(width: Int, height: Int, resolution: Int, fill: (_ row: Int, _ out: UnsafeMutableBufferPointer<UInt8>) -> Void) -> OCRImage? {
        guard let pix = pixCreate(Int32(width), Int32(height), 8) else { return nil }
        pixSetResolution(pix, Int32(resolution), Int32(resolution))
        let wordsPerLine = Int(pixGetWpl(pix))
        guard let data = pixGetData(pix) else {
            var owned: UnsafeMutablePointer<Pix>? = pix
            pixDestroy(&owned)
            return nil
        }
        var row = [UInt8](repeating: 0, count: width)
        let swap = UInt32(1).littleEndian == 1 ? 3 : 0
        for y in 0..<height {
            row.withUnsafeMutableBufferPointer { fill(y, $0) }
            let line = UnsafeMutableRawPointer(data + y * wordsPerLine).assumingMemoryBound(to: UInt8.self)
            for x in 0..<width { line[x ^ swap] = row[x] }
        }
        return OCRImage(taking: pix)
    }
}
