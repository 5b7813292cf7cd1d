import Foundation
import Ingest

/// The uncompressed size of a sheet's XML part, for throughput figures (MB/s of sheet XML).
package enum SheetPartSize {
    /// Inflates the part and returns its size; CSV files return their file size.
    package static func bytes(of url: URL, sheet: String, limits: IngestLimits = .default) throws -> Int {
        guard url.pathExtension.lowercased() != "csv" else {
            return (try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
        }
        let package = try ZipPackage(url: url, fileName: url.lastPathComponent, limits: limits)
        let parts = try PackageParts(package: package, limits: limits)
        guard let entry = parts.sheets.first(where: { $0.name == sheet }) else {
            throw IngestError(file: url.lastPathComponent, .sheetNotFound(sheet, available: parts.sheets.map(\.name)))
        }
        var total = 0
        try package.read(entry.path) { total += $0.count }
        return total
    }
}
