import Aggregate
import Concurrency
import Foundation
import Ingest
import Normalise
import RenderData
import RenderExcel
import RenderReport
import RenderSVG
import Publish
import XlsxWriter

/// Runs the stages for a report spec and writes every output atomically.
public struct ReportPipeline: Sendable {
    public struct Options: Sendable {
        /// The report spec (`reports/<name>/bericht.yaml`).
        public var specFile: URL
        /// Overrides the spec's data folder (`make report DATA=…`).
        public var dataFolder: URL?
        /// Output folder; nil = `output/` beside the spec.
        public var outputFolder: URL?
        /// Treat notes as errors (for the institute's CI).
        public var strict: Bool
        public var limits: IngestLimits
        /// Prints the wall time of each stage to stderr.
        public var timings: Bool
        /// Writes the regional profiles even if the spec does not ask for them.
        public var profiles: Bool
        /// Renders on one core only (to check that parallel output is identical).
        public var serial: Bool
        /// The report formats (`--formats`); nil = the spec's, or all of them.
        public var formats: [OutputFormat]?

        public init(specFile: URL, dataFolder: URL? = nil, outputFolder: URL? = nil, strict: Bool = false,
                    limits: IngestLimits = .default, timings: Bool = false, profiles: Bool = false, serial: Bool = false,
                    formats: [OutputFormat]? = nil) {
            self.formats = formats
            self.timings = timings
            self.profiles = profiles
            self.serial = serial
            self.specFile = specFile
            self.dataFolder = dataFolder
            self.outputFolder = outputFolder
            self.strict = strict
            self.limits = limits
        }

        public var resolvedOutputFolder: URL {
            outputFolder ?? specFile.deletingLastPathComponent().appendingPathComponent("output", isDirectory: true)
        }
    }

    /// What went wrong, for the CLI to print and turn into an exit code.
    public enum Failure: Error, Sendable {
        case dataErrors([ValidationIssue])
        case specErrors([SpecError])
        case templateError(String)
        case output(String)
        /// A publication format (HTML, PDF, DOCX) failed: its tool failed, or the house style is incomplete.
        case publication(PublishError)
    }

    public struct Summary: Sendable {
        public let answers: Int
        public let notes: [ValidationIssue]
        public let files: [String]
        public let outputFolder: URL
        /// Formats not written because their tool is missing (with how to install it).
        public let skipped: [PublishError]
        /// Whether the formats were asked for explicitly (CLI or spec), so that a skipped one is a failure.
        public let formatsExplicit: Bool
    }

    public let options: Options
    let timer: StageTimer

    public init(options: Options) {
        self.options = options
        timer = StageTimer(enabled: options.timings)
    }

    public func readSpec() -> Result<ReportSpec, Failure> {
        ReportSpecReader().read(options.specFile).mapError { .specErrors($0.errors) }
    }

    /// Normalises a data folder, applying `--strict`.
    public func normalise(_ folder: URL) -> Result<NormalisedData, Failure> {
        switch DataFolder(url: folder, limits: options.limits).normalise() {
        case .failure(let issues):
            return .failure(.dataErrors(issues))
        case .success(let data):
            if options.strict, !data.notes.isEmpty {
                return .failure(.dataErrors(data.notes.map { var issue = $0; issue.severity = .error; return issue }))
            }
            return .success(data)
        }
    }

    /// Spec → data → model, without writing anything.
    public func model() -> Result<(ReportModel, NormalisedData), Failure> {
        let spec: ReportSpec
        switch readSpec() {
        case .failure(let failure): return .failure(failure)
        case .success(let s): spec = s
        }
        timer.mark("read spec")
        let data: NormalisedData
        switch normalise(options.dataFolder ?? spec.dataFolder) {
        case .failure(let failure): return .failure(failure)
        case .success(let d): data = d
        }
        let specErrors = ReportSpecReader().validate(spec, against: data.catalogue)
        guard specErrors.isEmpty else { return .failure(.specErrors(specErrors)) }
        timer.mark("ingest + normalise")
        let model = Aggregator(data: data, spec: spec).model()
        timer.mark("aggregate")
        return .success((model, data))
    }

