import Foundation

/// Wall-clock time per stage, printed with `--timings` (stderr, English).
public final class StageTimer: @unchecked Sendable {
    private let enabled: Bool
    private var last: Double
    private let start: Double
    private var lines: [String] = []
    private let lock = NSLock()

    public init(enabled: Bool) {
        self.enabled = enabled
        start = Self.now()
        last = start
    }

    static func now() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }

    public func mark(_ stage: String) {
        guard enabled else { return }
        lock.lock()
        defer { lock.unlock() }
        let now = Self.now()
        lines.append(String(format: "%-28@ %7.2f ms", stage as NSString, (now - last) * 1000))
        last = now
    }

    public func report() {
        guard enabled else { return }
        lines.append(String(format: "%-28@ %7.2f ms", "total (in process)" as NSString, (Self.now() - start) * 1000))
        var usage = rusage()
        #if os(Linux)
        getrusage(RUSAGE_SELF.rawValue, &usage)
        #else
        getrusage(RUSAGE_SELF, &usage)
        #endif
        lines.append(String(format: "%-28@ %7.1f MiB", "peak memory" as NSString, Double(usage.ru_maxrss) / 1024))
        FileHandle.standardError.write(Data((lines.joined(separator: "\n") + "\n").utf8))
    }
}
