import Aggregate
import RenderData
import RenderReport
import ReportSpec
import SystemInterface

/// The model as JSON (`report-data.json`) and, with a template, the context the report
/// text was rendered from (`report-context.json`), for checking a sentence against its data.
/// Both are streamed to their files as they are made; `report-data.json` has the bytes
/// `JSONEncoder` would give.
struct ReportDataOutput: OutputWriter {
    let model: ReportModel
    let reportContext: TemplateValue?

    var name: String { "JSON" }

    func write(into folder: AtomicOutputDirectory) async throws -> WrittenOutput {
        try folder.stream(to: OutputLayout.reportData) { file in ReportDataJSON(model).write { file.append(contentsOf: $0) } }
        guard let reportContext else { return WrittenOutput(files: [OutputLayout.reportData]) }
        try Task.checkCancellation()
        // Streamed: it grows with the template's placeholders and the model.
        try folder.stream(to: OutputLayout.reportContext) { file in reportContext.writeJSON { file.append(contentsOf: $0) } }
        return WrittenOutput(files: [OutputLayout.reportData, OutputLayout.reportContext])
    }
}
