import Disclosure
import Foundation

/// The disclosure check's findings from writers running side by side, in file order.
final class LeakCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var leaks: [DisclosureLeak] = []

    func add(_ found: [DisclosureLeak]) {
        guard !found.isEmpty else { return }
        lock.lock()
        leaks += found
        lock.unlock()
    }

    /// Sorted by file and place, so that the message does not depend on which writer finished first.
    var all: [DisclosureLeak] {
        lock.lock()
        defer { lock.unlock() }
        return leaks.sorted { ($0.file, $0.record) < ($1.file, $1.record) }
    }
}
