import Concurrency
import Foundation
import Normalise
import Pipeline
import SyntheticData
import Testing
import TestSupport

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
            _ = try await ReportPipeline(options: .init(specFile: TestPaths.finalReportSpec, dataFolder: TestPaths.data,
                                                       outputFolder: root.appendingPathComponent(name), profiles: true, formats: [.md])).run()
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

    /// A run stopped by SIGTERM or SIGINT leaves the previous report exactly as it was and
    /// no staging folder behind.
    @Test(.enabled(if: binary != nil, "needs the CLI built (make test builds it)"), arguments: [SIGTERM, SIGINT])
    func anInterruptedRunLeavesNoDebris(signal: Int32) throws {
        let binary = try #require(Self.binary)
        let root = try TemporaryFolder.make()
        let out = root.appendingPathComponent("out")
        let first = try ChildProcess.run(binary, ["report", TestPaths.finalReportSpec.path, "--data", TestPaths.data.path,
                                                  "--out", out.path])
        #expect(first.status == 0, "\(first.stderr)")
        let before = try Self.snapshot(out)
        // A large survey keeps the second run busy long enough to be interrupted.
        let catalogue: Catalogue
        let data = try DataFolder(url: TestPaths.data).normalise()
        catalogue = data.catalogue
        let large = root.appendingPathComponent("large")
        try SyntheticSurvey(regions: 400, waves: 10, seed: 1, template: catalogue).write(to: large)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["report", TestPaths.finalReportSpec.path, "--data", large.path, "--out", out.path, "--profiles"]
        process.standardError = Pipe()
        process.standardOutput = Pipe()
        try process.run()
        // Wait until the run has created its staging folder, then interrupt it.
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline, !(try FileManager.default.contentsOfDirectory(atPath: root.path)).contains(where: { $0.hasPrefix(".out.tmp-") }) {
            usleep(20_000)
        }
        usleep(200_000)
        kill(process.processIdentifier, signal)
        process.waitUntilExit()
        #expect(process.terminationStatus == 128 + signal, "exit status \(process.terminationStatus)")
        let left = try FileManager.default.contentsOfDirectory(atPath: root.path).sorted()
        #expect(left == ["large", "out"], "debris: \(left)")
        let after = try Self.snapshot(out)
        #expect(after.keys.sorted() == before.keys.sorted())
        for (path, data) in before { #expect(after[path] == data, "\(path) changed") }
    }
}
