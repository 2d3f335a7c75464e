#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CTesseract
import InventaModel

/// Reads PNG, JPEG, TIFF (every page), BMP, GIF, WebP and JPEG 2000 images by OCR: one
/// text unit per page (`page 1` for a single image). The size is read from the header
/// before anything is decoded, so a decompression bomb (a 100 000 × 100 000 pixel
/// header) ends as `limit_exceeded` without a byte of pixels allocated. A truncated or
/// damaged image ends as `failed: corrupt`. With OCR off the image is `needs_ocr`.
/// Formats leptonica cannot read (HEIF) stay `unsupported: image`.
struct ImageExtractor: Extractor {
    func extract(_ input: ExtractionInput, context: ExtractionContext, emit: (TextUnit) -> Void) throws(ExtractionError) {
        let reader = OCRPageReader(context: context)
        let head = try input.read(at: 0, count: 64)
        var format: Int32 = 0
        let known = head.withUnsafeBufferPointer { findFileFormatBuffer($0.baseAddress, &format) } == 0
        guard known, Self.readable.contains(format) else { throw ExtractionError.unsupported("image") }
        if reader.options.mode == .off { throw ExtractionError.needsOCR }
        let bytes = try input.readAll(limit: context.limits.maxMemberBytes)
        let isTIFF = Self.tiff.contains(format)
        let pages = isTIFF ? try Self.tiffPageCount(bytes) : 1
        for index in 0..<pages {
            let size = try Self.dimensions(bytes, format: format, page: index)
            try Self.check(size, limit: reader.options.maxImagePixels)
            let result = try reader.read(page: index + 1, render: { () throws(ExtractionError) -> OCRImage in
                let pix = bytes.withUnsafeBufferPointer { buffer in
                    isTIFF ? pixReadMemTiff(buffer.baseAddress, buffer.count, Int32(index)) : pixReadMem(buffer.baseAddress, buffer.count)
                }
                guard let pix else { throw ExtractionError.corrupt("image data could not be decoded (truncated or damaged)") }
                return OCRImage(taking: pix)
            }, emit: emit)
            if result == .off { throw ExtractionError.needsOCR }
            if result == .overBudget {
                for _ in (index + 1)..<pages { context.budget.ocr.recordSkipped() }
                break
            }
        }
        if let error = reader.budgetError() { throw error }
    }

    private static let tiff: Set<Int32> = [IFF_TIFF, IFF_TIFF_PACKBITS, IFF_TIFF_RLE, IFF_TIFF_G3, IFF_TIFF_G4,
                                           IFF_TIFF_LZW, IFF_TIFF_ZIP, IFF_TIFF_JPEG].reduce(into: []) { $0.insert(Int32($1)) }
    private static let readable: Set<Int32> = tiff.union([IFF_BMP, IFF_JFIF_JPEG, IFF_PNG, IFF_GIF, IFF_JP2, IFF_WEBP].map { Int32($0) })

    private static func tiffPageCount(_ bytes: [UInt8]) throws(ExtractionError) -> Int {
        var count: Int32 = 0
        let ok = bytes.withUnsafeBufferPointer { buffer -> Bool in
            guard let file = fopenReadFromMemory(buffer.baseAddress, buffer.count) else { return false }
            defer { fclose(file) }
            return tiffGetCount(file, &count) == 0
        }
        guard ok, count > 0 else { throw ExtractionError.corrupt("TIFF directory could not be read (truncated or damaged)") }
        return Int(count)
    }

    /// Width and height from the header only. GIF and BMP are read here: leptonica's
    /// header reader decodes those formats whole.
    static func dimensions(_ bytes: [UInt8], format: Int32, page: Int) throws(ExtractionError) -> (width: Int, height: Int) {
        func le(_ offset: Int, _ count: Int) -> Int {
            var value = 0
            for i in (0..<count).reversed() { value = value << 8 | Int(bytes[offset + i]) }
            return value
        }
        if format == Int32(IFF_GIF) {
            guard bytes.count >= 10 else { throw ExtractionError.corrupt("GIF header is truncated") }
            return (le(6, 2), le(8, 2))
        }
        if format == Int32(IFF_BMP) {
            guard bytes.count >= 26 else { throw ExtractionError.corrupt("BMP header is truncated") }
            let height = Int(Int32(truncatingIfNeeded: le(22, 4)))
            return (Int(Int32(truncatingIfNeeded: le(18, 4))).magnitude.toInt, height.magnitude.toInt)
        }
        var width: Int32 = 0, height: Int32 = 0, bps: Int32 = 0, spp: Int32 = 0
        let ok = bytes.withUnsafeBufferPointer { buffer -> Bool in
            if tiff.contains(format) {
                var res: Int32 = 0, cmap: Int32 = 0, subformat: Int32 = 0
                return readHeaderMemTiff(buffer.baseAddress, buffer.count, Int32(page), &width, &height, &bps, &spp, &res, &cmap, &subformat) == 0
            }
            var found: Int32 = 0, cmap: Int32 = 0
            return pixReadHeaderMem(buffer.baseAddress, buffer.count, &found, &width, &height, &bps, &spp, &cmap) == 0
        }
        guard ok else { throw ExtractionError.corrupt("image header could not be read (truncated or damaged)") }
        return (Int(width), Int(height))
    }

    /// Pixels of the image (its first page), from the header only; nil when leptonica does
    /// not know the format or the header cannot be read. Lets a container skip pictures too
    /// small to hold text before they cost an OCR call.
    static func pixelCount(_ bytes: [UInt8]) -> Int? {
        guard bytes.count >= 16 else { return nil }
        var format: Int32 = 0
        let known = bytes.withUnsafeBufferPointer { findFileFormatBuffer($0.baseAddress, &format) } == 0
        guard known, readable.contains(format), let size = try? dimensions(bytes, format: format, page: 0) else { return nil }
        let pixels = size.width.multipliedReportingOverflow(by: size.height)
        return pixels.overflow ? Int.max : pixels.partialValue
    }

    static func check(_ size: (width: Int, height: Int), limit: Int) throws(ExtractionError) {
        guard size.width > 0, size.height > 0 else { throw ExtractionError.corrupt("image header gives no size") }
        let pixels = size.width.multipliedReportingOverflow(by: size.height)
        if pixels.overflow || pixels.partialValue > limit {
            throw ExtractionError.limitExceeded(
                "image of \(size.width) × \(size.height) pixels is over the \(limit / 1_000_000) megapixel limit for OCR (a decompression bomb, or a poster-sized scan)")
        }
    }
}

private extension UInt {
    var toInt: Int { Int(clamping: self) }
}
