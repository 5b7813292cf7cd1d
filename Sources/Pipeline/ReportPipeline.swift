import Aggregate
import Disclosure
import Formatting
import Foundation
import Ingest
import Normalise
import Publish
import RenderData
import RenderExcel
import RenderReport
import RenderSVG
import ReportSpec

/// Runs the stages for a report spec and writes every output atomically.
///
/// The entry point of the `MonitoringPipeline` library:
///
/// ```swift
/// import Pipeline
///
/// let pipeline = ReportPipeline(options: .init(specFile: URL(fileURLWithPath: "reports/abschlussbericht-2021/bericht.yaml"),
///                                              formats: [.md, .html]))
/// do {
///     let summary = try await pipeline.run()
///     print("\(summary.files.count) files in \(summary.outputFolder.path)")
/// } catch let error as any UserFacingError {
///     print(error.userMessage)          // names the file (› sheet › cell) and what was expected
///     exit(error.exitStatus.rawValue)
/// }
/// ```
///
/// Stages: spec → data (ingest + normalise) → model (aggregate) → report text and figures,
/// then the outputs, written side by side into a staging folder that replaces the output
/// folder only when every output succeeded.
public struct ReportPipeline: Sendable {
    /// What to run: the spec, and the command line's overrides of it.
    public struct Options: Sendable {
        /// The report spec (`reports/<name>/bericht.yaml`).
        public var specFile: URL
        /// Overrides the spec's data folder (`make report DATA=…`).
        public var dataFolder: URL?
        /// Output folder; nil = `output/` beside the spec.
        public var outputFolder: URL?
        /// Treat notes as errors (for the institute's CI).
        public var strict: Bool
        /// Bounds for hostile or broken input files.
        public var limits: IngestLimits
        /// Prints the wall time of each stage to stderr.
        public var timings: Bool
        /// Writes the regional profiles even if the spec does not ask for them.
        public var profiles: Bool
        /// Renders on one core only (to check that parallel output is identical).
        public var serial: Bool
        /// The report formats (`--formats`); nil = the spec's, or all of them.
        public var formats: [OutputFormat]?
        /// The house style for a spec without `style:` (default: the one shipped with the tool).
        public var shippedStyle: URL? = PublicationStyle.shippedFolder()

        /// Options for `specFile`; everything else defaults to the spec's own settings.
        public init(
            specFile: URL, dataFolder: URL? = nil, outputFolder: URL? = nil, strict: Bool = false,
            limits: IngestLimits = .default, timings: Bool = false, profiles: Bool = false, serial: Bool = false,
            formats: [OutputFormat]? = nil
        ) {
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

        /// The folder the outputs go to: `outputFolder`, or `output/` beside the spec.
        public var resolvedOutputFolder: URL {
            outputFolder ?? specFile.deletingLastPathComponent().appendingPathComponent("output", isDirectory: true)
        }
    }

    /// What a successful run wrote.
    public struct Summary: Sendable {
        /// Tidy answers read from the waves.
        public let answers: Int
        /// Data notes (not errors), also listed in `validierung.md`.
        public let notes: [ValidationIssue]
        /// Paths of the written files, relative to `outputFolder`, sorted.
        public let files: [String]
        /// Where the outputs are now.
        public let outputFolder: URL
        /// Formats not written because their tool is missing (with how to install it).
        public let skipped: [PublishError]
        /// Whether the formats were asked for explicitly (CLI or spec), so that a skipped one is a failure.
        public let formatsExplicit: Bool
        /// Published files the disclosure check could not read (a PDF without `pdftotext`).
        public var uncheckedFiles: [String] = []
        /// Institute assessments the data no longer support (left out, listed in `redaktion.md`).
        public var staleAssessments: [String] = []
        /// Sentences whose wording the data's own words put in question (listed in `redaktion.md`).
        public var proseFindings: [String] = []
        /// Waves of the catalogue after the spec's `last_year`, said so that a wave added for
        /// next year is not missed in silence.
        public var wavesLeftOut: [String] = []
    }

    /// The options the pipeline was made with.
    public let options: Options
    let timer: StageTimer

    /// A pipeline for `options`; nothing is read before `run()`.
    public init(options: Options) {
        self.options = options
        timer = StageTimer(enabled: options.timings)
    }

    package func readSpec() throws(SpecErrors) -> ReportSpec {
        try ReportSpecReader().read(options.specFile)
    }

