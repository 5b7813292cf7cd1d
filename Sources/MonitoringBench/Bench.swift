import Aggregate
import ArgumentParser
import Foundation
import Normalise
import Pipeline
import RenderExcel
import RenderSVG
import SyntheticData
import SystemInterface

/// `monitoring-bench`: the benchmarks behind `make bench`, in their own executable so the
/// production CLI keeps only `report`, `normalise`, `inspect` and `generate`. Every figure is
/// reported next to a baseline measured in the same run, because machines are noisy.
@main
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "monitoring-bench", abstract: "Run the benchmarks (see README).",
        subcommands: [Run.self, BenchStage.self], defaultSubcommand: Run.self)

    /// The sections of a benchmark run, in the order they run.
    enum Section: String, CaseIterable, ExpressibleByArgument {
        case shipped, formats, stages, large, scale, wide, badinputs
    }
}

extension Bench {
    struct Run: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "run", abstract: "Run the benchmarks (the default).")

        @Option(help: "Data folder of the shipped data.") var data = "data"
        @Option(help: "Report spec.") var spec = "reports/abschlussbericht-2021/bericht.yaml"
        @Option(help: "Regions of the large synthetic survey.") var regions = 400
        @Option(help: "Waves of the large synthetic survey.") var waves = 10
        @Option(help: "Runs of the shipped report (median).") var runs = 15
        @Option(help: "Iterations of the in-process stages.") var iterations = 50
        @Option(help: "Rows of the synthetic wide sheet (streaming ingest).") var rows = 100_000
        @Option(help: "The bad-input corpus (section badinputs).") var badInputCorpus = "Tests/Fixtures/bad-inputs"
        @Option(help: "Python with the baseline's packages (bench/requirements.txt).") var python = "python3"
        @Flag(help: "Skip the Python baseline.") var noBaseline = false
        @Option(
            help: "Units of the scale table (comma-separated).",
            transform: { text in
                try text.split(separator: ",").map { part in
                    guard let units = Int(part.trimmingCharacters(in: .whitespaces)), units > 0 else {
                        throw ValidationError("--scale-units: '\(part)' is not a positive whole number")
                    }
                    return units
                }
            })
        var scaleUnits: [Int] = [13, 400, 2_000, 10_800]
        @Option(help: "The scale table's size at which read throughput is measured.") var readThroughputUnits = 2_000
        @Option(
            help: "Run only these sections (comma-separated: \(Section.allCases.map(\.rawValue).joined(separator: ", "))).",
            transform: Run.sections)
        var only: Set<Section>?

        static func sections(_ text: String) throws -> Set<Section> {
            try Set(
                text.split(separator: ",").map { name in
                    guard let section = Section(rawValue: name.trimmingCharacters(in: .whitespaces)) else {
                        throw ValidationError(
                            "unknown section '\(name)'; expected one of \(Section.allCases.map(\.rawValue).joined(separator: ", "))")
                    }
                    return section
                })
        }

        /// The production CLI, built beside this executable (`make bench` builds both).
        var executable: String {
            URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL.deletingLastPathComponent()
                .appendingPathComponent("monitoring").path
        }
        var scratch: URL { FileManager.default.temporaryDirectory.appendingPathComponent("monitoring-bench-\(getpid())") }

        func run() throws {
            guard FileManager.default.isExecutableFile(atPath: executable) else {
                throw ValidationError("\(executable) is missing: build it first (swift build -c release --product monitoring; make bench does)")
            }
            try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: scratch) }
            print(
                "machine: \(ProcessInfo.processInfo.activeProcessorCount) cores, "
                    + "\(ProcessInfo.processInfo.physicalMemory / 1_073_741_824) GiB; \(Self.osName())")
            let baseline = noBaseline ? nil : PythonBaseline(python: python)
            if baseline == nil, !noBaseline {
                print("Python baseline unavailable: run `\(python) -m pip install -r bench/requirements.txt` (make bench does)")
            }
            for section in Section.allCases where only?.contains(section) ?? true {
                switch section {
                case .shipped: try shippedEndToEnd(baseline)
                case .formats: try publicationFormats()
                case .stages:
                    try shippedData()
                    try renderStages()
                case .large: try largeSurvey(baseline)
                case .scale: try scaleTable(baseline)
                case .wide: try syntheticWorkbook()
                case .badinputs: try badInputs()
                }
            }
        }

        // MARK: (a) shipped data, end to end

        func shippedEndToEnd(_ baseline: PythonBaseline?) throws {
            print("")
            print("(a) shipped data, make report end to end (\(runs) runs in fresh processes, build done):")
            var walls: [Double] = []
            var cpus: [Double] = []
            var last: ChildProcess?
            for _ in 0..<runs {
                let run = try ChildProcess.run(
                    executable,
                    [
                        "report", spec, "--data", data, "--out", scratch.appendingPathComponent("a").path,
                        "--timings", "--formats", "md",
                    ])
                guard run.status == 0 else { throw ValidationError("monitoring report failed: \(run.stderr)") }
                walls.append(run.wallSeconds)
                cpus.append(run.cpuSeconds)
                last = run
            }
            let wall = Self.median(walls)
            let cpu = Self.median(cpus)
            print(
                String(
                    format: "  Swift:  %7.1f ms wall (median; min %.1f), %.1f ms CPU, peak %.1f MiB; target < 100 ms",
                    wall * 1000, (walls.min() ?? 0) * 1000, cpu * 1000, last?.peakMiB ?? 0))
            if let last { Self.printStages(last, indent: "          ") }
            guard let baseline else { return }
            let python = try baseline.full(spec: spec, data: data, out: scratch.appendingPathComponent("py").path, runs: 3)
            print(
                String(
                    format: "  Python: %7.1f ms wall (median of 3), %.1f ms CPU, peak %.1f MiB (pandas+calamine, matplotlib, XlsxWriter, Jinja2)",
                    python.wall * 1000, python.cpu * 1000, python.peakMiB))
            for (stage, seconds) in python.stages { print(String(format: "          %-28@ %8.2f ms", stage as NSString, seconds * 1000)) }
            print(String(format: "  → Swift is %.0f× faster end to end (target ≥ 20×)", python.wall / wall))
        }

        // MARK: (c) publication formats

        /// What each publication format adds to `monitoring report` on the shipped data, against
        /// the Markdown-only run measured in the same loop (fresh processes, interleaved, median).
        func publicationFormats() throws {
            let variants = ["md", "md,html", "md,docx", "md,pdf", "md,html,pdf,docx"]
            let rounds = max(3, min(runs, 7))
            var walls: [String: [Double]] = [:]
            var cpus: [String: [Double]] = [:]
            var peaks: [String: Double] = [:]
            for _ in 0..<rounds {
                for formats in variants {
                    let run = try ChildProcess.run(
                        executable,
                        [
                            "report", spec, "--data", data, "--out",
                            scratch.appendingPathComponent("c").path, "--formats", formats,
                        ])
                    guard run.status == 0 else {
                        print("  (c) skipped: `monitoring report --formats \(formats)` exited \(run.status): \(run.stderr.prefix(300))")
                        return
                    }
                    walls[formats, default: []].append(run.wallSeconds)
                    cpus[formats, default: []].append(run.cpuSeconds)
                    peaks[formats] = max(peaks[formats] ?? 0, run.peakMiB)
                }
            }
            print("")
            print("(c) publication formats on the shipped data (\(rounds) interleaved runs each, fresh processes, median wall):")
            let base = Self.median(walls["md"] ?? [])
            for formats in variants {
                let wall = Self.median(walls[formats] ?? [])
                let added = formats == "md" ? "baseline" : String(format: "+%.0f ms (%.1f× the Markdown-only run)", (wall - base) * 1000, wall / base)
                print(
                    String(
                        format: "  --formats %-18@ %7.1f ms wall, %7.1f ms CPU (with children), peak %.1f MiB  %@",
                        formats as NSString, wall * 1000, Self.median(cpus[formats] ?? []) * 1000, peaks[formats] ?? 0, added as NSString))
            }
            print(
                String(
                    format: "  → all four formats: %.2f s wall on %d cores; target < 2.5 s", Self.median(walls["md,html,pdf,docx"] ?? []),
                    ProcessInfo.processInfo.activeProcessorCount))
        }

        /// Ingest + normalise of the shipped data, against inflating the same sheet parts only.
        func shippedData() throws {
            let folder = URL(fileURLWithPath: data)
            let result = try DataFolder(url: folder).normalise()
            let sheetBytes = try result.catalogue.waves.reduce(0) { total, wave in
                total + (try SheetPartSize.bytes(of: folder.appendingPathComponent("waves/\(wave.fileName)"), sheet: wave.sheetName))
            }
            let pipeline = Measurement.run(iterations: iterations) { _ = try? DataFolder(url: folder).normalise() }
            let inflate = try Measurement.run(iterations: iterations) {
                for wave in result.catalogue.waves {
                    _ = try SheetPartSize.bytes(of: folder.appendingPathComponent("waves/\(wave.fileName)"), sheet: wave.sheetName)
                }
            }
            print("")
            print("in process, shipped data (mean of \(iterations)):")
            print(
                String(
                    format: "  ingest + normalise (5 waves + catalogue, %d answers): %.2f ms CPU, %.2f ms wall; target < 50 ms CPU",
                    result.answers.count, pipeline.cpuSeconds * 1000, pipeline.wallSeconds * 1000))
            print(
                String(
                    format: "    sheet XML %.1f KiB; baseline: inflating the same sheet parts only %.2f ms → %.1f×",
                    Double(sheetBytes) / 1024, inflate.cpuSeconds * 1000, pipeline.cpuSeconds / inflate.cpuSeconds))
        }

        /// Aggregate and render stages on the shipped data (in process, averaged).
        func renderStages() throws {
            let pipeline = ReportPipeline(options: .init(specFile: URL(fileURLWithPath: spec), dataFolder: URL(fileURLWithPath: data)))
            let (model, normalised) = try pipeline.model()
            let spec = model.spec
            let aggregate = Measurement.run(iterations: iterations) { _ = Aggregator(data: normalised, spec: spec).model() }
            let context = FigureContext(model: model)
            var bytes = 0
            let render = Measurement.run(iterations: iterations) {
                bytes = 0
                for figure in model.figures { bytes += FigureRenderer().svg(figure, context: context).utf8.count }
            }
            let annexPath = scratch.appendingPathComponent("annex.xlsx").path
            let annex = try Measurement.run(iterations: max(1, iterations / 5)) {
                try AnnexWriter(model: model, answers: normalised.answers, issues: normalised.issues, created: 0).write(to: annexPath)
            }
            print(String(format: "  aggregate (series, tables, transitions): %.2f ms", aggregate.cpuSeconds * 1000))
            print(
                String(
                    format: "  render %d SVG figures: %.2f ms CPU (%.0f KiB); target < 5 ms", model.figures.count,
                    render.cpuSeconds * 1000, Double(bytes) / 1024))
            print(
                String(
                    format: "  write the Excel annex (%d sheets, %d charts): %.2f ms CPU, %.2f ms wall; target < 30 ms",
                    model.figures.count + model.tables.count + 3, model.figures.count, annex.cpuSeconds * 1000,
                    annex.wallSeconds * 1000))
        }

        // MARK: (b) a nationwide-sized survey

        func generate(regions: Int, into folder: URL) throws -> Double {
            let run = try ChildProcess.run(
                executable,
                [
                    "generate", "--regions", "\(regions)", "--waves", "\(waves)",
                    "--template", data, "--out", folder.path,
                ])
            guard run.status == 0 else { throw ValidationError("generate failed: \(run.stderr)") }
            return run.wallSeconds
        }

        func largeSurvey(_ baseline: PythonBaseline?) throws {
            let folder = scratch.appendingPathComponent("synthetic-\(regions)")
            let generation = try generate(regions: regions, into: folder)
            print("")
            print(String(format: "(b) synthetic survey, %d regions × %d waves (written by libxlsxwriter in %.2f s):", regions, waves, generation))
            // Ingest: every sheet of every file into memory, as python-calamine does.
            var serial: StageReport?
            var parallel: StageReport?
            for _ in 0..<3 {
                let s = try StageReport.runChild(.ingestSerial, folder.path)
                let p = try StageReport.runChild(.ingest, folder.path)
                if serial == nil || s.wallSeconds < serial!.wallSeconds { serial = s }
                if parallel == nil || p.wallSeconds < parallel!.wallSeconds { parallel = p }
            }
            if let serial, let parallel {
                print(
                    String(
                        format:
                            "  ingest (all sheets into memory, best of 3): %.1f ms on one core (%.0f MB/s of sheet XML), %.1f ms on all cores; %d cells",
                        serial.wallSeconds * 1000, Double(serial.bytes) / serial.wallSeconds / 1e6, parallel.wallSeconds * 1000,
                        serial.cells))
                if let baseline, let python = try? baseline.ingest(data: folder.path) {
                    print(
                        String(
                            format: "  python-calamine reading the same files: %.1f ms (best of 3, interpreter start excluded)",
                            python * 1000))
                    print(
                        String(
                            format: "  → ingest %.1f× faster than python-calamine on one core, %.1f× on all cores (target ≥ 1×)",
                            python / serial.wallSeconds, python / parallel.wallSeconds))
                }
            }
            let run = try ChildProcess.run(
                executable,
                [
                    "report", spec, "--data", folder.path, "--out",
                    scratch.appendingPathComponent("b").path, "--profiles", "--timings",
                    "--formats", "md",
                ])
            guard run.status == 0 else { throw ValidationError("report on the synthetic survey failed: \(run.stderr)") }
            print(
                String(
                    format: "  make report with all %d regional profiles: %.2f s wall, %.2f s CPU, peak %.0f MiB (targets < 10 s, < 500 MB)",
                    regions, run.wallSeconds, run.cpuSeconds, run.peakMiB))
            Self.printStages(run, indent: "    ")
        }

        /// The scale table: units × waves from a few to every German municipality, each size
        /// run by this project and by the Python stack in the same benchmark run (fresh
        /// processes), with ratios, and the read throughput against python-calamine.
        func scaleTable(_ baseline: PythonBaseline?) throws {
            print("")
            print(
                "(s) scale, \(waves) waves, `monitoring report --formats md` without profiles against the Python stack "
                    + "(median of three runs each up to 400 units, one above):")
            print("  | units | answers | this project | Python stack | faster | memory (ours / Python) |")
            print("  |---:|---:|---:|---:|---:|---:|")
            var points: [(units: Int, seconds: Double)] = []
            for units in scaleUnits {
                let folder = scratch.appendingPathComponent("scale-\(units)")
                _ = try generate(regions: units, into: folder)
                let out = scratch.appendingPathComponent("scale-out-\(units)")
                // One run of a second or less is mostly the machine's noise: the small sizes take
                // the median of three, on both sides.
                let runs = units <= 400 ? 3 : 1
                var ours: [ChildProcess] = []
                for _ in 0..<runs {
                    try? FileManager.default.removeItem(at: out)
                    let attempt = try ChildProcess.run(executable, ["report", spec, "--data", folder.path, "--out", out.path, "--formats", "md"])
                    guard attempt.status == 0 else { throw ValidationError("scale run (\(units) units) failed: \(attempt.stderr)") }
                    ours.append(attempt)
                }
                let run = ours.sorted { $0.wallSeconds < $1.wallSeconds }[ours.count / 2]
                let answers = run.stdout.firstMatch(of: /(\d+) answers/).map { String($0.1) } ?? "?"
                points.append((units, run.wallSeconds))
                var row = String(format: "  | %d | %@ | %.2f s, %.0f MiB |", units, answers as NSString, run.wallSeconds, run.peakMiB)
                if let baseline,
                    let python = try? baseline.full(
                        spec: spec, data: folder.path,
                        out: scratch.appendingPathComponent("scale-py-\(units)").path, runs: runs)
                {
                    row += String(
                        format: " %.2f s, %.0f MiB | %.1f× | %.2f |", python.wall, python.peakMiB, python.wall / run.wallSeconds,
                        run.peakMiB / python.peakMiB)
                } else {
                    row += " – | – | – |"
                }
                print(row)
                try? FileManager.default.removeItem(at: out)
                if units == readThroughputUnits { try readThroughput(folder, baseline) }
                try? FileManager.default.removeItem(at: folder)
            }
            if let first = points.first, let last = points.last, last.units > first.units {
                print(
                    String(format: "  → %.0f× the units took %.1f× the time", Double(last.units) / Double(first.units), last.seconds / first.seconds))
            }
        }

        /// Cells per second read from the waves of one size: this project's reader on all cores
        /// and on one, against python-calamine on the same files.
        func readThroughput(_ folder: URL, _ baseline: PythonBaseline?) throws {
            let parallel = try StageReport.runChild(.ingest, folder.path)
            let serial = try StageReport.runChild(.ingestSerial, folder.path)
            var line = String(
                format: "  read throughput at %d units (%d cells): %.1f M cells/s on all cores, %.1f M cells/s on one",
                readThroughputUnits, parallel.cells, Double(parallel.cells) / parallel.wallSeconds / 1e6,
                Double(serial.cells) / serial.wallSeconds / 1e6)
            if let baseline, let python = try? baseline.ingest(data: folder.path) {
                line += String(
                    format: "; python-calamine %.1f M cells/s → %.1f× (all cores), %.1f× (one core)",
                    Double(parallel.cells) / python / 1e6, python / parallel.wallSeconds, python / serial.wallSeconds)
            }
            print(line)
        }

        /// Streaming ingest of synthetic workbooks of two sizes, each in its own process, so
        /// that peak memory shows whether it grows with the row count.
        func syntheticWorkbook() throws {
            print("")
            print("streaming ingest of a wide sheet written by libxlsxwriter (20 columns), a fresh process each:")
            var results: [(rows: Int, report: StageReport)] = []
            for count in [rows / 10, rows] {
                let path = scratch.appendingPathComponent("wide-\(count).xlsx").path
                try WideSheetWriter(rows: count, columns: 20).write(to: path)
                let report = try StageReport.runChild(.stream, path)
                results.append((count, report))
                print(
                    String(
                        format: "  %7d rows: %.0f ms CPU, sheet XML %.1f MB → %.0f MB/s, %d cells, peak memory %.1f MiB",
                        count, report.cpuSeconds * 1000, Double(report.bytes) / 1e6,
                        Double(report.bytes) / report.cpuSeconds / 1e6, report.cells, report.peakMiB))
            }
            if results.count == 2 {
                let (small, large) = (results[0].report, results[1].report)
                print(
                    String(
                        format: "  → 10× the rows: %.1f× the time, %.2f× the peak memory (streaming: memory stays flat)",
                        large.cpuSeconds / small.cpuSeconds, large.peakMiB / small.peakMiB))
            }
        }

        static func printStages(_ run: ChildProcess, indent: String) {
            for entry in run.timings where entry.unit == "ms" {
                print(String(format: "%@%-28@ %8.2f ms", indent as NSString, entry.stage as NSString, entry.value))
            }
        }

        static func median(_ values: [Double]) -> Double {
            let sorted = values.sorted()
            guard !sorted.isEmpty else { return 0 }
            return sorted[sorted.count / 2]
        }

        static func osName() -> String {
            (try? String(contentsOfFile: "/etc/os-release", encoding: .utf8))?
                .split(separator: "\n").first { $0.hasPrefix("PRETTY_NAME=") }?
                .dropFirst(12).trimmingCharacters(in: CharacterSet(charactersIn: "\"")) ?? "unknown OS"
        }
    }
}
