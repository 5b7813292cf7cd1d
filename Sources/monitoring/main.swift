import ArgumentParser
import Concurrency
import Foundation
import Ingest
import Normalise
import Aggregate
import Pipeline
import SyntheticData

/// Exit codes (documented in README.md).
enum ExitStatus: Int32 {
    case ok = 0
    case dataErrors = 1
    case usage = 2
    case outputFailed = 3
    /// The data outputs were written, but a report format asked for explicitly (`--formats`
    /// or the spec's `formats`) was skipped because its tool is missing.
    case formatSkipped = 4
}

struct Monitoring: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "monitoring",
        abstract: "Turns survey wave spreadsheets into a monitoring report.",
        subcommands: [Report.self, Normalise.self, Inspect.self, Generate.self],
        defaultSubcommand: Report.self
    )
}

struct DataOptions: ParsableArguments {
    @Argument(help: "The report spec (reports/<name>/bericht.yaml).")
    var spec: String = "reports/abschlussbericht-2021/bericht.yaml"

    @Option(name: .long, help: "Data folder (catalogue + waves/); overrides the spec's.")
    var data: String?

    @Option(name: .long, help: "Output folder (replaced atomically when the run succeeds); default: output/ beside the spec.")
    var out: String?

    @Flag(name: .long, help: "Treat notes (e.g. unmapped columns) as errors.")
    var strict = false

    @Flag(name: .long, help: "Print the wall time of each stage to stderr.")
    var timings = false

    @Flag(name: .long, help: "Also write the regional profiles (one page per region).")
    var profiles = false

    @Flag(name: .long, help: "Render on one core (the output is identical; for checking).")
    var serial = false

    @Option(name: .long, help: "Report formats, comma-separated: md, html, pdf, docx (default: the spec's, else all).")
    var formats: String?

    func validate() throws {
        if let formats, case .failure(let message) = OutputFormat.parse(formats.split(separator: ",").map(String.init)) {
            throw ValidationError("--formats: \(message)")
        }
    }

    func pipeline() -> ReportPipeline {
        ReportPipeline(options: .init(specFile: URL(fileURLWithPath: spec), dataFolder: data.map { URL(fileURLWithPath: $0) },
                                      outputFolder: out.map { URL(fileURLWithPath: $0) }, strict: strict, timings: timings,
                                      profiles: profiles, serial: serial,
                                      formats: formats.flatMap { try? OutputFormat.parse($0.split(separator: ",").map(String.init)).get() }))
    }
}

/// Prints a failure and exits with its code.
func terminate(with failure: ReportPipeline.Failure) -> Never {
    switch failure {
    case .dataErrors(let issues):
        let errors = issues.filter { $0.severity == .error }
        FileHandle.standardError.write(Data("error: the data has \(errors.count) problem(s):\n".utf8))
        for issue in errors { FileHandle.standardError.write(Data("  \(issue.description)\n".utf8)) }
        Foundation.exit(ExitStatus.dataErrors.rawValue)
    case .specErrors(let errors):
        FileHandle.standardError.write(Data("error: the report spec has \(errors.count) problem(s):\n".utf8))
        for error in errors { FileHandle.standardError.write(Data("  \(error.description)\n".utf8)) }
        Foundation.exit(ExitStatus.usage.rawValue)
    case .templateError(let message):
        FileHandle.standardError.write(Data("error: the report template: \(message)\n".utf8))
        Foundation.exit(ExitStatus.usage.rawValue)
    case .output(let message):
        FileHandle.standardError.write(Data("error: \(message)\n".utf8))
        Foundation.exit(ExitStatus.outputFailed.rawValue)
    case .publication(let error):
        FileHandle.standardError.write(Data("error: \(error.description)\n".utf8))
        if case .style = error { Foundation.exit(ExitStatus.usage.rawValue) }
        Foundation.exit(ExitStatus.outputFailed.rawValue)
    }
}

struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Run the whole pipeline and write the report outputs.")
    @OptionGroup var options: DataOptions

    func run() throws {
        switch options.pipeline().run() {
        case .failure(let failure): terminate(with: failure)
        case .success(let summary):
            print("wrote \(summary.files.count) files to \(summary.outputFolder.path): \(summary.answers) answers, "
                  + "\(summary.notes.count) note(s) in validierung.md")
            for skipped in summary.skipped {
                FileHandle.standardError.write(Data("warning: skipped \(skipped.description)\n".utf8))
            }
            if !summary.skipped.isEmpty, summary.formatsExplicit { Foundation.exit(ExitStatus.formatSkipped.rawValue) }
        }
    }
}

struct Normalise: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Check the data folder and print the validation issues.")
    @OptionGroup var options: DataOptions

    func run() throws {
        let pipeline = options.pipeline()
        let folder: URL
        if let data = options.data {
            folder = URL(fileURLWithPath: data)
        } else {
            switch pipeline.readSpec() {
            case .failure(let failure): terminate(with: failure)
            case .success(let spec): folder = spec.dataFolder
            }
        }
        switch pipeline.normalise(folder) {
        case .failure(let failure): terminate(with: failure)
        case .success(let data):
            for issue in data.issues { print("note: \(issue.description)") }
            print("\(data.answers.count) answers from \(data.waves.count) waves, \(data.notes.count) note(s)")
        }
    }
}

struct Inspect: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Print the cells of a spreadsheet (for debugging input files).")
    @Argument(help: "An .xlsx or .csv file.") var file: String
    @Option(help: "Only this sheet.") var sheet: String?

    func run() throws {
        do {
            let book = try WorkbookReader.open(URL(fileURLWithPath: file))
            for name in book.sheetNames where sheet == nil || sheet == name {
                let content = try book.readSheet(named: name)
                print("== \(name): \(content.rows.count) rows, hidden columns \(content.hiddenColumns.sorted()), merged \(content.mergedRanges)")
                for row in content.rows {
                    print(row.cells.map { "\($0.reference)=\($0.value)" + ($0.formula.map { " [=\($0)]" } ?? "") }
                        .joined(separator: " | "))
                }
            }
        } catch {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            Foundation.exit(ExitStatus.dataErrors.rawValue)
        }
    }
}

struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a synthetic data folder (catalogue + waves) with the items of a real catalogue.")
    @Option(help: "Number of regions.") var regions = 400
    @Option(help: "Number of waves.") var waves = 10
    @Option(help: "Random seed (same seed, same data).") var seed: UInt64 = 2021
    @Option(help: "Data folder whose catalogue provides the items.") var template = "data"
    @Option(help: "Folder to write (created).") var out: String

    func run() throws {
        let catalogue: Catalogue
        switch DataFolder(url: URL(fileURLWithPath: template)).normalise() {
        case .success(let data): catalogue = data.catalogue
        case .failure(let issues):
            throw ValidationError("the template data folder does not normalise: \(issues.first?.description ?? "")")
        }
        let survey = SyntheticSurvey(regions: regions, waves: waves, seed: seed, template: catalogue)
        try survey.write(to: URL(fileURLWithPath: out))
        print("wrote a synthetic survey to \(out): \(regions) regions × \(waves) waves × \(survey.itemCount) items")
    }
}

/// SIGINT and SIGTERM remove the run's staging folder (the previous report stays as it
/// was) and exit with 128 + the signal number, as shells expect.
enum InterruptHandling {
    nonisolated(unsafe) static var sources: [DispatchSourceSignal] = []

    static func install() {
        for signalNumber in [SIGINT, SIGTERM] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler {
                StagingRegistry.shared.removeAllAndHold()
                Subprocess.terminateAll()
                FileHandle.standardError.write(Data("interrupted: no output was changed\n".utf8))
                Foundation.exit(128 + signalNumber)
            }
            source.resume()
            sources.append(source)
        }
    }
}

InterruptHandling.install()
// Usage errors exit with 2 as documented (ArgumentParser's own code would be 64).
do {
    var command = try Monitoring.parseAsRoot()
    try command.run()
} catch {
    if Monitoring.exitCode(for: error) == .validationFailure {
        FileHandle.standardError.write(Data((Monitoring.fullMessage(for: error) + "\n").utf8))
        Foundation.exit(ExitStatus.usage.rawValue)
    }
    Monitoring.exit(withError: error)
}
