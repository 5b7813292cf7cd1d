import Diagnostics
import Foundation

/// Runs the writers into one staging folder and swaps it into place when all succeeded.
///
/// The writers run as child tasks of one task group (one after another with `--serial`).
/// The first failure cancels the others, the group waits for them, and the staging folder
/// is removed, so the previous outputs stay exactly as they were.
struct OutputRun {
    /// What `write(to:)` runs; a run with a plan starts its writers itself.
    let writers: [any OutputWriter]
    let serial: Bool
    let timer: StageTimer
    /// Reads what each writer wrote as soon as it is done (the disclosure check), so that it
    /// overlaps with the writers still running; returns the files it could not read. An
    /// error it throws fails the run like the writer's own.
    let check: (@Sendable (_ staging: URL, _ files: [String]) throws -> [String])?

    init(
        writers: [any OutputWriter] = [], serial: Bool, timer: StageTimer,
        check: (@Sendable (_ staging: URL, _ files: [String]) throws -> [String])? = nil
    ) {
        self.writers = writers
        self.serial = serial
        self.timer = timer
        self.check = check
    }

    func write(to target: URL) async throws -> WrittenOutput {
        try await write(to: target) { start in try start(writers) }
    }

    /// Runs `plan`, which starts writers as soon as what they need exists (`start`) and
    /// computes the rest meanwhile: the tidy answers go to disk while the model is
    /// aggregated, the annex while the report text is rendered. An error thrown by `plan`
    /// cancels the writers already started, like any other failure. Once a writer has
    /// failed, no other begins and `start` throws that failure (`FirstFailure`).
    ///
    /// `beforeCommit` runs when every writer is done, before anything is moved into place;
    /// an error it throws discards the outputs like a writer's failure.
    func write(
        to target: URL, beforeCommit: (() throws -> Void)? = nil,
        _ plan: (_ start: ([any OutputWriter]) throws -> Void) async throws -> Void
    ) async throws -> WrittenOutput {
        let folder = try AtomicOutputDirectory(target: target)
        do {
            let results = serial ? try await oneByOne(plan, into: folder) : try await together(plan, into: folder)
            try beforeCommit?()
            try await CommitHold.waitIfAsked()
            try folder.commit()
            return WrittenOutput(
                files: results.flatMap(\.files).sorted(), skipped: results.flatMap(\.skipped),
                unchecked: results.flatMap(\.unchecked).sorted())
        } catch {
            folder.discard()
            throw Self.userFacing(error, target: target)
        }
    }

    private func together(
        _ plan: (([any OutputWriter]) throws -> Void) async throws -> Void,
        into folder: AtomicOutputDirectory
    ) async throws -> [WrittenOutput] {
        let failure = FirstFailure()
        return try await withThrowingTaskGroup(of: WrittenOutput.self) { group in
            // Leaving the group by an error cancels and awaits the writers started so far.
            try await plan { writers in
                try failure.check()
                for writer in writers {
                    group.addTask {
                        do {
                            // A writer whose task begins after another's failure does not write.
                            try failure.check()
                            return try await timed(writer, into: folder)
                        } catch {
                            failure.record(error)
                            throw error
                        }
                    }
                }
            }
            var results: [WrittenOutput] = []
            for try await result in group { results.append(result) }
            return results
        }
    }

    /// `--serial`: the plan first, then its writers one by one in the order they were started.
    private func oneByOne(
        _ plan: (([any OutputWriter]) throws -> Void) async throws -> Void,
        into folder: AtomicOutputDirectory
    ) async throws -> [WrittenOutput] {
        var started: [any OutputWriter] = []
        try await plan { started += $0 }
        var results: [WrittenOutput] = []
        for writer in started { results.append(try await timed(writer, into: folder)) }
        return results
    }

    private func timed(_ writer: any OutputWriter, into folder: AtomicOutputDirectory) async throws -> WrittenOutput {
        try Task.checkCancellation()
        let start = StageTimer.now()
        var result = try await writer.write(into: folder)
        timer.record("  \(writer.name)", since: start)
        if let check, result.files.contains(where: { !InternalOutputs.contains($0) }) {
            let checking = StageTimer.now()
            result.unchecked = try check(folder.staging, result.files)
            timer.record("  \(writer.name): disclosure check", since: checking)
        }
        return result
    }

    /// The writers' errors are the user's messages already; anything else (cancellation, a
    /// Foundation error) at least names the output folder.
    static func userFacing(_ error: any Error, target: URL) -> any UserFacingError {
        if let error = error as? any UserFacingError { return error }
        return OutputError(.writeFile, path: target.path, reason: String(describing: error))
    }
}