    /// Normalises a data folder, applying `--strict` (notes become errors).
    package func normalise(_ folder: URL, lastYear: Int? = nil) throws(DataProblems) -> NormalisedData {
        let data = try DataFolder(url: folder, limits: options.limits).normalise(lastYear: lastYear)
        if options.strict, !data.notes.isEmpty {
            throw DataProblems(
                data.notes.map {
                    var issue = $0
                    issue.severity = .error
                    return issue
                })
        }
        return data
    }

    /// Spec → data → model, without writing anything.
    package func model() throws -> (ReportModel, NormalisedData) {
        let (spec, data) = try specAndData()
        return (aggregate(spec, data), data)
    }

    /// What the spec's template can use, with this data's values (`monitoring keys`).
    package func templateKeys(filter: String?) throws -> String {
        let (model, data) = try model()
        return TemplateKeys.listing(ReportContext(model: model, data: data).build(), filter: filter)
    }

    /// The spec, and the data checked against it.
    private func specAndData() throws -> (ReportSpec, NormalisedData) {
        let spec = try readSpec()
        timer.mark("read spec")
        let data = try normalise(options.dataFolder ?? spec.dataFolder, lastYear: spec.lastYear)
        let specErrors = ReportSpecReader().validate(spec, against: data.catalogue)
        guard specErrors.isEmpty else { throw SpecErrors(specErrors) }
        timer.mark("ingest + normalise")
        return (spec, data)
    }

    private func aggregate(_ spec: ReportSpec, _ data: NormalisedData) -> ReportModel {
        let model = Aggregator(data: data, spec: spec).model()
        timer.mark("aggregate")
        return model
    }

    /// Runs the whole pipeline and swaps the outputs into place. Throws a `UserFacingError`
    /// (`SpecErrors`, `DataProblems`, `TemplateError`, `PublishError`, `OutputError`); on
    /// any error the previous outputs stay as they were.
    public func run() async throws -> Summary {
        let (spec, data) = try specAndData()
        let created = ReproducibleTime.seconds(iso: spec.created, environment: ProcessInfo.processInfo.environment)
        let formats = options.formats ?? spec.formats ?? OutputFormat.allCases
        // The house style is checked before any writer starts.
        let style = try spec.template != nil && formats.contains(where: { $0 != .md }) ? publicationStyle(spec) : nil
        // Each writer starts as soon as what it needs exists: the tidy answers need no model,
        // the annex and the data exports no report text.
        var stale: [AssessmentCheck] = []
        var proseFindings: [ProseFinding] = []
        let audiences = spec.audiences
        // Every published file is read back as soon as its writer is done; what leaks is
        // collected from all of them, so that one run names every place to fix.
        let catalogue = data.catalogue
        let vocabulary = catalogue.items.flatMap { [$0.question, $0.shortTitle, $0.theme] } + catalogue.categories.map(\.name)
        let disclosure = DisclosureCheck(answers: data.answers, vocabulary: vocabulary)
        timer.mark("disclosure index")
        let leaks = LeakCollector()
        let check = { @Sendable (staging: URL, files: [String]) throws -> [String] in
            let result = disclosure.check(folder: staging, files: files.filter { !InternalOutputs.contains($0) })
            leaks.add(result.leaks)
            return result.unread
        }
        let written = try await OutputRun(serial: options.serial, timer: timer, check: check)
            .write(
                to: options.resolvedOutputFolder,
                beforeCommit: {
                    let found = leaks.all
                    if !found.isEmpty { throw DisclosureFailure(found) }
                }
            ) { start in
                if audiences.contains(.internal) {
                    // The internal workbook is the longest writer: it starts before the aggregation,
                    // with what it needs (the catalogue, the spec, who took part).
                    try start([
                        AnnexOutput(model: Aggregator(data: data, spec: spec).frame(), data: data, created: created, audience: .internal),
                        ResponsesOutput(answers: data.answers),
                    ])
                }
                let model = aggregate(spec, data)
                stale = model.assessmentChecks.filter { !$0.holds }
                if options.strict, !stale.isEmpty {
                    throw SpecErrors(stale.map { SpecError(file: spec.file, line: $0.assessment.line, Self.staleMessage($0)) })
                }
                try start(modelWriters(model: model, data: data, created: created))
                let report = try model.spec.template.map { url throws(TemplateError) in
                    try MarkdownReport.render(templateURL: url, model: model, data: data)
                }
                timer.mark("render report text")
                proseFindings = report?.proseFindings ?? []
                if options.strict, let finding = proseFindings.first {
                    throw TemplateError(
                        file: finding.file, line: finding.line, message: finding.message + " (through the data's own words, --strict)")
                }
                let uncoded = model.analysis.freeTexts.values.sorted { $0.itemID < $1.itemID }
                    .flatMap { coded in coded.uncodedSentences.map { (item: coded.itemID, text: $0) } }
                // The sentence frames are counted by the checklist itself, beside the other writers.
                if !stale.isEmpty || !proseFindings.isEmpty || !uncoded.isEmpty || report != nil {
                    try start([
                        EditorChecklistOutput(
                            stale: stale, prose: proseFindings, report: report, uncoded: uncoded,
                            codingFile: model.spec.coding.file, specFile: model.spec.file,
                            template: model.spec.template)
                    ])
                }
                guard audiences.contains(.published) else { return }
                let figures = RenderedFigures(model: model)
                timer.mark("render SVG figures")
                try start(textWriters(model: model, report: report, figures: figures, formats: formats, style: style, created: created))
            }
        timer.mark("write outputs")
        timer.report()
        return Summary(
            answers: data.answers.count, notes: data.notes, files: written.files,
            outputFolder: options.resolvedOutputFolder, skipped: written.skipped,
            formatsExplicit: (options.formats ?? spec.formats) != nil,
            uncheckedFiles: written.unchecked,
            staleAssessments: stale.map { "\(spec.file):\($0.assessment.line): \(Self.staleMessage($0))" },
            proseFindings: proseFindings.map { "\($0.description) (the data's own words; listed in \(EditorChecklistOutput.file))" },
            wavesLeftOut: data.wavesLeftOut.map {
                "wave \($0.number) (\($0.year)) comes after the spec's last_year \(spec.lastYear.map(String.init) ?? "") and is left out; "
                    + "to report on it, start next year's report (monitoring new-report)"
            })
    }

