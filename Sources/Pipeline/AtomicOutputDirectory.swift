import Foundation

/// Writes a run's outputs into a temporary folder beside the target and swaps it into
/// place only when everything is written, so a failed or interrupted run leaves the
/// previous outputs exactly as they were.
public final class AtomicOutputDirectory: @unchecked Sendable {
    public let target: URL
    public let staging: URL
    private var committed = false
    private var createdFolders: Set<String> = []
    /// Writers on several threads (the annex, the JSON files) share the folder bookkeeping.
    private let lock = NSLock()

    public init(target: URL) throws {
        self.target = target.standardizedFileURL
        let parent = self.target.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        staging = parent.appendingPathComponent(".\(self.target.lastPathComponent).tmp-\(getpid())", isDirectory: true)
        try? FileManager.default.removeItem(at: staging)
        try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
        StagingRegistry.shared.register(staging)
    }

    /// The staging URL for a relative path, with intermediate folders created.
    public func url(for relativePath: String) throws -> URL {
        let url = staging.appendingPathComponent(relativePath)
        let folder = url.deletingLastPathComponent()
        lock.lock()
        defer { lock.unlock() }
        if !createdFolders.contains(folder.path) {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            createdFolders.insert(folder.path)
        }
        return url
    }

    public func write(_ text: String, to relativePath: String) throws {
        try write(Data(text.utf8), to: relativePath)
    }

    /// A plain POSIX write. Atomicity comes from swapping the whole staging folder in
    /// `commit`; Foundation's `Data.write` would add an fsync per file (54 of them cost
    /// ~14 ms per report), which protects against power loss, not against a failed run.
    public func write(_ data: Data, to relativePath: String) throws {
        let path = try url(for: relativePath).path
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path]) }
        defer { close(fd) }
        try data.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress else { return }
            var offset = 0
            while offset < buffer.count {
                let written = Foundation.write(fd, base + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
                }
                offset += written
            }
        }
    }

    /// Moves the staged folder into place; the previous target is removed only after the
    /// new one is there.
    public func commit() throws {
        try StagingRegistry.shared.exclusively { try swap() }
        StagingRegistry.shared.unregister(staging)
    }

    private func swap() throws {
        let fm = FileManager.default
        let old = target.deletingLastPathComponent()
            .appendingPathComponent(".\(target.lastPathComponent).old-\(getpid())", isDirectory: true)
        try? fm.removeItem(at: old)
        let hadPrevious = fm.fileExists(atPath: target.path)
        if hadPrevious { try fm.moveItem(at: target, to: old) }
        do {
            try fm.moveItem(at: staging, to: target)
        } catch {
            if hadPrevious { try? fm.moveItem(at: old, to: target) }
            throw error
        }
        if hadPrevious { try? fm.removeItem(at: old) }
        committed = true
    }

    /// Removes the staging folder (also done on deinit when not committed).
    public func discard() {
        if !committed { try? FileManager.default.removeItem(at: staging) }
        StagingRegistry.shared.unregister(staging)
    }

    deinit { discard() }
}
