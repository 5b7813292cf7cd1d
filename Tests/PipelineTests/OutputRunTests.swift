import Diagnostics
import Foundation
import TestSupport
import Testing

@testable import Pipeline

/// The output writers run as one task group: all files of all writers land in the target,
/// and the first failure cancels the others and leaves the previous outputs untouched.
/// The time limit only guards against a hang: a writer that is never cancelled waits forever,
/// so a broken cancellation fails the test after a minute instead of stalling the suite.
@Suite(.timeLimit(.minutes(1))) struct OutputRunTests {
    struct TextWriter: OutputWriter {
        let path: String
        var name: String { path }
        func write(into folder: AtomicOutputDirectory) async throws -> WrittenOutput {
            try folder.write("text of \(path)\n", to: path)
            return WrittenOutput(files: [path])
        }
    }

    /// A one-time signal a test awaits; it gives the test, not the clock, the schedule.
    final class Signal: @unchecked Sendable {
        private let lock = NSLock()
        private var fired = false
        private var waiters: [CheckedContinuation<Void, Never>] = []

        func fire() {
            let resumed = lock.withLock {
                fired = true
                defer { waiters = [] }
                return waiters
            }
            for waiter in resumed { waiter.resume() }
        }

        func wait() async {
            await withCheckedContinuation { continuation in
                let now = lock.withLock {
                    if fired { return true }
                    waiters.append(continuation)
                    return false
                }
                if now { continuation.resume() }
            }
        }
    }

    /// Says that it has begun, then waits until it is cancelled, however long that takes:
    /// it has no time-out of its own, so a run that returns has cancelled it.
    final class WaitingWriter: OutputWriter, @unchecked Sendable {
        private let lock = NSLock()
        private var cancelled = false
        private var began = false
        let hasBegun = Signal()
        var name: String { "waiting" }
        var sawCancellation: Bool { lock.withLock { cancelled } }
        var started: Bool { lock.withLock { began } }
        func write(into folder: AtomicOutputDirectory) async throws -> WrittenOutput {
            lock.withLock { began = true }
            hasBegun.fire()
            let never = Signal()
            await withTaskCancellationHandler {
                await never.wait()
            } onCancel: {
                never.fire()
            }
            lock.withLock { cancelled = true }
            throw CancellationError()
        }
    }

    /// Fails when the test says so (at once, without a signal).
    struct FailingWriter: OutputWriter {
        var after: Signal?
        var name: String { "failing" }
        func write(into folder: AtomicOutputDirectory) async throws -> WrittenOutput {
            await after?.wait()
            throw OutputError(.writeFile, path: "kaputt.csv", reason: "the disk is full")
        }
    }

    /// Calls `start` with nothing until it throws, i.e. until the run has recorded a
    /// writer's failure. Yields in between; no clock decides when to stop.
    static func untilAFailureIsRecorded(_ start: ([any OutputWriter]) throws -> Void) async throws {
        while (try? start([])) != nil {
            try Task.checkCancellation()
            await Task.yield()
        }
    }

    /// A writer still running after an interrupt removed the staging folder fails; it does
    /// not make the folder again (which would be left behind as debris).
    @Test func aRemovedStagingFolderIsNotMadeAgain() throws {
        let root = try TemporaryFolder.make()
        let folder = try AtomicOutputDirectory(target: root.appendingPathComponent("out"))
        defer { folder.discard() }
        _ = try folder.url(for: "abbildungen/a.svg")
        try FileManager.default.removeItem(at: folder.staging)
        #expect(throws: OutputError.self) { try folder.url(for: "profile/harz.md") }
        #expect(throws: OutputError.self) { try folder.write("x", to: "abbildungen/b.svg") }
        #expect(!FileManager.default.fileExists(atPath: folder.staging.path))
    }

    @Test(arguments: [false, true])
    func everyWritersFilesLandInTheTarget(serial: Bool) async throws {
        let target = try TemporaryFolder.make().appendingPathComponent("out")
        let writers: [any OutputWriter] = [TextWriter(path: "b/zwei.csv"), TextWriter(path: "a.md"), TextWriter(path: "c.json")]
        let written = try await OutputRun(writers: writers, serial: serial, timer: StageTimer(enabled: false)).write(to: target)
        #expect(written.files == ["a.md", "b/zwei.csv", "c.json"])
        #expect(try String(contentsOf: target.appendingPathComponent("b/zwei.csv"), encoding: .utf8) == "text of b/zwei.csv\n")
    }

    /// The failing writer fails only once the waiting one has begun, so the schedule in
    /// which a begun writer must be cancelled is the one tested, every time.
    @Test func theFirstFailureCancelsTheOthersAndKeepsThePreviousOutputs() async throws {
        let root = try TemporaryFolder.make()
        let target = root.appendingPathComponent("out")
        _ = try await OutputRun(writers: [TextWriter(path: "alt.csv")], serial: false, timer: StageTimer(enabled: false))
            .write(to: target)
        let waiting = WaitingWriter()
        let error = await #expect(throws: OutputError.self) {
            try await OutputRun(
                writers: [waiting, FailingWriter(after: waiting.hasBegun), TextWriter(path: "neu.csv")],
                serial: false, timer: StageTimer(enabled: false)
            ).write(to: target)
        }
        #expect(error?.userMessage == "cannot write kaputt.csv: the disk is full")
        #expect(error?.exitStatus == .outputFailed)
        // The waiting writer has no time-out: the run returned, so it was cancelled.
        #expect(waiting.started && waiting.sawCancellation, "the other writers are cancelled")
        #expect(try FileManager.default.contentsOfDirectory(atPath: target.path) == ["alt.csv"], "previous outputs untouched")
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == ["out"], "no staging debris")
    }

    /// The tidy answers start before the model exists: the later writers come from a step
    /// that may fail (a spec or template error), and its failure cancels the early ones.
    /// The plan fails only after the early writer has begun (the schedule that CI lost when
    /// the test waited at most 10 s for it and a busy machine had not started it by then).
    @Test(arguments: [false, true])
    func earlyWritersRunWhileTheRestIsPreparedAndStopWhenItFails(serial: Bool) async throws {
        let root = try TemporaryFolder.make()
        let target = root.appendingPathComponent("out")
        let run = OutputRun(serial: serial, timer: StageTimer(enabled: false))
        let written = try await run.write(to: target) { start in
            try start([TextWriter(path: "früh.csv")])
            try start([TextWriter(path: "spät.md")])
        }
        #expect(written.files == ["früh.csv", "spät.md"])
        let waiting = WaitingWriter()
        let error = await #expect(throws: OutputError.self) {
            try await run.write(to: target) { start in
                try start(serial ? [] : [waiting])
                // The rest is prepared while the early writer is at work.
                if !serial { await waiting.hasBegun.wait() }
                throw OutputError(.writeFile, path: "vorlage.md", reason: "the template is broken")
            }
        }
        #expect(error?.userMessage == "cannot write vorlage.md: the template is broken")
        if !serial { #expect(waiting.sawCancellation, "the early writer is cancelled") }
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: target.path).sorted() == ["früh.csv", "spät.md"],
            "previous outputs untouched")
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == ["out"], "no staging debris")
    }

    /// A writer's failure while the plan is still preparing the rest: the plan's next
    /// `start` throws that failure, so no writer begins after it and the plan stops there
    /// instead of computing outputs that would be discarded. The test waits until the
    /// failure is recorded, so the late writer is started after it every time.
    @Test func noWriterBeginsAfterAFailureAndThePlanStopsAtItsNextStart() async throws {
        let root = try TemporaryFolder.make()
        let target = root.appendingPathComponent("out")
        let late = WaitingWriter()
        var reachedTheEnd = false
        let error = await #expect(throws: OutputError.self) {
            try await OutputRun(serial: false, timer: StageTimer(enabled: false)).write(to: target) { start in
                try start([FailingWriter()])
                try await Self.untilAFailureIsRecorded(start)
                #expect(throws: OutputError.self, "start throws the recorded failure") { try start([late]) }
                try start([late])
                reachedTheEnd = true
            }
        }
        #expect(error?.userMessage == "cannot write kaputt.csv: the disk is full")
        #expect(!late.started, "a writer started after the failure never begins")
        #expect(!reachedTheEnd, "the plan stops at its next start")
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path).isEmpty, "no staging debris, no target")
    }
}
