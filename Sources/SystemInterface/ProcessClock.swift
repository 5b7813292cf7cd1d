import Foundation

/// This process's clocks, from the OS: monotonic wall time, CPU time (user + system) and
/// peak resident memory. Shared by the stage timings, the benchmarks and `ChildProcess`.
package enum ProcessClock {
    /// Seconds on the monotonic clock (only differences mean anything).
    package static func wallSeconds() -> Double {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
    }

    /// CPU time this process has used so far.
    package static func cpuSeconds() -> Double {
        let usage = selfUsage()
        return Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
            + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
    }

    /// Peak resident set size so far, in MiB (Linux reports KiB).
    package static func peakMemoryMiB() -> Double { ChildProcess.mebibytes(maxRSS: Int(selfUsage().ru_maxrss)) }

    private static func selfUsage() -> rusage {
        var usage = rusage()
        #if os(Linux)
            getrusage(RUSAGE_SELF.rawValue, &usage)
        #else
            getrusage(RUSAGE_SELF, &usage)
        #endif
        return usage
    }
}
