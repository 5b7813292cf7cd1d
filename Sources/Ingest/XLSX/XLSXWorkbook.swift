import Foundation

/// An xlsx workbook opened for reading. Workbook-level parts (sheet list, styles, shared
/// strings) are read on open; sheets are read on demand.
package final class XLSXWorkbook: Workbook {
    package let fileName: String
    package let sheetNames: [String]
    /// Names of sheets marked hidden in the workbook.
    package let hiddenSheetNames: Set<String>
    private let package: ZipPackage
    private let parts: PackageParts
    private let limits: IngestLimits

    package convenience init(url: URL, limits: IngestLimits = .default) throws(IngestError) {
        try self.init(package: try ZipPackage(url: url, fileName: url.lastPathComponent, limits: limits), limits: limits)
    }

    /// A workbook from bytes in memory.
    package convenience init(data: Data, fileName: String, limits: IngestLimits = .default) throws(IngestError) {
        try self.init(package: try ZipPackage(data: data, fileName: fileName, limits: limits), limits: limits)
    }

    private init(package: ZipPackage, limits: IngestLimits) throws(IngestError) {
        fileName = package.fileName
        self.limits = limits
        self.package = package
        do {
            parts = try PackageParts(package: package, limits: limits)
        } catch let error as IngestError {
            throw error
        } catch {
            throw IngestError(file: package.fileName, .corruptZip("\(error)"))
        }
        sheetNames = parts.sheets.map(\.name)
        hiddenSheetNames = Set(parts.sheets.filter(\.isHidden).map(\.name))
    }

    package func readSheet(named name: String) throws(IngestError) -> Sheet {
        var rows: [Row] = []
        let layout = try streamSheet(named: name) { row, _ in rows.append(row) }
        return Sheet(
            name: name, rows: rows, hiddenColumns: layout.hiddenColumns,
            hiddenRows: layout.hiddenRows, mergedRanges: layout.mergedRanges)
    }

    package func streamSheet(named name: String, _ body: (Row, SheetLayout) -> Void) throws(IngestError) -> SheetLayout {
        do {
            return try parse(sheet: name, onRow: body)
        } catch let error as IngestError {
            throw error
        } catch {
            throw IngestError(file: fileName, sheet: name, .corruptZip("\(error)"))
        }
    }

    private func parse(sheet name: String, onRow: (Row, SheetLayout) throws -> Void) throws -> SheetLayout {
        guard let entry = parts.sheets.first(where: { $0.name == name }) else {
            throw IngestError(file: fileName, .sheetNotFound(name, available: sheetNames))
        }
        let parser = WorksheetParser(
            fileName: fileName, sheetName: name, sharedStrings: parts.sharedStrings,
            dateStyles: parts.dateStyles, date1904: parts.date1904, limits: limits)
        return try parser.parse(package: package, entry: entry.path, onRow: onRow)
    }
}
