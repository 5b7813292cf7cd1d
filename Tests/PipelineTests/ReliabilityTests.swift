import Foundation
import IngestFixtures
import Pipeline
import SystemInterface
import TestSupport
import Testing

@Suite(.serialized) struct ReliabilityTests {
    /// Every output file of a run, relative path → bytes (xlsx files as their XML parts).
    static func snapshot(_ folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for path in try FileManager.default.subpathsOfDirectory(atPath: folder.path) {
            let url = folder.appendingPathComponent(path)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            if path.hasSuffix(".xlsx") {
                for (part, data) in try ZipEntries.read(url) { files["\(path)!\(part)"] = data }
            } else {
                files[path] = try Data(contentsOf: url)
            }
        }
        return files
    }

    @Test func twoRunsGiveByteIdenticalOutputs() async throws {
        let root = try TemporaryFolder.make()
        for name in ["first", "second"] {
            _ = try await ReportPipeline(
                options: .init(
                    specFile: TestPaths.finalReportSpec, dataFolder: TestPaths.data,
                    outputFolder: root.appendingPathComponent(name), profiles: true, formats: [.md])
            ).run()
        }
        let first = try Self.snapshot(root.appendingPathComponent("first"))
        let second = try Self.snapshot(root.appendingPathComponent("second"))
        #expect(first.count > 100)
        #expect(first.keys.sorted() == second.keys.sorted())
        for (path, data) in first { #expect(second[path] == data, "\(path) differs between runs") }
        for kind in [".svg", ".csv", ".md", ".json", ".xlsx!xl/worksheets/sheet1.xml"] {
            #expect(first.keys.contains { $0.hasSuffix(kind) }, "no \(kind) compared")
        }
    }

    static var binary: String? { TestPaths.cliBinary }

    /// Starts the CLI on the shipped report with `MONITORING_HOLD_BEFORE_COMMIT=hold` and
    /// returns once it holds before its commit (or has ended, a failure the caller sees).
    /// The poll has no deadline: the run says when it holds, it cannot finish before the test
    /// lets it, and only its exit ends the wait early.
    static func runUntilItHolds(_ binary: String, out: URL, hold: URL, _ extra: [String] = []) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments =
            [
                "report", TestPaths.finalReportSpec.path, "--data", TestPaths.data.path, "--out", out.path,
                "--formats", "md",
            ] + extra
        process.environment = ProcessInfo.processInfo.environment.merging(["MONITORING_HOLD_BEFORE_COMMIT": hold.path]) { $1 }
        process.standardError = Pipe()
        process.standardOutput = Pipe()
        try process.run()
        while !FileManager.default.fileExists(atPath: hold.path), process.isRunning { usleep(10_000) }
        return process
    }

    /// A run stopped by SIGTERM or SIGINT leaves the previous report exactly as it was and
    /// no staging folder behind. The run is interrupted at a point it tells the test it has
    /// reached (`MONITORING_HOLD_BEFORE_COMMIT`: the new report is complete in the staging
    /// folder and not yet moved into place), not after a guessed delay, which a busy machine
    /// turns into another point or into a run that has already finished.
    @Test(.enabled(if: binary != nil, "needs the CLI built (make test builds it)"), arguments: [SIGTERM, SIGINT])
    func anInterruptedRunLeavesNoDebris(signal: Int32) throws {
        let binary = try #require(Self.binary)
        let root = try TemporaryFolder.make()
        let out = root.appendingPathComponent("out")
        let first = try ChildProcess.run(
            binary,
            [
                "report", TestPaths.finalReportSpec.path, "--data", TestPaths.data.path,
                "--out", out.path, "--formats", "md",
            ])
        #expect(first.status == 0, "\(first.stderr)")
        let before = try Self.snapshot(out)
        let hold = try TemporaryFolder.make().appendingPathComponent("holding")
        let process = try Self.runUntilItHolds(binary, out: out, hold: hold, ["--profiles"])
        #expect(FileManager.default.fileExists(atPath: hold.path), "the run ended before it reached the hold")
        let staging = try FileManager.default.contentsOfDirectory(atPath: root.path).filter { $0.hasPrefix(".out.tmp-") }
        #expect(staging.count == 1, "the new report waits in its staging folder: \(staging)")
        kill(process.processIdentifier, signal)
        process.waitUntilExit()
        #expect(process.terminationStatus == 128 + signal, "exit status \(process.terminationStatus)")
        let left = try FileManager.default.contentsOfDirectory(atPath: root.path).sorted()
        #expect(left == ["out"], "debris: \(left)")
        let after = try Self.snapshot(out)
        #expect(Set(after.keys).symmetricDifference(before.keys).sorted() == [], "files added or removed")
        for (path, data) in before where after[path] != nil { #expect(after[path] == data, "\(path) changed") }
    }

    /// The hold itself: a run that is let go commits as usual.
    @Test(.enabled(if: binary != nil, "needs the CLI built (make test builds it)"))
    func aHeldRunCommitsWhenItIsLetGo() throws {
        let binary = try #require(Self.binary)
        let root = try TemporaryFolder.make()
        let out = root.appendingPathComponent("out")
        let hold = root.appendingPathComponent("holding")
        let process = try Self.runUntilItHolds(binary, out: out, hold: hold)
        #expect(!FileManager.default.fileExists(atPath: out.path), "nothing is in place while the run holds")
        try FileManager.default.removeItem(at: hold)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("Bericht.md").path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path).sorted() == ["out"])
    }
}
