import ArgumentParser
import Foundation
import SyntheticData
import SystemInterface

extension Bench.Run {
    /// (f) How fast a bad input fails: every case of `Tests/Fixtures/bad-inputs` through the
    /// CLI, against a good run of the shipped data measured in the same loop. A bad file
    /// must fail before the expensive stages, not after reading everything. This was a
    /// "< 1 s" assertion in the test suite, where a busy machine made it fail by chance.
    func badInputs() throws {
        let corpus = URL(fileURLWithPath: badInputCorpus)
        let cases = ((try? FileManager.default.contentsOfDirectory(atPath: corpus.path)) ?? []).sorted()
        guard !cases.isEmpty else {
            print("  (f) skipped: no bad-input corpus at \(corpus.path)")
            return
        }
        var good: [Double] = []
        var walls: [(name: String, wall: Double, peak: Double)] = []
        for name in cases {
            let folder = try overlay(case: corpus.appendingPathComponent(name), name: name)
            let out = scratch.appendingPathComponent("f-out")
            let bad = try ChildProcess.run(executable, ["report", spec, "--data", folder.path, "--out", out.path, "--formats", "md"])
            guard bad.status != 0 else { throw ValidationError("bad input \(name) did not fail") }
            let ok = try ChildProcess.run(executable, ["report", spec, "--data", data, "--out", out.path, "--formats", "md"])
            guard ok.status == 0 else { throw ValidationError("monitoring report failed: \(ok.stderr)") }
            walls.append((name, bad.wallSeconds, bad.peakMiB))
            good.append(ok.wallSeconds)
            try? FileManager.default.removeItem(at: folder)
        }
        let base = Self.median(good)
        print("")
        print("(f) bad inputs (\(cases.count) cases of Tests/Fixtures/bad-inputs, each against a good run of the shipped data):")
        print(String(format: "  good run (median): %.1f ms wall", base * 1000))
        for entry in walls.sorted(by: { $0.wall > $1.wall }).prefix(5) {
            let name = entry.name.padding(toLength: max(entry.name.count, 28), withPad: " ", startingAt: 0)
            print(
                String(
                    format: "  slowest: %@ %7.1f ms wall (%.2f× a good run), peak %.1f MiB",
                    name as NSString, entry.wall * 1000, entry.wall / base, entry.peak))
        }
        let worst = walls.map(\.wall).max() ?? 0
        // The zip bombs are inflated up to the reader's size limit, so they may take longer
        // than a good run; the bound is the one the tests asserted until they stopped timing.
        print(String(format: "  → the slowest bad input fails in %.0f ms, %.2f× a good run (target < 1 s each)", worst * 1000, worst / base))
    }

    /// A copy of the shipped data with the case applied.
    private func overlay(case source: URL, name: String) throws -> URL {
        let folder = scratch.appendingPathComponent("f-\(name)")
        try? FileManager.default.removeItem(at: folder)
        try FileManager.default.copyItem(at: URL(fileURLWithPath: data), to: folder)
        try BadInputCase(folder: source).apply(to: folder)
        return folder
    }
}
