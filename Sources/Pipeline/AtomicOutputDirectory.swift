import Foundation
import SystemInterface

/// Writes a run's outputs into a temporary folder beside the target and swaps it into
/// place only when everything is written, so a failed or interrupted run leaves the
/// previous outputs exactly as they were.
package final class AtomicOutputDirectory: @unchecked Sendable {
    package let target: URL
    package let staging: URL
    private var committed = false
    private var createdFolders: Set<String> = []
    /// Writers on several threads (the annex, the JSON files) share the folder bookkeeping.
    private let lock = NSLock()

    package init(target: URL) throws(OutputError) {
        self.target = target.standardizedFileURL
        let parent = self.target.deletingLastPathComponent()
        // Name the folder the user asked for when its parent cannot be made.
        do { try OutputError.createFolder(parent) } catch { throw OutputError(.createFolder, path: self.target.path, reason: error.reason) }
        staging = parent.appendingPathComponent(".\(self.target.lastPathComponent).tmp-\(getpid())", isDirectory: true)
        try? FileManager.default.removeItem(at: staging)
        do { try OutputError.createFolder(staging) } catch { throw OutputError(.createFolder, path: self.target.path, reason: error.reason) }
        StagingRegistry.shared.register(staging)
    }

    /// The staging URL for a relative path, with intermediate folders created. The staging
    /// folder itself is never made again here: once an interrupt has removed it, a writer
    /// still running fails instead of leaving a new one behind.
    package func url(for relativePath: String) throws(OutputError) -> URL {
        let url = staging.appendingPathComponent(relativePath)
        let folder = url.deletingLastPathComponent()
        lock.lock()
        defer { lock.unlock() }
        if !createdFolders.contains(folder.path) {
            try OutputError.createFolder(folder, below: staging)
            createdFolders.insert(folder.path)
        }
        return url
    }

    package func write(_ text: String, to relativePath: String) throws(OutputError) {
        try write(Data(text.utf8), to: relativePath)
    }

    /// A plain POSIX write. Atomicity comes from swapping the whole staging folder in
    /// `commit`; Foundation's `Data.write` would add an fsync per file (54 of them cost
    /// ~14 ms per report), which protects against power loss, not against a failed run.
    package func write(_ data: Data, to relativePath: String) throws(OutputError) {
        let path = try url(for: relativePath).path
        if let failure = FileDescriptorWriter.write(data, toFile: path) { throw OutputError.posix(.writeFile, path: path, code: failure) }
    }

    /// Writes a large file in chunks as `body` produces it (see `BufferedFileWriter`).
    package func stream(to relativePath: String, _ body: (BufferedFileWriter) throws -> Void) throws {
        let path = try url(for: relativePath).path
        guard let writer = BufferedFileWriter(path: path) else { throw OutputError.posix(.writeFile, path: path) }
        do {
            try body(writer)
        } catch {
            _ = writer.close()
            throw error
        }
        if let failure = writer.close() { throw OutputError.posix(.writeFile, path: path, code: failure) }
    }

    /// Moves the staged folder into place; the previous target is removed only after the
    /// new one is there.
    package func commit() throws(OutputError) {
        do {
            try StagingRegistry.shared.exclusively { try swap() }
        } catch let error as OutputError {
            throw error
        } catch {
            throw OutputError(.replaceTarget, path: target.path, reason: String(describing: error))
        }
        StagingRegistry.shared.unregister(staging)
    }

    /// Two renames in the same parent folder: the previous outputs step aside, the new
    /// ones take their place, and on failure the previous ones come back.
    private func swap() throws(OutputError) {
        let fm = FileManager.default
        let old = target.deletingLastPathComponent()
            .appendingPathComponent(".\(target.lastPathComponent).old-\(getpid())", isDirectory: true)
        try? fm.removeItem(at: old)
        let hadPrevious = fm.fileExists(atPath: target.path)
        if hadPrevious, rename(target.path, old.path) != 0 { throw OutputError.posix(.replaceTarget, path: target.path) }
        if rename(staging.path, target.path) != 0 {
            let failure = OutputError.posix(.replaceTarget, path: target.path)
            if hadPrevious { _ = rename(old.path, target.path) }
            throw failure
        }
        if hadPrevious { try? fm.removeItem(at: old) }
        committed = true
    }

    /// Removes the staging folder (also done on deinit when not committed).
    package func discard() {
        if !committed { try? FileManager.default.removeItem(at: staging) }
        StagingRegistry.shared.unregister(staging)
    }

    deinit { discard() }
}
