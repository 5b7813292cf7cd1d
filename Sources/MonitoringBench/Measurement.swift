import Foundation
import SystemInterface

/// Process-level measurements for the benchmarks: wall time, CPU time (user + system) and
/// peak resident memory, all from the OS rather than from timers in the code under test.
struct Measurement {
    var wallSeconds: Double
    var cpuSeconds: Double

    static func cpuNow() -> Double { ProcessClock.cpuSeconds() }
    static func wallNow() -> Double { ProcessClock.wallSeconds() }
    static func peakMemoryMiB() -> Double { ProcessClock.peakMemoryMiB() }

    /// Runs `body` `iterations` times and returns the mean per iteration.
    static func run(iterations: Int, _ body: () throws -> Void) rethrows -> Measurement {
        let wall = wallNow()
        let cpu = cpuNow()
        for _ in 0..<iterations { try body() }
        return Measurement(
            wallSeconds: (wallNow() - wall) / Double(iterations),
            cpuSeconds: (cpuNow() - cpu) / Double(iterations))
    }
}
