import Aggregate
import ArgumentParser
import Concurrency
import Foundation
import Ingest
import Normalise
import Pipeline
import RenderExcel
import RenderSVG
import SyntheticData

/// `monitoring bench`: the benchmarks behind `make bench`. Every figure is reported next to
/// a baseline measured in the same run, because machines are noisy.
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Run the benchmarks (see README).")

    @Option(help: "Data folder of the shipped data.") var data = "data"
    @Option(help: "Rows of the large synthetic workbook.") var rows = 100_000
    @Option(help: "Columns of the large synthetic workbook.") var columns = 20
    @Option(help: "Iterations for the shipped-data stage.") var iterations = 50
    @Option(help: "Report spec for the render stages.") var spec = "reports/abschlussbericht-2021/bericht.yaml"

    func run() throws {
        print("machine: \(ProcessInfo.processInfo.activeProcessorCount) cores, "
              + "\(ProcessInfo.processInfo.physicalMemory / 1_073_741_824) GiB; \(Self.osName())")
        try shippedData()
        try renderStages()
        try syntheticWorkbook()
    }

    /// Ingest + normalise of the shipped data, against inflating the same sheet parts only.
    func shippedData() throws {
        let folder = URL(fileURLWithPath: data)
        guard case .success(let result) = DataFolder(url: folder).normalise() else {
            throw ValidationError("the data folder \(data) does not normalise")
        }
        let sheetBytes = try result.catalogue.waves.reduce(0) { total, wave in
            total + (try SheetPartSize.bytes(of: folder.appendingPathComponent("waves/\(wave.fileName)"), sheet: wave.sheetName))
        }
        let pipeline = Measurement.run(iterations: iterations) { _ = DataFolder(url: folder).normalise() }
        let inflate = try Measurement.run(iterations: iterations) {
            for wave in result.catalogue.waves {
                _ = try SheetPartSize.bytes(of: folder.appendingPathComponent("waves/\(wave.fileName)"), sheet: wave.sheetName)
            }
        }
        print("")
        print("shipped data: ingest + normalise of \(result.catalogue.waves.count) waves + catalogue, \(result.answers.count) answers")
        print(String(format: "  process time %.2f ms per run (wall %.2f ms), target < 50 ms", pipeline.cpuSeconds * 1000,
                     pipeline.wallSeconds * 1000))
        print(String(format: "  sheet XML %.1f KiB → %.1f MB/s", Double(sheetBytes) / 1024,
                     Double(sheetBytes) / pipeline.cpuSeconds / 1e6))
        print(String(format: "  baseline: inflating the wave sheet parts only %.2f ms → pipeline/inflate = %.1f×",
                     inflate.cpuSeconds * 1000, pipeline.cpuSeconds / inflate.cpuSeconds))
    }

    /// Aggregate and render stages on the shipped data (in process, averaged).
    func renderStages() throws {
        let pipeline = ReportPipeline(options: .init(specFile: URL(fileURLWithPath: spec), dataFolder: URL(fileURLWithPath: data)))
        guard case .success(let (model, normalised)) = pipeline.model(), case .success(let spec) = pipeline.readSpec() else {
            throw ValidationError("the report spec \(self.spec) does not build")
        }
        let aggregate = Measurement.run(iterations: iterations) { _ = Aggregator(data: normalised, spec: spec).model() }
        let context = FigureContext(model: model)
        var bytes = 0
        let render = Measurement.run(iterations: iterations) {
            bytes = 0
            for figure in model.figures { bytes += FigureRenderer().svg(figure, context: context).utf8.count }
        }
        let annexPath = FileManager.default.temporaryDirectory.appendingPathComponent("bench-annex-\(getpid()).xlsx").path
        defer { try? FileManager.default.removeItem(atPath: annexPath) }
        let annex = try Measurement.run(iterations: max(1, iterations / 5)) {
            try AnnexWriter(model: model, answers: normalised.answers, issues: normalised.issues, created: 0).write(to: annexPath)
        }
        print("")
        print(String(format: "aggregate (series, tables, transitions): %.2f ms per run", aggregate.cpuSeconds * 1000))
        print(String(format: "render %d SVG figures: %.2f ms per run (%.0f KiB), target < 5 ms; %.2f× the aggregate stage",
                     model.figures.count, render.cpuSeconds * 1000, Double(bytes) / 1024, render.cpuSeconds / aggregate.cpuSeconds))
        print(String(format: "write the Excel annex (%d sheets, %d charts, %d answers): %.2f ms per run (wall %.2f ms), target < 30 ms",
                     model.figures.count + model.tables.count + 3, model.figures.count, normalised.answers.count,
                     annex.cpuSeconds * 1000, annex.wallSeconds * 1000))
    }

    /// Streaming ingest of synthetic workbooks of two sizes, each in its own process, so
    /// that peak memory shows whether it grows with the row count.
    func syntheticWorkbook() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("monitoring-bench-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        print("")
        print("synthetic workbooks written by libxlsxwriter (\(columns) columns), streaming ingest in a fresh process each:")
        var results: [(rows: Int, report: StageReport)] = []
        for count in [rows / 10, rows] {
            let path = folder.appendingPathComponent("wide-\(count).xlsx").path
            try WideSheetWriter(rows: count, columns: columns).write(to: path)
            let report = try StageReport.runChild(["bench-stage", "stream", path])
            results.append((count, report))
            print(String(format: "  %7d rows: %.0f ms CPU, sheet XML %.1f MB → %.0f MB/s, %d cells, peak memory %.1f MiB",
                         count, report.cpuSeconds * 1000, Double(report.bytes) / 1e6,
                         Double(report.bytes) / report.cpuSeconds / 1e6, report.cells, report.peakMiB))
        }
        if results.count == 2 {
            let (small, large) = (results[0].report, results[1].report)
            print(String(format: "  10× the rows: %.1f× the time, %.2f× the peak memory (streaming: memory stays flat)",
                         large.cpuSeconds / small.cpuSeconds, large.peakMiB / small.peakMiB))
        }
    }

    static func osName() -> String {
        (try? String(contentsOfFile: "/etc/os-release", encoding: .utf8))?
            .split(separator: "\n").first { $0.hasPrefix("PRETTY_NAME=") }?
            .dropFirst(12).trimmingCharacters(in: CharacterSet(charactersIn: "\"")) ?? "unknown OS"
    }
}

