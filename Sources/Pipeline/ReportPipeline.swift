import Foundation
import Ingest
import Normalise

/// Runs the stages on a data folder and writes the outputs atomically.
public struct ReportPipeline: Sendable {
    public struct Options: Sendable {
        public var dataFolder: URL
        public var outputFolder: URL
        /// Treat notes as errors (for the institute's CI).
        public var strict: Bool
        public var limits: IngestLimits

        public init(dataFolder: URL, outputFolder: URL, strict: Bool = false, limits: IngestLimits = .default) {
            self.dataFolder = dataFolder
            self.outputFolder = outputFolder
            self.strict = strict
            self.limits = limits
        }
    }

    /// What went wrong, for the CLI to print and turn into an exit code.
    public enum Failure: Error, Sendable {
        case dataErrors([ValidationIssue])
        case output(String)
    }

    public struct Summary: Sendable {
        public let answers: Int
        public let notes: [ValidationIssue]
        public let files: [String]
    }

    public let options: Options

    public init(options: Options) {
        self.options = options
    }

    /// Normalises the data folder, applying `--strict`.
    public func normalise() -> Result<NormalisedData, Failure> {
        switch DataFolder(url: options.dataFolder, limits: options.limits).normalise() {
        case .failure(let issues):
            return .failure(.dataErrors(issues))
        case .success(let data):
            if options.strict, !data.notes.isEmpty {
                return .failure(.dataErrors(data.notes.map { var issue = $0; issue.severity = .error; return issue }))
            }
            return .success(data)
        }
    }

    /// Runs the whole pipeline and swaps the outputs into place.
    public func run() -> Result<Summary, Failure> {
        let data: NormalisedData
        switch normalise() {
        case .failure(let failure): return .failure(failure)
        case .success(let normalised): data = normalised
        }
        do {
            let output = try AtomicOutputDirectory(target: options.outputFolder)
            var files: [String] = []
            func write(_ text: String, _ path: String) throws {
                try output.write(text, to: path)
                files.append(path)
            }
            try write(ResponsesCSV.render(data.answers), "responses.csv")
            try write(ValidationReport.render(issues: data.issues, waves: data.waves, answerCount: data.answers.count),
                      "validierung.md")
            try output.commit()
            return .success(Summary(answers: data.answers.count, notes: data.notes, files: files))
        } catch {
            return .failure(.output("cannot write outputs to \(options.outputFolder.path): \(error.localizedDescription)"))
        }
    }
}
