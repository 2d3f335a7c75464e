// swift-tools-version:6.0
// Inventa: finds personal data on Swedish municipal file shares.
// One library target per pipeline stage (crawl → extract → detect → report), with
// one-way dependencies; thin system-library targets wrap the C libraries.
import PackageDescription

let package = Package(
    name: "Inventa",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "inventa", targets: ["inventa"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", exact: "3.12.3"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
        .package(url: "https://github.com/LebJe/TOMLKit", exact: "0.6.0"),
    ],
    targets: [
        // C shims: a module map and one header each, nothing else.
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3",
                       providers: [.apt(["libsqlite3-dev"])]),
        .systemLibrary(name: "CPCRE2", pkgConfig: "libpcre2-8",
                       providers: [.apt(["libpcre2-dev"])]),
        .systemLibrary(name: "CPoppler", pkgConfig: "poppler-glib",
                       providers: [.apt(["libpoppler-glib-dev"])]),
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0",
                       providers: [.apt(["libxml2-dev"])]),
        .systemLibrary(name: "CCairo", pkgConfig: "cairo",
                       providers: [.apt(["libcairo2-dev"])]),
        // OCR: libtesseract's C API and leptonica (image decoding), see docs/decisions/0230-ocr.md.
        .systemLibrary(name: "CTesseract", pkgConfig: "tesseract",
                       providers: [.apt(["libtesseract-dev", "libleptonica-dev"])]),

        // SIMD byte classification in C (SSE2 on x86-64, a plain loop elsewhere): Swift's SIMD
        // types did not vectorise the phrase sweep's loop. Header-only, inlined into Swift.
        .target(name: "CByteScan"),

        // Pipeline stages.
        .target(name: "InventaModel"),
        .target(name: "InventaCrawl", dependencies: ["InventaModel"]),
        .target(name: "InventaExtraction", dependencies: [
            "InventaModel", "CPoppler", "CLibXML2", "CTesseract", "CCairo",
            .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ]),
        .target(name: "InventaRules", dependencies: [
            "InventaModel", "CPCRE2",
            .product(name: "TOMLKit", package: "TOMLKit"),
        ]),
        .target(name: "InventaDetection", dependencies: ["InventaModel", "InventaRules", "CPCRE2", "CByteScan"]),
        .target(name: "InventaReport", dependencies: [
            "InventaModel", "CSQLite",
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ]),
        .target(name: "InventaPipeline", dependencies: [
            "InventaModel", "InventaCrawl", "InventaExtraction", "InventaRules", "InventaDetection", "InventaReport",
            .product(name: "TOMLKit", package: "TOMLKit"),
        ]),
        // Synthetic corpus generation with ground truth, and the accuracy/speed benchmark.
        .target(name: "InventaCorpus", dependencies: [
            "InventaModel", "CCairo",
            .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ]),
        // Trains, evaluates and benchmarks the `name` matcher (scripts/train-names, eval-names, bench-names).
        .executableTarget(name: "inventa-train-names", dependencies: ["InventaDetection", "InventaExtraction", "InventaModel"],
                          path: "Sources/NameTrainer"),
        // Mutation fuzzing of the extractors in process (docs/fuzzing.md): `swift run inventa-fuzz-extract`.
        .executableTarget(name: "inventa-fuzz-extract", dependencies: ["InventaExtraction", "InventaModel"],
                          path: "Sources/ExtractionFuzzer"),
        // `inventa bench`: scans a generated corpus and scores the report against its truth.
        .target(name: "InventaBench", dependencies: [
            "InventaModel", "InventaCrawl", "InventaDetection", "InventaPipeline", "InventaReport", "InventaCorpus",
        ]),
        .executableTarget(name: "inventa", dependencies: [
            "InventaPipeline", "InventaReport", "InventaCorpus", "InventaBench", "InventaRules", "InventaDetection", "InventaExtraction",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        // Tests mirror the stages.
        .testTarget(name: "InventaDetectionTests", dependencies: ["InventaDetection", "InventaRules", "InventaModel"],
                    exclude: ["Names/EvalSet"]),
        .testTarget(name: "InventaCrawlTests", dependencies: ["InventaCrawl", "InventaModel"]),
        .testTarget(name: "InventaExtractionTests", dependencies: ["InventaExtraction", "InventaModel", "InventaDetection", "CCairo"],
                    resources: [.copy("Fixtures")]),
        .testTarget(name: "InventaReportTests", dependencies: [
            "InventaReport", "InventaModel", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ]),
        .testTarget(name: "InventaRulesTests", dependencies: ["InventaRules", "InventaModel"], exclude: ["Fixtures"]),
        .testTarget(name: "InventaPipelineTests", dependencies: ["InventaPipeline", "InventaDetection", "InventaReport", "InventaModel"]),
        .testTarget(name: "InventaCorpusTests", dependencies: ["InventaCorpus", "InventaExtraction", "InventaModel"]),
        .testTarget(name: "InventaCLITests", dependencies: ["inventa", "InventaModel"]),
    ]
)
