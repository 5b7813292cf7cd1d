import Normalise

/// `responses.csv`, the tidy answers. It needs no model, so the run starts it before the
/// aggregate stage: at nationwide scale it is the largest file of all.
struct ResponsesOutput: OutputWriter {
    let answers: AnswerTable

    var name: String { "responses.csv" }

    func write(into folder: AtomicOutputDirectory) async throws -> WrittenOutput {
        try writeFile(into: folder)
        return WrittenOutput(files: [ResponsesCSV.file])
    }

    /// Synchronous, as in `DataExportsOutput`: no suspension point inside the loop.
    private func writeFile(into folder: AtomicOutputDirectory) throws {
        try folder.stream(to: ResponsesCSV.file) { ResponsesCSV.write(answers, to: $0) }
    }
}
