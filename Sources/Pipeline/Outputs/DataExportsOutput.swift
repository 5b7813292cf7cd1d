import Aggregate
import Formatting
import Normalise
import RenderData
import ReportSpec

/// The machine-readable exports: the series of every figure and table and the transitions
/// (published), the validation report (internal; the tidy answers: `ResponsesOutput`).
struct DataExportsOutput: OutputWriter {
    let model: ReportModel
    let data: NormalisedData
    let audiences: Set<ReportSpec.Audience>

    var name: String { "CSV exports" }

    func write(into folder: AtomicOutputDirectory) async throws -> WrittenOutput {
        try writeFiles(into: folder)
    }

    /// Synchronous: the work has no suspension point (and Swift 6.3's optimiser crashes on
    /// this loop inside a coroutine).
    private func writeFiles(into folder: AtomicOutputDirectory) throws -> WrittenOutput {
        var files: [(path: String, text: String)] = []
        if audiences.contains(.internal) {
            files.append(
                (
                    ValidationReport.file,
                    ValidationReport.render(
                        issues: data.issues, waves: data.waves,
                        answerCount: data.answers.count)
                ))
        }
        guard audiences.contains(.published) else { return try write(files, into: folder) }
        files.append((OutputLayout.series, DataExports.series(model)))
        let unit = model.spec.unit
        let incomplete = Dictionary(
            model.analysis.participation.filter { $0.answering < $0.population }.map {
                // "eine der 13 …" as subject takes the singular: "hat teilgenommen".
                let part = unit.partitive($0.answering, of: $0.population) ?? unit.count(0)
                return ($0.year, part.prefix(1).uppercased() + part.dropFirst() + ($0.answering <= 1 ? " hat" : " haben") + " teilgenommen")
            }, uniquingKeysWith: { a, _ in a })
        files += model.figures.map {
            (OutputLayout.data($0.fileStem), DataExports.figure($0, small: model.smallCells, participation: { incomplete[$0] }))
        }
        files += model.tables.map { (OutputLayout.data($0.fileStem), DataExports.table($0, small: model.smallCells)) }
        files.append((OutputLayout.transitions, DataExports.transitions(model)))
        return try write(files, into: folder)
    }

    private func write(_ files: [(path: String, text: String)], into folder: AtomicOutputDirectory) throws -> WrittenOutput {
        for file in files {
            try Task.checkCancellation()
            try folder.write(file.text, to: file.path)
        }
        return WrittenOutput(files: files.map(\.path))
    }
}
