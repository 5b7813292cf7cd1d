import Foundation

/// Runs a command as a child process and measures it from outside. `posix_spawn` and
/// `wait4` instead of Foundation's `Process`, whose `waitUntilExit` polls a run loop on
/// Linux and adds tens of milliseconds to a 80 ms run; `wait4` also returns the child's
/// own CPU time and peak memory.
public struct ChildProcess: Sendable {
    public let status: Int32
    public let wallSeconds: Double
    public let cpuSeconds: Double
    public let peakMiB: Double
    public let stdout: String
    public let stderr: String

    /// Runs `executable` (looked up in PATH when not a path) and waits for it.
    public static func run(_ executable: String, _ arguments: [String]) throws -> ChildProcess {
        let folder = FileManager.default.temporaryDirectory
        let unique = "\(getpid())-\(UInt64(ProcessClock.wallSeconds() * 1e9))"
        let outPath = folder.appendingPathComponent("child-\(unique)-out").path
        let errPath = folder.appendingPathComponent("child-\(unique)-err").path
        defer {
            unlink(outPath)
            unlink(errPath)
        }
        var actions: posix_spawn_file_actions_t = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        let start = ProcessClock.wallSeconds()
        let spawned = posix_spawnp(&pid, executable, &actions, nil, argv, environ)
        guard spawned == 0 else { throw CocoaError(.executableNotLoadable, userInfo: [NSFilePathErrorKey: executable]) }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0, errno == EINTR {}
        let wall = ProcessClock.wallSeconds() - start
        let cpu = Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
            + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
        let exited = (status & 0x7F) == 0
        return ChildProcess(status: exited ? (status >> 8) & 0xFF : 128 + (status & 0x7F), wallSeconds: wall, cpuSeconds: cpu,
                        peakMiB: Self.mebibytes(maxRSS: usage.ru_maxrss),
                        stdout: (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? "",
                        stderr: (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? "")
    }

    /// `--timings` lines ("stage   12.34 ms") as triples.
    public var timings: [(stage: String, value: Double, unit: String)] {
        stderr.split(separator: "\n").compactMap { line in
            let parts = line.split(separator: " ", omittingEmptySubsequences: true)
            guard parts.count >= 3, let value = Double(parts[parts.count - 2]) else { return nil }
            return (parts.dropLast(2).joined(separator: " "), value, String(parts[parts.count - 1]))
        }
    }

    public func timing(_ stage: String) -> Double? { timings.first { $0.stage == stage }?.value }

    /// `ru_maxrss` in MiB: the kernel reports KiB on Linux but bytes on macOS.
    package static func mebibytes(maxRSS: Int) -> Double {
        #if canImport(Darwin)
        return Double(maxRSS) / 1_048_576
        #else
        return Double(maxRSS) / 1024
        #endif
    }
}
