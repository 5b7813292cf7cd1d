import Foundation

/// Writes a run's outputs into a temporary folder beside the target and swaps it into
/// place only when everything is written, so a failed or interrupted run leaves the
/// previous outputs exactly as they were.
public final class AtomicOutputDirectory {
    public let target: URL
    public let staging: URL
    private var committed = false

    public init(target: URL) throws {
        self.target = target.standardizedFileURL
        let parent = self.target.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        staging = parent.appendingPathComponent(".\(self.target.lastPathComponent).tmp-\(getpid())", isDirectory: true)
        try? FileManager.default.removeItem(at: staging)
        try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
    }

    /// The staging URL for a relative path, with intermediate folders created.
    public func url(for relativePath: String) throws -> URL {
        let url = staging.appendingPathComponent(relativePath)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        return url
    }

    public func write(_ text: String, to relativePath: String) throws {
        try write(Data(text.utf8), to: relativePath)
    }

    public func write(_ data: Data, to relativePath: String) throws {
        try data.write(to: url(for: relativePath), options: .atomic)
    }

    /// Moves the staged folder into place; the previous target is removed only after the
    /// new one is there.
    public func commit() throws {
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
    }

    deinit { discard() }
}
