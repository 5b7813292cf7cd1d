import Aggregate
import Publish
import ReportSpec

/// The report as HTML, PDF and DOCX (pandoc, WeasyPrint). The tools run as child processes;
/// when the run fails elsewhere, cancelling this writer ends them.
struct PublicationOutput: OutputWriter {
    let formats: [OutputFormat]
    let style: PublicationStyle
    let markdown: String
    let model: ReportModel
    let figures: RenderedFigures
    let created: Int?

    var name: String { "publish (html, pdf, docx)" }

    func write(into folder: AtomicOutputDirectory) async throws -> WrittenOutput {
        let publisher = Publisher(formats: formats, style: style, folder: folder.staging, created: created)
        return try await withTaskCancellationHandler {
            publisher.start()
            let result = try publisher.publish(markdown: markdown, model: model, svgs: figures.byStem)
            return WrittenOutput(files: result.files, skipped: result.skipped)
        } onCancel: {
            publisher.cancel()
        }
    }
}
