import Foundation

/// A spreadsheet file: a list of sheets that can be read by name.
package protocol Workbook {
    var fileName: String { get }
    var sheetNames: [String] { get }
    func readSheet(named name: String) throws(IngestError) -> Sheet
    /// Streams a sheet's rows without keeping them (memory stays flat for any row count),
    /// each with the layout read so far (see `SheetLayout`), and returns the whole layout.
    func streamSheet(named name: String, _ body: (Row, SheetLayout) -> Void) throws(IngestError) -> SheetLayout
}

extension Workbook {
    /// For workbooks read whole (CSV): the rows of `readSheet`, each with the full layout.
    package func streamSheet(named name: String, _ body: (Row, SheetLayout) -> Void) throws(IngestError) -> SheetLayout {
        let sheet = try readSheet(named: name)
        for row in sheet.rows { body(row, sheet.layout) }
        return sheet.layout
    }
}

/// Opens spreadsheet files by their content: an xlsx (zip) package or a CSV text file.
package enum WorkbookReader {
    package static func open(_ url: URL, limits: IngestLimits = .default) throws(IngestError) -> any Workbook {
        let fileName = url.lastPathComponent
        guard let handle = FileHandle(forReadingAtPath: url.path) else {
            throw IngestError(
                file: fileName,
                FileManager.default.fileExists(atPath: url.path)
                    ? .unreadable("permission denied") : .fileNotFound)
        }
        let magic = (try? handle.read(upToCount: 4)) ?? Data()
        try? handle.close()
        let ext = url.pathExtension.lowercased()
        if magic.isEmpty { throw IngestError(file: fileName, .emptyFile) }
        let isZip = magic.starts(with: [0x50, 0x4B])
        // OLE2: an encrypted workbook or an old .xls; the package reader names which.
        let isCompoundFile = magic.starts(with: [0xD0, 0xCF, 0x11, 0xE0])
        switch ext {
        case "xlsx", "xlsm", "xls":
            guard isZip || isCompoundFile else { throw IngestError(file: fileName, .notAZip) }
            return try XLSXWorkbook(url: url, limits: limits)
        case "csv", "txt":
            return try CSVWorkbook(url: url, limits: limits)
        default:
            if isZip || isCompoundFile { return try XLSXWorkbook(url: url, limits: limits) }
            throw IngestError(file: fileName, .unsupportedFormat(ext.isEmpty ? "(none)" : "." + ext))
        }
    }
}
