import ArgumentParser
import Diagnostics
import Foundation
import Ingest
import Normalise
import Pipeline
import Publish
import ReportSpec
import SyntheticData
import SystemInterface

struct Monitoring: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "monitoring",
        abstract: "Turns survey wave spreadsheets into a monitoring report.",
        version: SharedFiles().versionLine(),
        subcommands: [Report.self, Normalise.self, NewReport.self, Init.self, Doctor.self, Keys.self, Inspect.self, Generate.self],
        defaultSubcommand: Report.self
    )
}

struct DataOptions: ParsableArguments {
    @Argument(help: "The report spec (default: bericht.yaml in the current folder, else the checkout's reports/abschlussbericht-2021/bericht.yaml).")
    var spec: String?

    /// An initialised survey's folder holds `bericht.yaml`; a checkout's root holds the
    /// institute's report, which `make report` names anyway.
    var specFile: URL {
        if let spec { return URL(fileURLWithPath: spec) }
        let local = URL(fileURLWithPath: "bericht.yaml")
        return FileManager.default.fileExists(atPath: local.path) ? local : URL(fileURLWithPath: "reports/abschlussbericht-2021/bericht.yaml")
    }

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
        ReportPipeline(
            options: .init(
                specFile: specFile, dataFolder: data.map { URL(fileURLWithPath: $0) },
                outputFolder: out.map { URL(fileURLWithPath: $0) }, strict: strict, timings: timings,
                profiles: profiles, serial: serial,
                formats: formats.flatMap { try? OutputFormat.parse($0.split(separator: ",").map(String.init)).get() }))
    }
}

/// The one place where errors become messages and exit codes: every stage's error is a
/// `UserFacingError` that carries both.
func terminate(with error: any Error) -> Never {
    let report = ErrorReport(error)
    FileHandle.standardError.write(Data((report.text + "\n").utf8))
    Foundation.exit(report.status.rawValue)
}

struct Report: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Run the whole pipeline and write the report outputs.")
    @OptionGroup var options: DataOptions

    func run() async {
        let summary: ReportPipeline.Summary
        do { summary = try await options.pipeline().run() } catch { terminate(with: error) }
        print(
            "wrote \(summary.files.count) files to \(summary.outputFolder.path): \(summary.answers) answer\(summary.answers == 1 ? "" : "s"), "
                + "\(summary.notes.count) note(s) in intern/validierung.md")
        for note in summary.wavesLeftOut + summary.staleAssessments + summary.proseFindings {
            FileHandle.standardError.write(Data("note: \(note)\n".utf8))
        }
        if !summary.uncheckedFiles.isEmpty {
            FileHandle.standardError.write(
                Data(
                    ("note: the disclosure check could not read " + summary.uncheckedFiles.joined(separator: ", ")
                        + " (install poppler-utils for pdftotext); their source formats were checked\n").utf8))
        }
        for skipped in summary.skipped {
            FileHandle.standardError.write(Data("warning: skipped \(skipped.description)\n".utf8))
        }
        if !summary.skipped.isEmpty {
            FileHandle.standardError.write(Data("note: `monitoring doctor` lists the publication engines and how to install them\n".utf8))
        }
        if !summary.skipped.isEmpty, summary.formatsExplicit { Foundation.exit(ExitStatus.formatSkipped.rawValue) }
    }
}

struct Normalise: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Check the data folder and print the validation issues.")
    @OptionGroup var options: DataOptions

    func run() {
        let pipeline = options.pipeline()
        do {
            let folder = try options.data.map { URL(fileURLWithPath: $0) } ?? pipeline.readSpec().dataFolder
            let data = try pipeline.normalise(folder)
            for issue in data.issues { print("note: \(issue.description)") }
            print("\(data.answers.count) answers from \(data.waves.count) waves, \(data.notes.count) note(s)")
        } catch {
            terminate(with: error)
        }
    }
}