    /// One page per region: SVG and Markdown rendered on all cores (the result does not
    /// depend on scheduling), the profiles workbook written meanwhile on another thread.
    func writeProfiles(model: ReportModel, data: NormalisedData, output: AtomicOutputDirectory,
                       created: Int?) throws -> [String] {
        let set = ProfileSet(data: data, scales: model.spec.scales)
        let spec = model.spec
        let workbookPath = try output.url(for: "regionalprofile/Regionalprofile.xlsx").path
        let workbook = ProfilesWorkbook(set: set, sourceLine: model.sourceLine, created: created)
        let workbookJob = BackgroundJob { try workbook.write(to: workbookPath) }
        if options.serial { try workbookJob.join() }
        let themes = Dictionary(spec.themes.map { ($0.code, $0.title) }, uniquingKeysWith: { a, _ in a })
        let render: @Sendable (RegionProfile) -> (svg: String, markdown: String) = { profile in
            let svg = ProfileChart().svg(profile, set: set, unitPlural: spec.unitPlural, sourceLine: model.sourceLine,
                                         themeTitles: themes, scales: spec.scales)
            let alt = "Regionalprofil \(profile.name): Antworten je Erhebungsjahr und Anteil \(set.positiveLabel) aller \(spec.unitPlural)."
            let markdown = ProfileMarkdown.render(profile, set: set, unitPlural: spec.unitPlural, sourceLine: model.sourceLine,
                                                  dataNote: spec.dataNote, altText: alt)
            return (svg, markdown)
        }
        let pages = options.serial ? set.profiles.map(render) : ParallelMap.map(set.profiles, render)
        var files: [String] = []
        for (profile, page) in zip(set.profiles, pages) {
            try output.write(page.svg, to: "regionalprofile/\(profile.fileStem).svg")
            try output.write(page.markdown, to: "regionalprofile/\(profile.fileStem).md")
            files += ["regionalprofile/\(profile.fileStem).svg", "regionalprofile/\(profile.fileStem).md"]
        }
        try workbookJob.join()
        return files + ["regionalprofile/Regionalprofile.xlsx"]
    }

