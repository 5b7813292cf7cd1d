import Foundation
import ZIPFoundation

/// Reads every entry of a zip file (to inspect written xlsx files part by part).
public enum ZipEntries {
    public static func read(_ url: URL) throws -> [String: Data] {
        let archive = try Archive(url: url, accessMode: .read)
        var result: [String: Data] = [:]
        for entry in archive where entry.type == .file {
            var data = Data()
            _ = try archive.extract(entry) { data.append($0) }
            result[entry.path] = data
        }
        return result
    }

    public static func text(_ url: URL, _ path: String) throws -> String {
        String(decoding: try read(url)[path] ?? Data(), as: UTF8.self)
    }
}