struct NewReport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new-report",
        abstract: "Start next year's report from this year's: copy its folder and advance the spec to the new year.")
    @Argument(help: "This year's report folder (reports/abschlussbericht-2021).") var folder: String
    @Option(help: "The new report's year (its last wave).") var year: Int
    @Option(help: "The new folder (default: the old name with the new year, beside it).") var to: String?

    func run() {
        let next = NextReport(source: URL(fileURLWithPath: folder), year: year, destination: to.map { URL(fileURLWithPath: $0) })
        do {
            let result = try next.make()
            print("wrote \(result.folder.path)")
            for change in result.changes { print("  changed \(change)") }
            print("Before the report goes out, review:")
            for item in result.review { print("  - \(item)") }
            print("Then: monitoring report \(result.spec.path) (with --data <folder> while the \(year) wave is not in the spec's data folder)")
        } catch {
            terminate(with: error)
        }
    }
}

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Start a new survey: a catalogue workbook, an example wave, a spec and a template to fill in.")
    @Argument(help: "The new survey's folder (created; must not exist or be empty).") var folder: String

    func run() {
        do {
            let result = try NewSurvey(destination: URL(fileURLWithPath: folder)).make()
            print("wrote \(result.folder.path):")
            for file in result.files { print("  \(file)") }
            print("Next: monitoring report \(result.spec.path)")
            print("Then replace the example rows of data/Fragenkatalog.xlsx and the example wave in data/waves/ with your own;")
            print("every problem is reported by file › sheet › cell.")
        } catch {
            terminate(with: error)
        }
    }
}

struct Doctor: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Say which publication engines are installed, which formats can be written, and how to install the rest.")

    func run() {
        print("monitoring \(SharedFiles().versionLine())")
        let style = PublicationStyle.shippedFolder()
        print("house style: " + (style?.path ?? "not found beside the binary (give the spec a `style:` folder)"))
        print("")
        let engines = PublicationEngines.probe()
        print(engines.report)
        if engines.writableFormats.count < OutputFormat.allCases.count { Foundation.exit(ExitStatus.formatSkipped.rawValue) }
    }
}

struct Keys: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List every placeholder the spec's template can use, with an example value from the data.")
    @OptionGroup var options: DataOptions
    @Option(help: "Only paths starting with this (e.g. item.I_05, summary.themes).") var filter: String?

    func run() {
        do {
            print(try options.pipeline().templateKeys(filter: filter), terminator: "")
        } catch {
            terminate(with: error)
        }
    }
}

struct Inspect: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Print the cells of a spreadsheet (for debugging input files).")
    @Argument(help: "An .xlsx or .csv file.") var file: String
    @Option(help: "Only this sheet.") var sheet: String?

    func run() {
        do {
            let book = try WorkbookReader.open(URL(fileURLWithPath: file))
            for name in book.sheetNames where sheet == nil || sheet == name {
                let content = try book.readSheet(named: name)
                print("== \(name): \(content.rows.count) rows, hidden columns \(content.hiddenColumns.sorted()), merged \(content.mergedRanges)")
                for row in content.rows {
                    print(
                        row.cells.map { "\($0.reference)=\($0.value)" + ($0.formula.map { " [=\($0)]" } ?? "") }
                            .joined(separator: " | "))
                }
            }
        } catch {
            terminate(with: error)
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

    /// Errors go through the shared report like every other command's: a template folder
    /// that does not normalise lists its problems by file › sheet › cell and exits with 1.
    func run() {
        do {
            let catalogue = try DataFolder(url: URL(fileURLWithPath: template)).normalise().catalogue
            let survey = SyntheticSurvey(regions: regions, waves: waves, seed: seed, template: catalogue)
            try survey.write(to: URL(fileURLWithPath: out))
            print("wrote a synthetic survey to \(out): \(regions) regions × \(waves) waves × \(survey.itemCount) items")
        } catch {
            terminate(with: error)
        }
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

/// In an async function the async `run()` is chosen; top-level code would pick the
/// synchronous one, which only prints the help.
func runAsync(_ command: inout any AsyncParsableCommand) async throws {
    try await command.run()
}

InterruptHandling.install()
// Usage errors exit with 2 as documented (ArgumentParser's own code would be 64).
do {
    var command = try Monitoring.parseAsRoot()
    if var asynchronous = command as? any AsyncParsableCommand {
        try await runAsync(&asynchronous)
    } else {
        try command.run()
    }
} catch {
    if Monitoring.exitCode(for: error) == .validationFailure {
        FileHandle.standardError.write(Data((Monitoring.fullMessage(for: error) + "\n").utf8))
        Foundation.exit(ExitStatus.usage.rawValue)
    }
    Monitoring.exit(withError: error)
}
