import ArgumentParser
import Foundation
import SystemInterface

/// A stage measured in a child process (`monitoring-bench bench-stage …`), reported as one line.
struct StageReport: Codable {
    var cpuSeconds: Double
    var wallSeconds: Double
    var peakMiB: Double
    var bytes: Int
    var cells: Int

    /// Runs one stage in a fresh process of this executable, so its peak memory is its own.
    static func runChild(_ kind: BenchStage.Kind, _ file: String) throws -> StageReport {
        let arguments = ["bench-stage", kind.rawValue, file]
        let run = try ChildProcess.run(URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL.path, arguments)
        guard run.status == 0 else { throw ValidationError("bench stage \(arguments) failed with status \(run.status)") }
        return try JSONDecoder().decode(StageReport.self, from: Data(run.stdout.utf8))
    }
}
