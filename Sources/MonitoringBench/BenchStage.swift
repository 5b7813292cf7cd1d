import Aggregate
import ArgumentParser
import Concurrency
import Foundation
import Ingest
import Normalise
import Pipeline
import RenderData
import RenderExcel
import RenderReport
import RenderSVG

/// `monitoring-bench bench-stage KIND FILE`: one measured stage in a process of its own,
/// printed as JSON (internal).
struct BenchStage: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "bench-stage", shouldDisplay: false)

    enum Kind: String, CaseIterable, ExpressibleByArgument {
        /// Every sheet of every file of a data folder into memory, on all cores / on one.
        case ingest
        case ingestSerial = "ingest-serial"
        /// Stream the first sheet of one file row by row.
        case stream
        /// For profilers: repeat one shipped-data stage in this process (`text`: the report
        /// text, report-data.json and report-context.json).
        case render, normalise, annex, text
    }

    @Argument var kind: Kind
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
        case .ingest, .ingestSerial:
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
            let start = Measurement.wallNow()
            let cpu = Measurement.cpuNow()
            let results = kind == .ingest ? ParallelMap.map(paths, read) : paths.map(read)
            let wall = Measurement.wallNow() - start
            let cpuTime = Measurement.cpuNow() - cpu
            let report = StageReport(
                cpuSeconds: cpuTime, wallSeconds: wall, peakMiB: Measurement.peakMemoryMiB(),
                bytes: Self.sheetBytes(paths), cells: results.map(\.cells).reduce(0, +))
            print(String(decoding: try JSONEncoder().encode(report), as: UTF8.self))
            return
        case .render, .normalise, .annex, .text:
            // For profilers: repeat one shipped-data stage in this process.
            let pipeline = ReportPipeline(options: .init(specFile: URL(fileURLWithPath: file)))
            let (model, normalised) = try pipeline.model()
            let spec = model.spec
            let context = FigureContext(model: model)
            let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("monitoring-bench-stage-\(getpid()).xlsx")
            defer { try? FileManager.default.removeItem(at: scratch) }
            for _ in 0..<repetitions {
                if kind == .annex {
                    try AnnexWriter(model: model, answers: normalised.answers, issues: normalised.issues, created: 0)
                        .write(to: scratch.path)
                } else if kind == .text, let template = spec.template {
                    let report = try MarkdownReport.render(templateURL: template, model: model, data: normalised)
                    _ = ReportDataJSON(model).encoded()
                    report.context.writeJSON { _ in }
                } else if kind == .render {
                    for figure in model.figures { _ = FigureRenderer().svg(figure, context: context) }
                } else {
                    _ = try DataFolder(url: spec.dataFolder).normalise()
                }
            }
            return
        case .stream:
            break
        }
        let url = URL(fileURLWithPath: file)
        var cells = 0
        let book = try WorkbookReader.open(url)
        let sheet = book.sheetNames.first ?? ""
        let bytes = try SheetPartSize.bytes(of: url, sheet: sheet)
        let measured = try Measurement.run(iterations: 1) {
            _ = try book.streamSheet(named: sheet) { row, _ in cells += row.cells.count }
        }
        let report = StageReport(
            cpuSeconds: measured.cpuSeconds, wallSeconds: measured.wallSeconds,
            peakMiB: Measurement.peakMemoryMiB(), bytes: bytes, cells: cells)
        print(String(decoding: try JSONEncoder().encode(report), as: UTF8.self))
    }
}
