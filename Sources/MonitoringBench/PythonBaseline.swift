import ArgumentParser
import Foundation
import SystemInterface

/// The Python stack doing the same job (`bench/baseline.py`).
struct PythonBaseline {
    let python: String
    let script: String

    init?(python: String) {
        let script = URL(fileURLWithPath: "bench/baseline.py").path
        guard FileManager.default.fileExists(atPath: script),
            let check = try? ChildProcess.run(
                "/usr/bin/env", [python, "-c", "import pandas, python_calamine, matplotlib, xlsxwriter, jinja2, yaml"]),
            check.status == 0
        else { return nil }
        self.python = python
        self.script = script
    }

    struct Full {
        let wall: Double
        let cpu: Double
        let peakMiB: Double
        let stages: [(String, Double)]
    }

    func full(spec: String, data: String, out: String, runs: Int) throws -> Full {
        var walls: [Double] = []
        var cpus: [Double] = []
        var json: [String: Any] = [:]
        var peak = 0.0
        for _ in 0..<runs {
            let run = try ChildProcess.run("/usr/bin/env", [python, script, "full", spec, data, out])
            guard run.status == 0 else { throw ValidationError("the Python baseline failed: \(run.stderr)") }
            walls.append(run.wallSeconds)
            cpus.append(run.cpuSeconds)
            peak = max(peak, run.peakMiB)
            json = (try? JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]) ?? [:]
        }
        let stages = (json["stages"] as? [String: Double] ?? [:]).sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        return Full(wall: Bench.Run.median(walls), cpu: Bench.Run.median(cpus), peakMiB: peak, stages: stages)
    }

    /// python-calamine reading every sheet into memory; best of three, in-process time.
    func ingest(data: String) throws -> Double {
        var best = Double.infinity
        for _ in 0..<3 {
            let run = try ChildProcess.run("/usr/bin/env", [python, script, "ingest", data])
            guard run.status == 0,
                let json = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any],
                let stages = json["stages"] as? [String: Double], let ingest = stages["ingest"]
            else {
                throw ValidationError("the Python ingest baseline failed: \(run.stderr)")
            }
            best = min(best, ingest)
        }
        return best
    }
}
