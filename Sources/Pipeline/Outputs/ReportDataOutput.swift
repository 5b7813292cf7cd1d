import Aggregate
import RenderData
import RenderReport

/// The model as JSON (`report-data.json`) and, with a template, the context the report
/// text was rendered from (`report-context.json`), for checking a sentence against its data.
struct ReportDataOutput: OutputWriter {
    let model: ReportModel
    let reportContext: TemplateValue?

    var name: String { "JSON" }

    func write(into folder: AtomicOutputDirectory) async throws -> WrittenOutput {
        try folder.write(ReportDataJSON(model).encoded(), to: "report-data.json")
        guard let reportContext else { return WrittenOutput(files: ["report-data.json"]) }
        try Task.checkCancellation()
        try folder.write(reportContext.json(), to: "report-context.json")
        return WrittenOutput(files: ["report-data.json", "report-context.json"])
    }
}
