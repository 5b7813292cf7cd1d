import Foundation

/// The first failure of a writer in an `OutputRun`, recorded by the writer itself.
///
/// The run's plan works in the task group's own task, so the group cannot see a writer's
/// failure (and cancel the others) before the plan returns. With the failure recorded
/// here, no writer starts its work after it, and the plan's next `start` throws it, so the
/// plan stops at once instead of preparing outputs that would be thrown away.
final class FirstFailure: @unchecked Sendable {
    private let lock = NSLock()
    private var error: (any Error)?

    /// Keeps `error` unless a failure was recorded before.
    func record(_ error: any Error) {
        lock.withLock { if self.error == nil { self.error = error } }
    }

    /// Throws the recorded failure, if there is one.
    func check() throws {
        if let error = lock.withLock({ error }) { throw error }
    }
}
