import Concurrency
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

    static func now() -> Double { ProcessClock.wallSeconds() }

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
        lines.append(String(format: "%-28@ %7.1f MiB", "peak memory" as NSString, ProcessClock.peakMemoryMiB()))
        FileHandle.standardError.write(Data((lines.joined(separator: "\n") + "\n").utf8))
    }
}
