import Foundation

/// Runs a command as a child process and measures it from outside (through `Subprocess`:
/// `posix_spawn` and `wait4` instead of Foundation's `Process`, whose `waitUntilExit` polls a
/// run loop on Linux and adds tens of milliseconds to a 80 ms run); `wait4` also returns the
/// child's own CPU time and peak memory.
package struct ChildProcess: Sendable {
    package let status: Int32
    package let wallSeconds: Double
    package let cpuSeconds: Double
    package let peakMiB: Double
    package let stdout: String
    package let stderr: String

    /// Runs `executable` (looked up in PATH when not a path) and waits for it; spawning,
    /// output files and the exit status are `Subprocess`'s.
    package static func run(_ executable: String, _ arguments: [String]) throws -> ChildProcess {
        let start = ProcessClock.wallSeconds()
        let outcome = try Subprocess(executable, arguments).wait()
        return ChildProcess(
            status: outcome.status, wallSeconds: ProcessClock.wallSeconds() - start,
            cpuSeconds: outcome.cpuSeconds, peakMiB: outcome.peakMiB,
            stdout: outcome.stdout, stderr: outcome.stderr)
    }

    /// `--timings` lines ("stage   12.34 ms") as triples.
    package var timings: [(stage: String, value: Double, unit: String)] {
        stderr.split(separator: "\n").compactMap { line in
            let parts = line.split(separator: " ", omittingEmptySubsequences: true)
            guard parts.count >= 3, let value = Double(parts[parts.count - 2]) else { return nil }
            return (parts.dropLast(2).joined(separator: " "), value, String(parts[parts.count - 1]))
        }
    }

    package func timing(_ stage: String) -> Double? { timings.first { $0.stage == stage }?.value }

    /// `ru_maxrss` in MiB: the kernel reports KiB on Linux but bytes on macOS.
    package static func mebibytes(maxRSS: Int) -> Double {
        #if canImport(Darwin)
            return Double(maxRSS) / 1_048_576
        #else
            return Double(maxRSS) / 1024
        #endif
    }
}
