import Diagnostics
import Foundation
@testable import Pipeline
import Testing
import TestSupport

/// The output writers run as one task group: all files of all writers land in the target,
/// and the first failure cancels the others and leaves the previous outputs untouched.
@Suite struct OutputRunTests {
    struct TextWriter: OutputWriter {
        let path: String
        var name: String { path }
        func write(into folder: AtomicOutputDirectory) async throws -> WrittenOutput {
            try folder.write("text of \(path)\n", to: path)
            return WrittenOutput(files: [path])
        }
    }

    /// Waits until it is cancelled (at most 20 s), then records that it was.
    final class WaitingWriter: OutputWriter, @unchecked Sendable {
        private let lock = NSLock()
        private var cancelled = false
        private var began = false
        var name: String { "waiting" }
        var sawCancellation: Bool { lock.withLock { cancelled } }
        var started: Bool { lock.withLock { began } }
        func write(into folder: AtomicOutputDirectory) async throws -> WrittenOutput {
            lock.withLock { began = true }
            do {
                try await Task.sleep(for: .seconds(20))
            } catch is CancellationError {
                lock.withLock { cancelled = true }
                throw CancellationError()
            }
            return WrittenOutput(files: [])
        }
    }

    struct FailingWriter: OutputWriter {
        var name: String { "failing" }
        func write(into folder: AtomicOutputDirectory) async throws -> WrittenOutput {
            try await Task.sleep(for: .milliseconds(50))
            throw OutputError(.writeFile, path: "kaputt.csv", reason: "the disk is full")
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

    @Test func theFirstFailureCancelsTheOthersAndKeepsThePreviousOutputs() async throws {
        let root = try TemporaryFolder.make()
        let target = root.appendingPathComponent("out")
        _ = try await OutputRun(writers: [TextWriter(path: "alt.csv")], serial: false, timer: StageTimer(enabled: false))
            .write(to: target)
        let waiting = WaitingWriter()
        let started = Date()
        let error = await #expect(throws: OutputError.self) {
            try await OutputRun(writers: [waiting, FailingWriter(), TextWriter(path: "neu.csv")], serial: false,
                                timer: StageTimer(enabled: false)).write(to: target)
        }
        #expect(error?.userMessage == "cannot write kaputt.csv: the disk is full")
        #expect(error?.exitStatus == .outputFailed)
        #expect(waiting.sawCancellation, "the other writers are cancelled")
        #expect(Date().timeIntervalSince(started) < 15, "the run does not wait for the cancelled writer to time out")
        #expect(try FileManager.default.contentsOfDirectory(atPath: target.path) == ["alt.csv"], "previous outputs untouched")
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == ["out"], "no staging debris")
    }

    /// The tidy answers start before the model exists: the later writers come from a step
    /// that may fail (a spec or template error), and its failure cancels the early ones.
    @Test(arguments: [false, true])
    func earlyWritersRunWhileTheRestIsPreparedAndStopWhenItFails(serial: Bool) async throws {
        let root = try TemporaryFolder.make()
        let target = root.appendingPathComponent("out")
        let run = OutputRun(serial: serial, timer: StageTimer(enabled: false))
        let written = try await run.write(to: target) { start in
            start([TextWriter(path: "früh.csv")])
            start([TextWriter(path: "spät.md")])
        }
        #expect(written.files == ["früh.csv", "spät.md"])
        let waiting = WaitingWriter()
        let error = await #expect(throws: OutputError.self) {
            try await run.write(to: target) { start in
                start(serial ? [] : [waiting])
                // The rest is prepared while the early writer is at work.
                let deadline = Date().addingTimeInterval(10)
                while !serial, !waiting.started, Date() < deadline { usleep(1000) }
                throw OutputError(.writeFile, path: "vorlage.md", reason: "the template is broken")
            }
        }
        #expect(error?.userMessage == "cannot write vorlage.md: the template is broken")
        if !serial { #expect(waiting.sawCancellation, "the early writer is cancelled") }
        #expect(try FileManager.default.contentsOfDirectory(atPath: target.path).sorted() == ["früh.csv", "spät.md"],
                "previous outputs untouched")
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == ["out"], "no staging debris")
    }
}
