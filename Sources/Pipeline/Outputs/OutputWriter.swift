import Publish

/// One output of a run (the annex, the CSV exports, the figures, …). Writers are
/// independent of each other: each writes its own files into the staging folder, so they
/// can run at the same time and the outputs stay byte-identical. A new output is one new
/// type conforming to this protocol, started in the plan of `ReportPipeline.run` (its
/// `modelWriters` or `textWriters`, by what it needs to exist first).
protocol OutputWriter: Sendable {
    /// Names the output in `--timings`.
    var name: String { get }
    /// Writes the files into `folder`; returns their paths relative to it.
    func write(into folder: AtomicOutputDirectory) async throws -> WrittenOutput
}

/// What a writer wrote, and the formats it had to skip because their tool is missing.
struct WrittenOutput: Sendable {
    var files: [String]
    var skipped: [PublishError] = []
    /// Published files the disclosure check could not read (a PDF without `pdftotext`).
    var unchecked: [String] = []
}
