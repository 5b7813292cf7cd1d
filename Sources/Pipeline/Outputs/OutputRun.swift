import Diagnostics
import Foundation

/// Runs the writers into one staging folder and swaps it into place when all succeeded.
///
/// The writers run as child tasks of one task group (one after another with `--serial`).
/// The first failure cancels the others, the group waits for them, and the staging folder
/// is removed, so the previous outputs stay exactly as they were.
struct OutputRun {
    let writers: [any OutputWriter]
    let serial: Bool
    let timer: StageTimer

    func write(to target: URL) async throws -> WrittenOutput {
        try await write(to: target, startingWith: writers) { [] }
    }

    /// Starts the `early` writers at once and, while they write, calls `rest`, which may
    /// first compute what its writers need (the tidy answers go to disk while the model is
    /// aggregated). An error from `rest` cancels the early writers like any other failure.
    func write(to target: URL, startingWith early: [any OutputWriter],
               then rest: () throws -> [any OutputWriter]) async throws -> WrittenOutput {
        let folder = try AtomicOutputDirectory(target: target)
        do {
            let results = serial ? try await oneByOne(early, rest, into: folder) : try await together(early, rest, into: folder)
            try folder.commit()
            return WrittenOutput(files: results.flatMap(\.files).sorted(), skipped: results.flatMap(\.skipped))
        } catch {
            folder.discard()
            throw Self.userFacing(error, target: target)
        }
    }

    private func together(_ early: [any OutputWriter], _ rest: () throws -> [any OutputWriter],
                          into folder: AtomicOutputDirectory) async throws -> [WrittenOutput] {
        try await withThrowingTaskGroup(of: WrittenOutput.self) { group in
            for writer in early {
                group.addTask { try await timed(writer, into: folder) }
            }
            // Leaving the group by an error cancels and awaits the early writers.
            for writer in try rest() {
                group.addTask { try await timed(writer, into: folder) }
            }
            var results: [WrittenOutput] = []
            for try await result in group { results.append(result) }
            return results
        }
    }

    private func oneByOne(_ early: [any OutputWriter], _ rest: () throws -> [any OutputWriter],
                          into folder: AtomicOutputDirectory) async throws -> [WrittenOutput] {
        var results: [WrittenOutput] = []
        for writer in early { results.append(try await timed(writer, into: folder)) }
        for writer in try rest() { results.append(try await timed(writer, into: folder)) }
        return results
    }

    private func timed(_ writer: any OutputWriter, into folder: AtomicOutputDirectory) async throws -> WrittenOutput {
        try Task.checkCancellation()
        let start = StageTimer.now()
        let result = try await writer.write(into: folder)
        timer.record("  \(writer.name)", since: start)
        return result
    }

    /// The writers' errors are the user's messages already; anything else (cancellation, a
    /// Foundation error) at least names the output folder.
    static func userFacing(_ error: any Error, target: URL) -> any UserFacingError {
        if let error = error as? any UserFacingError { return error }
        return OutputError(.writeFile, path: target.path, reason: String(describing: error))
    }
}
