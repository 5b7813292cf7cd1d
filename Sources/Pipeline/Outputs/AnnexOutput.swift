import Aggregate
import Normalise
import RenderExcel

/// The Excel annex for the ministry (libxlsxwriter; the slowest of the data outputs).
struct AnnexOutput: OutputWriter {
    let model: ReportModel
    let data: NormalisedData
    let created: Int?

    var name: String { "annex" }

    func write(into folder: AtomicOutputDirectory) async throws -> WrittenOutput {
        let file = model.spec.annexFile
        let path = try folder.url(for: file).path
        do {
            try AnnexWriter(model: model, answers: data.answers, issues: data.issues, created: created,
                            answersFile: ResponsesCSV.file).write(to: path)
        } catch {
            throw OutputError(.writeFile, path: file, reason: error.description)
        }
        return WrittenOutput(files: [file])
    }
}
