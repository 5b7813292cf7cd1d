import Foundation

/// Runs one throwing job on another thread while the caller goes on, then joins it. Used
/// to write the Excel annex (libxlsxwriter + zlib, the largest stage) alongside the other
/// outputs on a second core. Each job writes its own files, so output stays byte-identical.
public final class BackgroundJob: @unchecked Sendable {
    private let lock = NSLock()
    private let done = DispatchSemaphore(value: 0)
    private var failure: Error?

    public init(_ work: @escaping @Sendable () throws -> Void) {
        Thread.detachNewThread { [self] in
            do { try work() } catch {
                lock.lock()
                failure = error
                lock.unlock()
            }
            done.signal()
        }
    }

    /// Waits for the job; rethrows its error. May be called more than once: the signal is
    /// passed on, so a second join returns at once instead of waiting forever.
    public func join() throws {
        done.wait()
        done.signal()
        lock.lock()
        defer { lock.unlock() }
        if let failure { throw failure }
    }
}
