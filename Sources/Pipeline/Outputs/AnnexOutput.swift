import Aggregate
import Foundation
import Normalise
import RenderExcel
import ReportSpec
import XlsxWriter

/// An Excel annex (libxlsxwriter): the published one with aggregates only, or the internal
/// one with every unit's answers, written side by side.
struct AnnexOutput: OutputWriter {
    let model: ReportModel
    let data: NormalisedData
    let created: Int?
    let audience: ReportSpec.Audience

    var name: String { audience == .published ? "annex" : "internal annex" }

    var file: String {
        audience == .published
            ? model.spec.annexFile
            : InternalOutputs.folder + "/" + AnnexWriter.internalFile(for: model.spec.annexFile)
    }

    func write(into folder: AtomicOutputDirectory) async throws -> WrittenOutput {
        let path = try folder.url(for: file).path
        do {
            try AnnexWriter(
                model: model, answers: data.answers, issues: data.issues, created: created,
                answersFile: (ResponsesCSV.file as NSString).lastPathComponent, audience: audience
            ).write(to: path)
        } catch {
            throw OutputError(.writeFile, path: file, reason: error.description)
        }
        return WrittenOutput(files: [file])
    }
}
