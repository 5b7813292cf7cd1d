import Foundation

/// One row of `published-figures.csv`: a number the reference report states about the data.
package struct PublishedFigure: CustomStringConvertible, Sendable {
    package let source: String
    package let item: String
    package let year: String
    package let category: String
    package let value: String
    package let unit: String
    package let note: String

    package var description: String { "\(source) \(item) \(year) \(category) = \(value) \(unit)" }

    /// Reads the file (plain comma-separated, no quoted fields in it).
    package static func load(_ url: URL) throws -> [PublishedFigure] {
        let text = try String(contentsOf: url, encoding: .utf8)
        return text.split(whereSeparator: \.isNewline).dropFirst().map { line in
            let f = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            return PublishedFigure(
                source: f[0], item: f[1], year: f[2], category: f[3], value: f[4], unit: f[5],
                note: f.count > 6 ? f[6...].joined(separator: ",") : "")
        }
    }
}
