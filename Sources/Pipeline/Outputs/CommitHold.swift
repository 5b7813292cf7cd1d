import Foundation

/// A seam for tests that interrupt a run: with `MONITORING_HOLD_BEFORE_COMMIT=<path>` in
/// the environment, a run whose staging folder is complete writes `<path>` and waits until
/// the file is gone before it commits. A test can then send its signal at a known point
/// instead of after a guessed delay, which a busy machine turns into a different point.
/// Unset (always, outside the tests), it costs one environment look-up per run.
enum CommitHold {
    static let variable = "MONITORING_HOLD_BEFORE_COMMIT"

    static func waitIfAsked(environment: [String: String] = ProcessInfo.processInfo.environment) async throws {
        guard let path = environment[variable], !path.isEmpty else { return }
        guard FileManager.default.createFile(atPath: path, contents: Data("holding before commit\n".utf8)) else {
            throw OutputError(.writeFile, path: path, reason: "cannot write the hold file named by \(variable)")
        }
        // Polled, not timed out: the test decides how long the run holds (it removes the
        // file, or interrupts the run). The sleep only spaces the polls.
        while FileManager.default.fileExists(atPath: path) {
            try await Task.sleep(for: .milliseconds(10))
        }
    }
}
