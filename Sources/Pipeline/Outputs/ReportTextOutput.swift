import ReportSpec

/// The report text as Markdown (`Bericht.md`), the source of the publication formats.
struct ReportTextOutput: OutputWriter {
    let markdown: String

    static let file = OutputLayout.report(.md)
    var name: String { "report text" }

    func write(into folder: AtomicOutputDirectory) async throws -> WrittenOutput {
        try folder.write(markdown, to: Self.file)
        return WrittenOutput(files: [Self.file])
    }
}
