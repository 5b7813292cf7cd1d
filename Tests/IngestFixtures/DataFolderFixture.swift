import Formatting
import Foundation
import Ingest
import TestSupport

/// A copy of a data folder in a temporary location, whose waves can be replaced by CSV
/// versions (optionally edited) to test how the pipeline treats changed or broken input.
package struct DataFolderFixture {
    package let url: URL

    /// Copies `source` (default: the repository's `data/`).
    package init(copying source: URL = TestPaths.data) throws {
        url = try TemporaryFolder.make().appendingPathComponent("data", isDirectory: true)
        try FileManager.default.copyItem(at: source, to: url)
        // The hand-over files are read-only; the copy must be editable.
        let enumerator = FileManager.default.enumerator(atPath: url.path)
        while let path = enumerator?.nextObject() as? String {
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.appendingPathComponent(path).path)
        }
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path)
    }

    package var waves: URL { url.appendingPathComponent("waves", isDirectory: true) }

    /// The cells of a wave's sheet as a grid of text (row 1 first), keeping empty rows so
    /// that header and data rows stay where the catalogue says.
    package static func grid(of sheet: Sheet) -> [[String]] {
        let width = sheet.rows.flatMap(\.cells).map(\.reference.column).max() ?? 0
        var grid = Array(repeating: Array(repeating: "", count: width), count: sheet.lastRowIndex)
        for row in sheet.rows {
            for cell in row.cells { grid[row.index - 1][cell.reference.column - 1] = cell.value.text }
        }
        return grid
    }

    /// Replaces the xlsx wave `fileName` (sheet `sheetName`) by a CSV with the same stem,
    /// after letting `edit` change the grid.
    package func replaceWaveWithCSV(
        _ fileName: String, sheet sheetName: String, separator: Character = ";",
        bom: Bool = true, edit: (inout [[String]]) -> Void = { _ in }
    ) throws {
        let xlsx = waves.appendingPathComponent(fileName)
        let sheet = try WorkbookReader.open(xlsx).readSheet(named: sheetName)
        var grid = Self.grid(of: sheet)
        edit(&grid)
        var text = bom ? "\u{FEFF}" : ""
        for row in grid { text += TextEscaping.csvRecord(row, separator: separator) }
        try FileManager.default.removeItem(at: xlsx)
        let csv = waves.appendingPathComponent((fileName as NSString).deletingPathExtension + ".csv")
        try Data(text.utf8).write(to: csv)
    }
}
