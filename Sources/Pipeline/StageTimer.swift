import Foundation
import SystemInterface

/// Wall-clock time per stage, printed with `--timings` (stderr, English).
final class StageTimer: @unchecked Sendable {
    private let enabled: Bool
    private var last: Double
    private let start: Double
    private var lines: [String] = []
    private let lock = NSLock()

    init(enabled: Bool) {
        self.enabled = enabled
        start = Self.now()
        last = start
    }

    static func now() -> Double { ProcessClock.wallSeconds() }

    func mark(_ stage: String) {
        guard enabled else { return }
        lock.lock()
        defer { lock.unlock() }
        let now = Self.now()
        lines.append(Self.line(stage, String(format: "%7.2f ms", (now - last) * 1000)))
        last = now
    }

    /// A line for work that ran beside other work (an output writer): its own duration,
    /// without moving the mark the next `mark` measures from.
    func record(_ stage: String, since start: Double) {
        guard enabled else { return }
        lock.lock()
        defer { lock.unlock() }
        lines.append(Self.line(stage, String(format: "%7.2f ms", (Self.now() - start) * 1000)))
    }

    func report() {
        guard enabled else { return }
        lines.append(Self.line("total (in process)", String(format: "%7.2f ms", (Self.now() - start) * 1000)))
        lines.append(Self.line("peak memory", String(format: "%7.1f MiB", ProcessClock.peakMemoryMiB())))
        FileHandle.standardError.write(Data((lines.joined(separator: "\n") + "\n").utf8))
    }

    /// `%-28@` does not pad on Linux; pad in Swift.
    private static func line(_ stage: String, _ value: String) -> String {
        stage.padding(toLength: max(28, stage.count), withPad: " ", startingAt: 0) + " " + value
    }
}
