import Foundation

/// The staging folders of runs in progress, so that an interrupted run (SIGINT, SIGTERM)
/// can remove them before exiting. A commit holds the lock while it swaps folders, so an
/// interruption waits for a swap in progress and never leaves the target half-moved.
package final class StagingRegistry: @unchecked Sendable {
    package static let shared = StagingRegistry()

    private let lock = NSLock()
    private var folders: Set<URL> = []

    func register(_ folder: URL) {
        lock.lock()
        folders.insert(folder)
        lock.unlock()
    }

    func unregister(_ folder: URL) {
        lock.lock()
        folders.remove(folder)
        lock.unlock()
    }

    /// Runs `body` (a commit) without interruption by `removeAll`.
    func exclusively<T>(_ body: () throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }

    /// Removes every registered staging folder; the previous outputs stay as they were.
    /// Returns with the lock held, so no commit can start before the process exits.
    ///
    /// Writers may still be running. Each folder is renamed first, so they reach the tree
    /// only by its old path, where nothing is made again (`AtomicOutputDirectory.url(for:)`),
    /// and no file lands in it while it is removed.
    package func removeAllAndHold() {
        lock.lock()
        for folder in folders {
            let removed = folder.deletingLastPathComponent().appendingPathComponent(folder.lastPathComponent + "-interrupted")
            try? FileManager.default.removeItem(at: removed)
            let tree = rename(folder.path, removed.path) == 0 ? removed : folder
            try? FileManager.default.removeItem(at: tree)
        }
        folders.removeAll()
    }
}