    /// An assessment the data no longer support, for stderr and `--strict`.
    static func staleMessage(_ check: AssessmentCheck) -> String {
        "assessment '\(check.assessment.name)' no longer matches the data (written for: \(check.written); now: \(check.found)); "
            + "it is left out of the report and listed in \(EditorChecklistOutput.file)"
    }

    /// The outputs that need the model only.
    private func modelWriters(model: ReportModel, data: NormalisedData, created: Int?) -> [any OutputWriter] {
        // Slowest first: the task group starts them roughly in this order.
        let audiences = model.spec.audiences
        var writers: [any OutputWriter] = []
        if audiences.contains(.published) {
            writers.append(AnnexOutput(model: model, data: data, created: created, audience: .published))
        }
        // Profiles show one unit's answers: internal.
        if (model.spec.profiles || options.profiles) && audiences.contains(.internal) {
            writers.append(ProfilesOutput(model: model, data: data, created: created, serial: options.serial))
        }
        writers.append(DataExportsOutput(model: model, data: data, audiences: audiences))
        return writers
    }

    /// The outputs that need the report text or the rendered figures.
    private func textWriters(
        model: ReportModel, report: MarkdownReport.Rendered?, figures: RenderedFigures,
        formats: [OutputFormat], style: PublicationStyle?, created: Int?
    ) -> [any OutputWriter] {
        var writers: [any OutputWriter] = []
        if let report, let style {
            writers.append(
                PublicationOutput(
                    formats: formats, style: style, markdown: report.text,
                    model: model, figures: figures, created: created))
        }
        writers.append(FiguresOutput(figures: figures))
        writers.append(ReportDataOutput(model: model, reportContext: report?.context))
        if let report, formats.contains(.md) { writers.append(ReportTextOutput(markdown: report.text)) }
        return writers
    }

    /// The house style the formats html, pdf and docx need.
    private func publicationStyle(_ spec: ReportSpec) throws(PublishError) -> PublicationStyle {
        // A minimal spec works: without 'style:' the shipped house style is used.
        guard let folder = spec.style ?? options.shippedStyle else {
            throw .style(
                file: spec.file,
                problem: "the formats html, pdf and docx need a 'style' folder (report.html, report.css, "
                    + "reference.docx) and the shipped house style was not found; add 'style:' or choose 'formats: [md]'")
        }
        return try PublicationStyle(folder: folder)
    }
}
