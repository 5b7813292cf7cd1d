import Foundation

/// One case of the bad-input corpus (`Tests/Fixtures/bad-inputs/NAME`): files to lay over a
/// copy of a good data folder, and `remove.txt` listing files to delete from it. The tests
/// check each case's message; the benchmark times how fast it fails.
package struct BadInputCase: Sendable {
    package let folder: URL

    package init(folder: URL) {
        self.folder = folder
    }

    /// Lays the case's files over `data` (a copy the caller owns) and applies its removals.
    package func apply(to data: URL) throws {
        let fm = FileManager.default
        for path in try fm.subpathsOfDirectory(atPath: folder.path).sorted() where !["expected.txt", "remove.txt"].contains(path) {
            var isDirectory: ObjCBool = false
            _ = fm.fileExists(atPath: folder.appendingPathComponent(path).path, isDirectory: &isDirectory)
            guard !isDirectory.boolValue else { continue }
            let target = data.appendingPathComponent(path)
            try? fm.removeItem(at: target)
            try fm.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try fm.copyItem(at: folder.appendingPathComponent(path), to: target)
        }
        if let removals = try? String(contentsOf: folder.appendingPathComponent("remove.txt"), encoding: .utf8) {
            for path in removals.split(separator: "\n") { try fm.removeItem(at: data.appendingPathComponent(String(path))) }
        }
    }
}