/// A stage measured in a child process (`monitoring bench-stage …`), reported as one line.
struct StageReport: Codable {
    var cpuSeconds: Double
    var wallSeconds: Double
    var peakMiB: Double
    var bytes: Int
    var cells: Int

    static func runChild(_ arguments: [String]) throws -> StageReport {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw ValidationError("bench stage \(arguments) failed with status \(process.terminationStatus)")
        }
        return try JSONDecoder().decode(StageReport.self, from: output)
    }
}

/// `monitoring bench-stage KIND FILE`: one measured stage, printed as JSON (internal).
struct BenchStage: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "bench-stage", shouldDisplay: false)
    @Argument var kind: String
    @Argument var file: String

    /// Uncompressed sheet XML of the files (measured outside the timed part).
    static func sheetBytes(_ paths: [URL]) -> Int {
        paths.reduce(0) { total, url in
            guard let book = try? WorkbookReader.open(url) else { return total }
            return total + book.sheetNames.reduce(0) { $0 + ((try? SheetPartSize.bytes(of: url, sheet: $1)) ?? 0) }
        }
    }

    @Option(name: .customLong("repeat"), help: "Repetitions (for profiling the in-process stages).") var repetitions = 200

    func run() throws {
        switch kind {
        case "ingest", "ingest-serial":
            // Every sheet of every file of a data folder into memory, as the Python baseline does.
            let folder = URL(fileURLWithPath: file)
            let fm = FileManager.default
            var paths = ((try? fm.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".xlsx") }.sorted()
                .map { folder.appendingPathComponent($0) }
            paths += ((try? fm.contentsOfDirectory(atPath: folder.appendingPathComponent("waves").path)) ?? []).sorted()
                .map { folder.appendingPathComponent("waves").appendingPathComponent($0) }
            let read: @Sendable (URL) -> (cells: Int, bytes: Int) = { url in
                guard let book = try? WorkbookReader.open(url) else { return (0, 0) }
                var cells = 0
                for name in book.sheetNames {
                    cells += ((try? book.readSheet(named: name))?.rows ?? []).reduce(0) { $0 + $1.cells.count }
                }
                return (cells, 0)
            }
            let start = Measurement.wallNow(), cpu = Measurement.cpuNow()
            let results = kind == "ingest" ? ParallelMap.map(paths, read) : paths.map(read)
            let wall = Measurement.wallNow() - start, cpuTime = Measurement.cpuNow() - cpu
            let report = StageReport(cpuSeconds: cpuTime, wallSeconds: wall, peakMiB: Measurement.peakMemoryMiB(),
                                     bytes: Self.sheetBytes(paths), cells: results.map(\.cells).reduce(0, +))
            print(String(decoding: try JSONEncoder().encode(report), as: UTF8.self))
            return
        case "render", "normalise", "annex":
            // For profilers: repeat one shipped-data stage in this process.
            let pipeline = ReportPipeline(options: .init(specFile: URL(fileURLWithPath: file)))
            guard case .success(let (model, normalised)) = pipeline.model(), case .success(let spec) = pipeline.readSpec() else {
                throw ValidationError("spec \(file) does not build")
            }
            let context = FigureContext(model: model)
            for _ in 0..<repetitions {
                if kind == "annex" {
                    try AnnexWriter(model: model, answers: normalised.answers, issues: normalised.issues, created: 0)
                        .write(to: "/tmp/bench-stage-annex.xlsx")
                } else if kind == "render" {
                    for figure in model.figures { _ = FigureRenderer().svg(figure, context: context) }
                } else {
                    _ = DataFolder(url: spec.dataFolder).normalise()
                }
            }
            return
        default:
            break
        }
        let url = URL(fileURLWithPath: file)
        var cells = 0
        let book = try WorkbookReader.open(url)
        let sheet = book.sheetNames.first ?? ""
        let bytes = try SheetPartSize.bytes(of: url, sheet: sheet)
        let measured = try Measurement.run(iterations: 1) {
            try book.forEachRow(inSheet: sheet) { cells += $0.cells.count }
        }
        let report = StageReport(cpuSeconds: measured.cpuSeconds, wallSeconds: measured.wallSeconds,
                                 peakMiB: Measurement.peakMemoryMiB(), bytes: bytes, cells: cells)
        print(String(decoding: try JSONEncoder().encode(report), as: UTF8.self))
    }
}
