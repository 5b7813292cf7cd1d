import Formatting
import Foundation
import Ingest

/// A small CSV table that belongs to a report spec (published values, the free-text coding):
/// rows by named column, each with its line for error messages.
struct SpecTable {
    struct Row {
        let line: Int
        let values: [String: String]
        subscript(_ column: String) -> String { values[column] ?? "" }
    }

    let rows: [Row]

    /// Reads `url`; the header must hold every one of `columns`. A missing file or column
    /// is a spec error naming the file and line; `what` says what the table is for.
    static func read(_ url: URL, columns: [String], what: String) throws(SpecErrors) -> SpecTable {
        let file = url.lastPathComponent
        let sheet: Sheet
        do {
            let workbook = try CSVWorkbook(url: url)
            sheet = try workbook.readSheet(named: workbook.sheetNames.first ?? "")
        } catch {
            throw SpecErrors([SpecError(file: file, line: nil, "cannot read \(what): \(error.description)")])
        }
        guard let header = sheet.rows.first else { throw SpecErrors([SpecError(file: file, line: 1, "the file is empty")]) }
        let names = header.cells.map { $0.value.text.trimmingWhitespace(newlines: false) }
        var position: [String: Int] = [:]
        for column in columns {
            guard let index = names.firstIndex(of: column) else {
                throw SpecErrors([SpecError(file: file, line: 1, "no column '\(column)'; expected " + columns.joined(separator: ", "))])
            }
            position[column] = header.cells[index].reference.column
        }
        return SpecTable(
            rows: sheet.rows.dropFirst().map { row in
                var values: [String: String] = [:]
                for (column, index) in position {
                    values[column] = row.cells.first { $0.reference.column == index }?.value.text.trimmingWhitespace(newlines: false) ?? ""
                }
                return Row(line: row.index, values: values)
            })
    }
}
