import Foundation

/// Process-level measurements for the benchmarks: wall time, CPU time (user + system) and
/// peak resident memory, all from the OS rather than from timers in the code under test.
struct Measurement {
    var wallSeconds: Double
    var cpuSeconds: Double

    #if os(Linux)
    static let selfWho = RUSAGE_SELF.rawValue
    #else
    static let selfWho = RUSAGE_SELF
    #endif

    static func cpuNow() -> Double {
        var usage = rusage()
        getrusage(Self.selfWho, &usage)
        return Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
            + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
    }

    static func wallNow() -> Double {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
    }

    /// Peak resident set size of this process so far, in MiB (Linux reports KiB).
    static func peakMemoryMiB() -> Double {
        var usage = rusage()
        getrusage(Self.selfWho, &usage)
        return Double(usage.ru_maxrss) / 1024
    }

    /// Runs `body` `iterations` times and returns the mean per iteration.
    static func run(iterations: Int, _ body: () throws -> Void) rethrows -> Measurement {
        let wall = wallNow()
        let cpu = cpuNow()
        for _ in 0..<iterations { try body() }
        return Measurement(wallSeconds: (wallNow() - wall) / Double(iterations),
                           cpuSeconds: (cpuNow() - cpu) / Double(iterations))
    }
}
