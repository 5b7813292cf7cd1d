import Foundation

/// Fresh temporary folders for tests.
package enum TemporaryFolder {
    package static func make() throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("monitoring-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