    /// Runs the whole pipeline and swaps the outputs into place.
    public func run() -> Result<Summary, Failure> {
        let model: ReportModel
        let data: NormalisedData
        switch self.model() {
        case .failure(let failure): return .failure(failure)
        case .success(let result): (model, data) = result
        }
        let target = options.resolvedOutputFolder
        let output: AtomicOutputDirectory
        let annexJob: BackgroundJob
        let created = ReproducibleTime.seconds(iso: model.spec.created, environment: ProcessInfo.processInfo.environment)
        let formats = options.formats ?? model.spec.formats ?? OutputFormat.allCases
        let publishing = model.spec.template != nil && formats.contains { $0 != .md }
        var style: PublicationStyle?
        if publishing {
            guard let folder = model.spec.style else {
                return .failure(.specErrors([SpecError(file: model.spec.file, line: nil,
                                                       "the formats html, pdf and docx need a 'style' folder (report.html, report.css, "
                                                           + "reference.docx); add 'style:' or choose 'formats: [md]'")]))
            }
            do { style = try PublicationStyle(folder: folder) } catch { return .failure(.publication(error)) }
        }
        do {
            output = try AtomicOutputDirectory(target: target)
            // The annex is the slowest output: write it on a second core meanwhile.
            let annexPath = try output.url(for: model.spec.annexFile).path
            let annex = AnnexWriter(model: model, answers: data.answers, issues: data.issues, created: created)
            annexJob = BackgroundJob { try annex.write(to: annexPath) }
            if options.serial { try annexJob.join() }
        } catch {
            return .failure(.output(Self.writeFailure(error, target: target)))
        }
        timer.mark("start annex (background)")
        let publisher = Publisher(formats: publishing ? formats : [], style: style, folder: output.staging, created: created)
        publisher.start()
        // A template error stops the run; the staging folder is removed, the previous report stays.
        var reportMarkdown: String?
        var reportContext: TemplateValue?
        if let templateURL = model.spec.template {
            switch MarkdownReport.render(templateURL: templateURL, model: model, data: data) {
            case .failure(let error):
                publisher.cancel()
                try? annexJob.join()
                output.discard()
                return .failure(.templateError(error.description))
            case .success(let rendered):
                reportMarkdown = rendered.text
                reportContext = rendered.context
            }
        }
        timer.mark("render report text")
        // The JSON files are large and independent: serialise them on another core meanwhile.
        let context = reportContext
        let jsonJob = BackgroundJob { [output] in
            try output.write(ReportDataJSON(model).encoded(), to: "report-data.json")
            if let context { try output.write(context.json(), to: "report-context.json") }
        }
        if options.serial { try? jsonJob.join() }
        do {
            var files: [String] = []
            func write(_ text: String, _ path: String) throws {
                try output.write(text, to: path)
                files.append(path)
            }
            try write(ResponsesCSV.render(data.answers), "responses.csv")
            try write(ValidationReport.render(issues: data.issues, waves: data.waves, answerCount: data.answers.count),
                      "validierung.md")
            try write(DataExports.series(model), "series.csv")
            for figure in model.figures { try write(DataExports.figure(figure), "daten/\(figure.fileStem).csv") }
            for table in model.tables { try write(DataExports.table(table), "daten/\(table.fileStem).csv") }
            try write(DataExports.transitions(model), "transitions.csv")
            timer.mark("write CSV exports")
            let renderer = FigureRenderer()
            let context = FigureContext(model: model)
            var svgs: [String: String] = [:]
            for figure in model.figures {
                let svg = renderer.svg(figure, context: context)
                svgs[figure.fileStem] = svg
                try write(svg, "abbildungen/\(figure.fileStem).svg")
            }
            timer.mark("render SVG figures")
            if let reportMarkdown, formats.contains(.md) { try write(reportMarkdown, "Bericht.md") }
            var skipped: [PublishError] = []
            if let reportMarkdown, publishing {
                let published = try publisher.publish(markdown: reportMarkdown, model: model, svgs: svgs)
                files += published.files
                skipped = published.skipped
                timer.mark("publish (html, pdf, docx)")
            }
            try jsonJob.join()
            files.append("report-data.json")
            if reportContext != nil { files.append("report-context.json") }
            timer.mark("write report + JSON")
            try annexJob.join()
            timer.mark("wait for annex")
            if model.spec.profiles || options.profiles {
                files += try writeProfiles(model: model, data: data, output: output, created: created)
                timer.mark("regional profiles")
            }
            files.append(model.spec.annexFile)
            try output.commit()
            timer.mark("commit")
            timer.report()
            return .success(Summary(answers: data.answers.count, notes: data.notes, files: files, outputFolder: target,
                                    skipped: skipped, formatsExplicit: (options.formats ?? model.spec.formats) != nil))
        } catch let error as PublishError {
            try? annexJob.join()
            try? jsonJob.join()
            return .failure(.publication(error))
        } catch {
            publisher.cancel()
            try? annexJob.join()
            try? jsonJob.join()
            return .failure(.output(Self.writeFailure(error, target: target)))
        }
    }

    /// The message for a failure while writing: the typed errors name the folder or file and
    /// the reason themselves; anything else at least names the target.
    package static func writeFailure(_ error: any Error, target: URL) -> String {
        switch error {
        case let error as OutputError: return error.description
        case let error as XlsxError: return "cannot write the Excel annex: \(error.description)"
        default: return "cannot write outputs to \(target.path): \(String(describing: error))"
        }
    }
}
