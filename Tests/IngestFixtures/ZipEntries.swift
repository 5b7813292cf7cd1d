import Foundation
import Ingest
import TestSupport

/// Reads every entry of a zip file (to inspect written xlsx files part by part), through
/// the project's own bounded zip reader.
package enum ZipEntries {
    package static func read(_ url: URL) throws -> [String: Data] {
        let archive = try ZipArchive(url: url)
        var result: [String: Data] = [:]
        for (path, entry) in archive.entries where !path.hasSuffix("/") {
            var data = Data()
            try archive.read(entry) { data.append($0) }
            result[path] = data
        }
        return result
    }

    package static func text(_ url: URL, _ path: String) throws -> String {
        String(decoding: try read(url)[path] ?? Data(), as: UTF8.self)
    }
}
