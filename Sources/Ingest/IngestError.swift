import Diagnostics

/// Why a spreadsheet could not be read. Every case names the file; where it applies,
/// the part of the file (zip entry, sheet, cell) and what was expected.
public struct IngestError: UserFacingError, Hashable {
    /// What is wrong with the file, with the values the message names.
    public enum Reason: Sendable, Hashable {
        case fileNotFound
        case unreadable(String)
        case emptyFile
        case notAZip
        /// A password-protected workbook (Excel encrypts it into an OLE2 container).
        case encrypted
        /// An Excel 97–2003 `.xls` workbook (OLE2), not an xlsx.
        case legacyXLS
        case corruptZip(String)
        case missingPart(String)
        case entryTooLarge(entry: String, limit: Int)
        case xml(entry: String, XMLError)
        case sheetNotFound(String, available: [String])
        case sharedStringOutOfRange(index: Int, count: Int)
        case badCellReference(String)
        case cellTooLong(length: Int, limit: Int)
        case invalidUTF8(line: Int)
        case csvUnterminatedQuote(line: Int)
        case csvStrayQuote(line: Int, column: Int)
        case unsupportedFormat(String)
    }

    public let file: String
    public let sheet: String?
    public let cell: CellReference?
    public let reason: Reason

    public init(file: String, sheet: String? = nil, cell: CellReference? = nil, _ reason: Reason) {
        self.file = file
        self.sheet = sheet
        self.cell = cell
        self.reason = reason
    }

    public var location: String {
        [file, sheet, cell?.description].compactMap { $0 }.joined(separator: " › ")
    }

    public var description: String { "\(location): \(reasonText)" }
    public var exitStatus: ExitStatus { .dataErrors }

    private var reasonText: String {
        switch reason {
        case .fileNotFound: return "file not found"
        case .unreadable(let why): return "cannot read the file (\(why))"
        case .emptyFile: return "the file is empty; expected an xlsx workbook or a CSV file"
        case .notAZip: return "not an xlsx workbook (no zip archive found); expected a file saved by Excel or LibreOffice as .xlsx"
        case .encrypted:
            return
                "the workbook is password-protected (encrypted); save a copy without a password (Excel: File › Info › Protect Workbook › Encrypt with Password, clear it)"
        case .legacyXLS:
            return "an Excel 97–2003 workbook (.xls); save it as an Excel workbook (.xlsx)"
        case .corruptZip(let why): return "the xlsx archive is damaged (\(why)); re-export the workbook"
        case .missingPart(let part): return "the workbook has no part '\(part)'; expected a complete xlsx file"
        case .entryTooLarge(let entry, let limit):
            return "zip entry '\(entry)' unpacks to more than \(limit / 1_048_576) MiB; refusing to read it (possible zip bomb)"
        case .xml(let entry, let error): return "\(entry): \(error)"
        case .sheetNotFound(let name, let available):
            return "no sheet named '\(name)'; the workbook has " + available.map { "'\($0)'" }.joined(separator: ", ")
        case .sharedStringOutOfRange(let index, let count):
            return "shared string index \(index) is out of range (the table has \(count) strings)"
        case .badCellReference(let text): return "invalid cell reference '\(text)'; expected A1…XFD1048576"
        case .cellTooLong(let length, let limit):
            return "cell text has \(length) characters; a cell holds at most \(limit)"
        case .invalidUTF8(let line):
            return "line \(line) is not valid UTF-8; expected a CSV file saved as UTF-8"
        case .csvUnterminatedQuote(let line):
            return "a quoted field opened on line \(line) is never closed; expected a closing \""
        case .csvStrayQuote(let line, let column):
            return "unexpected \" inside an unquoted field (line \(line), field \(column)); quote the whole field and double the inner quotes"
        case .unsupportedFormat(let ext): return "unsupported file type '\(ext)'; expected .xlsx or .csv"
        }
    }
}
