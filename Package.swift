// swift-tools-version: 6.1
import PackageDescription

/// The monitoring report pipeline: one module per stage (see README.md).
///
/// ingest → normalise → aggregate → render (SVG, Excel annex, Markdown report).
/// Only `XlsxWriter` imports the C library libxlsxwriter.
let package = Package(
    name: "MonitoringReport",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "monitoring", targets: ["monitoring"]),
        .executable(name: "monitoring-bench", targets: ["MonitoringBench"]),
        .library(name: "MonitoringPipeline", targets: ["Pipeline"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        // System library: libxlsxwriter (Debian: libxlsxwriter-dev).
        .systemLibrary(
            name: "CXlsxWriter",
            pkgConfig: "xlsxwriter",
            providers: [.apt(["libxlsxwriter-dev"]), .brew(["libxlsxwriter"])]
        ),
        // Running independent work on all cores with deterministic results.
        .target(name: "Concurrency"),
        // The one error protocol every stage's errors conform to, and the exit codes.
        .target(name: "Diagnostics"),
        // Shared text conventions: German number formatting, escaping for CSV/XML/Markdown.
        .target(name: "Formatting"),
        // Stage 1: spreadsheets (xlsx, CSV) → typed cells. Knows nothing about surveys.
        // System zlib: inflate and CRC-32 for the xlsx reader (Debian: zlib1g-dev).
        .systemLibrary(name: "SystemZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"]), .brew(["zlib"])]),
        .target(name: "Ingest", dependencies: ["SystemZlib", "Diagnostics"]),
        // Stage 2: catalogue-driven normalisation → tidy answers + validation issues.
        .target(name: "Normalise", dependencies: ["Ingest", "Formatting", "Concurrency", "Diagnostics"]),
        // Stage 3: report spec + tidy answers → chart-ready series, tables, transitions.
        .target(name: "Aggregate", dependencies: [
            "Normalise", "Ingest", "Formatting", "Diagnostics", "Concurrency", .product(name: "Yams", package: "Yams"),
        ]),
        // Render: SVG charts in pure Swift.
        .target(name: "RenderSVG", dependencies: ["Aggregate", "Formatting"]),
        // Render: machine-readable exports (series.csv, Datawrapper CSVs, tables, JSON).
        .target(name: "RenderData", dependencies: ["Aggregate", "Normalise", "Formatting"]),
        // Render: the Excel annex, written through libxlsxwriter.
        .target(name: "RenderExcel", dependencies: ["Aggregate", "Normalise", "Ingest", "Formatting", "XlsxWriter"]),
        // Render: the Markdown report from a strict Mustache template.
        .target(name: "RenderReport", dependencies: ["Aggregate", "Normalise", "Ingest", "Formatting", "Diagnostics"]),
        // Publish: the report as HTML, PDF (WeasyPrint) and DOCX (pandoc), as child processes.
        .target(name: "Publish", dependencies: ["Aggregate", "Formatting", "Concurrency", "Diagnostics"]),
        // Swift wrapper over libxlsxwriter: the only module that imports the C library.
        .target(name: "XlsxWriter", dependencies: ["CXlsxWriter", "Diagnostics"]),
        // Orchestration: runs the stages, writes outputs atomically.
        // Check: no published output names a unit beside its answers (reads every format).
        .target(name: "Disclosure", dependencies: ["Ingest", "Normalise", "Diagnostics", "Concurrency"]),
        .target(name: "Pipeline", dependencies: ["Ingest", "Normalise", "Aggregate", "RenderData", "RenderSVG", "RenderExcel", "RenderReport", "Formatting",
                                                 "Concurrency", "Publish", "XlsxWriter", "Diagnostics", "Disclosure"]),
        // Synthetic data for benchmarks and scale tests (writes xlsx through XlsxWriter).
        .target(name: "SyntheticData", dependencies: ["XlsxWriter", "Normalise", "Concurrency"]),
        // Fuzzing the readers (make fuzz); without the fuzzer the executable replays inputs.
        .target(name: "FuzzTargets", dependencies: ["Ingest", "SystemZlib"]),
        .executableTarget(name: "FuzzIngest", dependencies: ["FuzzTargets"]),
        // Thin CLI.
        .executableTarget(name: "monitoring", dependencies: [
            "Pipeline", "SyntheticData", "Ingest", "Normalise", "Aggregate", "Concurrency", "Diagnostics",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // The benchmarks behind `make bench` (runs the `monitoring` binary built beside it).
        .executableTarget(name: "MonitoringBench", dependencies: [
            "Pipeline", "SyntheticData", "Ingest", "Normalise", "Aggregate", "RenderSVG", "RenderExcel", "RenderReport", "RenderData", "Concurrency",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // Fixture builders shared by the test targets.
        .target(name: "TestSupport", dependencies: [
            "Concurrency",
            "Ingest", "Normalise", "Aggregate", "Formatting", "FuzzTargets", "SyntheticData",
        ], path: "Tests/TestSupport"),
        .testTarget(name: "IngestTests", dependencies: ["Ingest", "TestSupport"]),
        .testTarget(name: "NormaliseTests", dependencies: ["Normalise", "TestSupport"]),
        .testTarget(name: "AggregateTests", dependencies: ["Aggregate", "TestSupport"]),
        .testTarget(name: "RenderSVGTests", dependencies: ["RenderSVG", "TestSupport"]),
        .testTarget(name: "RenderExcelTests", dependencies: ["RenderExcel", "TestSupport"]),
        .testTarget(name: "RenderReportTests", dependencies: ["RenderReport", "TestSupport"]),
        .testTarget(name: "RenderDataTests", dependencies: ["RenderData", "TestSupport"]),
        .testTarget(name: "PublishTests", dependencies: ["Publish", "TestSupport"]),
        .testTarget(name: "XlsxWriterTests", dependencies: ["XlsxWriter", "Ingest", "TestSupport"]),
        .testTarget(name: "FormattingTests", dependencies: ["Formatting"]),
        .testTarget(name: "ConcurrencyTests", dependencies: ["Concurrency"]),
        .testTarget(name: "PipelineTests", dependencies: ["Pipeline", "Normalise", "Ingest", "SyntheticData", "Concurrency", "XlsxWriter",
                                                         "RenderReport", "Publish", "Diagnostics", "Disclosure", "TestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
