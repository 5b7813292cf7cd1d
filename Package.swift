// swift-tools-version: 6.1
import PackageDescription

/// The monitoring report pipeline: one module per stage, every dependency pointing down the
/// stage order (README.md, "Layout"; `PackageLayoutTests` fails on an edge pointing back up).
///
///   foundations   Diagnostics, Formatting, Concurrency, SystemInterface (+ zlib, libxlsxwriter)
///   1 read        Ingest (spreadsheets → cells); XlsxWriter (cells → xlsx)
///   2 interpret   Normalise (catalogue + waves → tidy answers); ReportSpec (bericht.yaml)
///   3 aggregate   Aggregate (answers + spec → the report model)
///   4 render      RenderSVG, RenderData, RenderExcel, RenderReport, Publish
///   5 check       Disclosure (no published output names a unit beside its answers)
///   6 run         Pipeline (the library: runs the stages, writes outputs atomically)
///   7 tools       monitoring (CLI), MonitoringBench, SyntheticData, FuzzTargets, FuzzIngest
///
/// Only `XlsxWriter` imports libxlsxwriter; only `Ingest` and `FuzzTargets` import zlib.

/// Every Swift target: a file must import each module whose members it uses, so that the
/// import lines are the true dependency graph (and `public` means the library's API).
let strict: [SwiftSetting] = [.enableUpcomingFeature("MemberImportVisibility")]

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
        // Foundations: no dependency on any other module of ours.
        // The one error protocol every stage's errors conform to, and the exit codes.
        .target(name: "Diagnostics", swiftSettings: strict),
        // Text conventions: German numbers and nouns, escaping, font metrics, trimming, time.
        .target(name: "Formatting", swiftSettings: strict),
        // Independent work on all cores with results in input order.
        .target(name: "Concurrency", swiftSettings: strict),
        // The operating system: child processes, CPU clocks, file writers.
        .target(name: "SystemInterface", swiftSettings: strict),
        // System zlib: inflate and CRC-32 for the xlsx reader (Debian: zlib1g-dev).
        .systemLibrary(name: "SystemZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"]), .brew(["zlib"])]),
        // System library: libxlsxwriter (Debian: libxlsxwriter-dev).
        .systemLibrary(
            name: "CXlsxWriter",
            pkgConfig: "xlsxwriter",
            providers: [.apt(["libxlsxwriter-dev"]), .brew(["libxlsxwriter"])]
        ),

        // 1 read: spreadsheets (xlsx, CSV) → typed cells. Knows nothing about surveys.
        .target(name: "Ingest", dependencies: ["SystemZlib", "Diagnostics", "Formatting"], swiftSettings: strict),
        // 1 write: a Swift wrapper over libxlsxwriter, the only module that imports it.
        .target(name: "XlsxWriter", dependencies: ["CXlsxWriter", "Diagnostics"], swiftSettings: strict),

        // 2 interpret: catalogue-driven normalisation → tidy answers + validation issues.
        .target(name: "Normalise", dependencies: ["Ingest", "Formatting", "Concurrency", "Diagnostics"], swiftSettings: strict),
        // 2 interpret: the report spec (bericht.yaml) and the tables it names; answer scales and
        // their colours; output formats.
        .target(
            name: "ReportSpec",
            dependencies: [
                "Ingest", "Formatting", "Diagnostics", .product(name: "Yams", package: "Yams"),
            ], swiftSettings: strict),

        // 3 aggregate: spec + tidy answers → the report model (series, tables, revisions).
        .target(
            name: "Aggregate", dependencies: ["Normalise", "ReportSpec", "Formatting", "Concurrency"],
            swiftSettings: strict),

        // 4 render: SVG charts in pure Swift.
        .target(name: "RenderSVG", dependencies: ["Aggregate", "ReportSpec", "Formatting", "Normalise"], swiftSettings: strict),
        // 4 render: machine-readable exports (series.csv, Datawrapper CSVs, tables, JSON).
        .target(name: "RenderData", dependencies: ["Aggregate", "Normalise", "ReportSpec", "Formatting"], swiftSettings: strict),
        // 4 render: the Excel annex through XlsxWriter (Ingest: the zip reader, to set the language).
        .target(
            name: "RenderExcel", dependencies: ["Aggregate", "Normalise", "ReportSpec", "Ingest", "Formatting", "XlsxWriter"],
            swiftSettings: strict),
        // 4 render: the Markdown report from a strict Mustache template.
        .target(
            name: "RenderReport", dependencies: ["Aggregate", "Normalise", "ReportSpec", "Formatting", "Diagnostics"],
            swiftSettings: strict),
        // 4 render: the report as HTML, PDF (WeasyPrint) and DOCX (pandoc), as child processes.
        .target(name: "Publish", dependencies: ["Aggregate", "ReportSpec", "Formatting", "SystemInterface", "Diagnostics"], swiftSettings: strict),

        // 5 check: no published output names a unit beside its answers (reads every format).
        .target(
            name: "Disclosure", dependencies: ["Ingest", "Normalise", "Diagnostics", "Concurrency", "SystemInterface"],
            swiftSettings: strict),

        // 6 run: the library. Runs the stages and writes the outputs atomically.
        .target(
            name: "Pipeline",
            dependencies: [
                "Ingest", "Normalise", "ReportSpec", "Aggregate", "RenderData", "RenderSVG", "RenderExcel", "RenderReport", "Publish",
                "Disclosure", "XlsxWriter", "Formatting", "Concurrency", "SystemInterface", "Diagnostics",
                .product(name: "Yams", package: "Yams"),
            ], swiftSettings: strict),

        // 7 tools.
        // The CLI: arguments in, one error report and exit code out.
        .executableTarget(
            name: "monitoring",
            dependencies: [
                "Pipeline", "Publish", "ReportSpec", "SyntheticData", "Ingest", "Normalise", "SystemInterface", "Diagnostics",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ], swiftSettings: strict),
        // Synthetic surveys for benchmarks and scale tests (writes xlsx through XlsxWriter).
        .target(name: "SyntheticData", dependencies: ["XlsxWriter", "Normalise", "Concurrency"], swiftSettings: strict),
        // Fuzzing the readers (make fuzz); without the fuzzer the executable replays inputs.
        .target(name: "FuzzTargets", dependencies: ["Ingest", "SystemZlib"], swiftSettings: strict),
        .executableTarget(name: "FuzzIngest", dependencies: ["FuzzTargets"], swiftSettings: strict),
        // The benchmarks behind `make bench` (runs the `monitoring` binary built beside it).
        .executableTarget(
            name: "MonitoringBench",
            dependencies: [
                "Pipeline", "SyntheticData", "Ingest", "Normalise", "Aggregate", "RenderSVG", "RenderExcel", "RenderReport", "RenderData",
                "Concurrency", "SystemInterface", .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ], swiftSettings: strict),

        // Test helpers shared by every test target: paths, temporary folders, external tools.
        .target(name: "TestSupport", dependencies: ["SystemInterface"], path: "Tests/TestSupport", swiftSettings: strict),
        // Hand-made inputs for the readers: xlsx and zip builders, the synthetic survey, fuzz corpora.
        .target(
            name: "IngestFixtures", dependencies: ["TestSupport", "Ingest", "FuzzTargets", "Formatting"], path: "Tests/IngestFixtures",
            swiftSettings: strict),
        // Report models for the renderers: small hand-made ones, and the shipped survey's.
        .target(
            name: "ModelFixtures", dependencies: ["TestSupport", "Ingest", "Normalise", "ReportSpec", "Aggregate"], path: "Tests/ModelFixtures",
            swiftSettings: strict),

        .testTarget(
            name: "IngestTests", dependencies: ["Ingest", "FuzzTargets", "IngestFixtures", "TestSupport", "Formatting"], swiftSettings: strict),
        .testTarget(name: "NormaliseTests", dependencies: ["Normalise", "Ingest", "IngestFixtures", "TestSupport"], swiftSettings: strict),
        .testTarget(name: "ReportSpecTests", dependencies: ["ReportSpec"], swiftSettings: strict),
        .testTarget(
            name: "AggregateTests",
            dependencies: ["Aggregate", "ReportSpec", "Normalise", "Ingest", "Formatting", "SyntheticData", "ModelFixtures", "TestSupport"],
            swiftSettings: strict),
        .testTarget(
            name: "RenderSVGTests", dependencies: ["RenderSVG", "Aggregate", "ReportSpec", "Formatting", "ModelFixtures", "TestSupport"],
            swiftSettings: strict),
        .testTarget(
            name: "RenderExcelTests",
            dependencies: [
                "RenderExcel", "Aggregate", "ReportSpec", "Normalise", "Ingest", "ModelFixtures", "TestSupport",
            ], swiftSettings: strict),
        .testTarget(
            name: "RenderReportTests", dependencies: ["RenderReport", "Formatting", "TestSupport"],
            swiftSettings: strict),
        .testTarget(
            name: "RenderDataTests", dependencies: ["RenderData", "Aggregate", "ReportSpec", "ModelFixtures"],
            swiftSettings: strict),
        .testTarget(
            name: "PublishTests", dependencies: ["Publish", "ReportSpec", "Formatting", "TestSupport", "Aggregate"],
            swiftSettings: strict),
        .testTarget(name: "XlsxWriterTests", dependencies: ["XlsxWriter", "Ingest"], swiftSettings: strict),
        .testTarget(name: "FormattingTests", dependencies: ["Formatting"], swiftSettings: strict),
        .testTarget(name: "ConcurrencyTests", dependencies: ["Concurrency", "SystemInterface"], swiftSettings: strict),
        .testTarget(
            name: "PipelineTests",
            dependencies: [
                "Pipeline", "Normalise", "Ingest", "ReportSpec", "Aggregate", "SyntheticData", "SystemInterface", "XlsxWriter", "RenderSVG",
                "RenderExcel", "RenderReport", "Publish", "Diagnostics", "Disclosure", "Formatting", "IngestFixtures", "ModelFixtures", "TestSupport",
            ], swiftSettings: strict),
        // The package as a whole: the README's library example, compiled as a user writes it (`import Pipeline`
        // alone), and the layout: every dependency points down the stage order (README, "Layout").
        .testTarget(name: "PackageTests", dependencies: ["Pipeline", "TestSupport"], swiftSettings: strict),
    ],
    swiftLanguageModes: [.v6]
)
