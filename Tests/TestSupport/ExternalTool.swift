import Foundation

/// Runs helper programs the tests use when the machine has them (Chromium for check-svg,
/// LibreOffice, pandoc, python3 with openpyxl).
public enum ExternalTool {
    public static func exists(_ name: String) -> Bool {
        let paths = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        return paths.contains { FileManager.default.isExecutableFile(atPath: "\($0)/\(name)") }
    }

    /// `shared/tools/check-svg`, beside the repository as CI lays it out, if present.
    public static var checkSVG: URL? {
        let candidates = [TestPaths.repository.deletingLastPathComponent().appendingPathComponent("shared/tools/check-svg"),
                          TestPaths.repository.appendingPathComponent("../shared/tools/check-svg").standardizedFileURL]
        return candidates.first { FileManager.default.fileExists(atPath: $0.path) }
    }

    public struct Output: Sendable {
        public let status: Int32
        public let stdout: String
        public let stderr: String
    }

    public static func run(_ executable: String, _ arguments: [String], timeout: TimeInterval = 300) throws -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable.hasPrefix("/") ? executable : "/usr/bin/env")
        process.arguments = executable.hasPrefix("/") ? arguments : [executable] + arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                      stderr: String(decoding: stderr, as: UTF8.self))
    }
}
