import Foundation
import SystemInterface

/// Runs helper programs the tests use (Chromium for check-svg and axe, LibreOffice, pandoc,
/// poppler, python3 with openpyxl and pdfua). On a developer's machine a test whose tool is
/// missing is skipped; under CI (`CI=true`, where `.ci/run` installs them) a missing tool
/// fails the run, so a broken install cannot pass as green.
package enum ExternalTool {
    package static func exists(_ name: String) -> Bool { Subprocess.which(name) != nil }

    /// Whether a test that needs `tools` (commands, or `python:module`) can run here.
    package static func available(_ tools: String...) -> Bool {
        let missing = tools.filter { tool in
            if tool.hasPrefix("python:") {
                let module = String(tool.dropFirst("python:".count))
                return (try? run("python3", ["-c", "import \(module)"]).status) != 0
            }
            return !exists(tool)
        }
        if !missing.isEmpty, ProcessInfo.processInfo.environment["CI"] == "true" {
            FileHandle.standardError.write(Data("CI is missing test tools: \(missing.joined(separator: ", "))\n".utf8))
            return true  // run the test anyway: it fails, naming what is missing
        }
        return missing.isEmpty
    }

    /// `shared/tools/check-svg`, beside the repository as CI lays it out, if present.
    package static var checkSVG: URL? {
        let candidates = [
            TestPaths.repository.deletingLastPathComponent().appendingPathComponent("shared/tools/check-svg"),
            TestPaths.repository.appendingPathComponent("../shared/tools/check-svg").standardizedFileURL,
        ]
        return candidates.first { FileManager.default.fileExists(atPath: $0.path) }
    }

    package struct Output: Sendable {
        package let status: Int32
        package let stdout: String
        package let stderr: String
    }

    /// Runs a tool to its end, or kills it after `timeout` seconds (status 137). Both output
    /// streams go to files, so a tool that writes much to either cannot block.
    ///
    /// The time-out is a hang guard, not a speed check: a hung tool (a Chromium that never
    /// loads, a LibreOffice waiting for a lock) fails its test with a message instead of
    /// running into CI's time-out. Every caller's limit is at least 300 s, 10× and more
    /// what the slowest tool takes here with every core busy (`make test-stress`).
    package static func run(
        _ executable: String, _ arguments: [String], timeout: TimeInterval = 300,
        environment: [String: String] = [:]
    ) throws -> Output {
        let process = try Subprocess(executable, arguments, environment: environment)
        let outcome = process.wait(timeout: timeout)
        return Output(status: outcome.status, stdout: outcome.stdout, stderr: outcome.stderr)
    }
}
