import Foundation

/// A CSV file seen as a workbook with one sheet, named after the file (without extension).
///
/// Accepts UTF-8 with or without BOM, `;` or `,` as separator (whichever the first record
/// uses more, outside quotes), RFC 4180 quoting with doubled quotes and line breaks inside
/// quoted fields, and LF, CRLF or CR line ends. Every value is text; the normaliser reads
/// numbers and region codes from text the same way as from xlsx numbers.
package struct CSVWorkbook: Workbook {
    package let fileName: String
    package let sheetNames: [String]
    private let rows: [Row]

    package init(url: URL, limits: IngestLimits = .default) throws(IngestError) {
        let fileName = url.lastPathComponent
        let data: Data
        do {
            let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
            if let size = attributes[.size] as? Int, size > limits.maxCSVBytes {
                throw IngestError(file: fileName, .entryTooLarge(entry: fileName, limit: limits.maxCSVBytes))
            }
            data = try Data(contentsOf: url)
        } catch let error as IngestError {
            throw error
        } catch {
            throw IngestError(file: fileName, .unreadable(FileReadReason.describe(error)))
        }
        try self.init(data: data, fileName: fileName, limits: limits)
    }

    package init(data: Data, fileName: String, limits: IngestLimits = .default) throws(IngestError) {
        self.fileName = fileName
        let sheetName = (fileName as NSString).deletingPathExtension
        self.sheetNames = [sheetName]
        self.rows = try CSVParser(bytes: [UInt8](data), fileName: fileName, sheetName: sheetName, limits: limits).parse()
    }

    package func readSheet(named name: String) throws(IngestError) -> Sheet {
        guard sheetNames.contains(name) else {
            throw IngestError(file: fileName, .sheetNotFound(name, available: sheetNames))
        }
        return Sheet(name: name, rows: rows)
    }
}

/// RFC 4180 parser over bytes.
struct CSVParser {
    let bytes: [UInt8]
    let fileName: String
    let sheetName: String
    let limits: IngestLimits

    func parse() throws(IngestError) -> [Row] {
        var start = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
        let separator = detectSeparator(from: start)
        var rows: [Row] = []
        var cells: [Cell] = []
        var field: [UInt8] = []
        var line = 1
        var rowIndex = 1
        var column = 1
        var i = start
        let count = bytes.count
        var inQuotes = false
        var quoteStartLine = 1
        var fieldWasQuoted = false

        func finishField() throws(IngestError) {
            guard let text = String(validating: field, as: UTF8.self) else {
                throw IngestError(file: fileName, sheet: sheetName, .invalidUTF8(line: line))
            }
            if text.count > limits.maxCellCharacters {
                throw IngestError(
                    file: fileName, sheet: sheetName, cell: CellReference(row: rowIndex, column: column),
                    .cellTooLong(length: text.count, limit: limits.maxCellCharacters))
            }
            if !text.isEmpty {
                cells.append(Cell(reference: CellReference(row: rowIndex, column: column), value: .string(text)))
            }
            field.removeAll(keepingCapacity: true)
            fieldWasQuoted = false
            column += 1
            guard column <= CellReference.maxColumn + 1 else {
                throw IngestError(file: fileName, sheet: sheetName, .badCellReference("column \(column)"))
            }
        }
        func finishRow() throws(IngestError) {
            try finishField()
            if !cells.isEmpty { rows.append(Row(index: rowIndex, cells: cells)) }
            cells.removeAll(keepingCapacity: true)
            rowIndex += 1
            column = 1
            guard rowIndex <= CellReference.maxRow else {
                throw IngestError(file: fileName, sheet: sheetName, .badCellReference("row \(rowIndex)"))
            }
        }

        while i < count {
            let b = bytes[i]
            if inQuotes {
                if b == UInt8(ascii: "\"") {
                    if i + 1 < count, bytes[i + 1] == UInt8(ascii: "\"") {
                        field.append(b)
                        i += 2
                        continue
                    }
                    inQuotes = false
                    i += 1
                    // After a closing quote only a separator or a line end may follow.
                    if i < count, bytes[i] != separator, bytes[i] != 0x0A, bytes[i] != 0x0D {
                        throw IngestError(file: fileName, sheet: sheetName, .csvStrayQuote(line: line, column: column))
                    }
                    continue
                }
                if b == 0x0A { line += 1 }
                if b == 0x0D {
                    line += 1
                    field.append(0x0A)
                    if i + 1 < count, bytes[i + 1] == 0x0A { i += 1 }
                    i += 1
                    continue
                }
                field.append(b)
                i += 1
                continue
            }
            switch b {
            case UInt8(ascii: "\""):
                guard field.isEmpty, !fieldWasQuoted else {
                    throw IngestError(file: fileName, sheet: sheetName, .csvStrayQuote(line: line, column: column))
                }
                inQuotes = true
                fieldWasQuoted = true
                quoteStartLine = line
            case separator:
                try finishField()
            case 0x0D, 0x0A:
                if b == 0x0D, i + 1 < count, bytes[i + 1] == 0x0A { i += 1 }
                try finishRow()
                line += 1
            default:
                field.append(b)
            }
            i += 1
        }
        if inQuotes {
            throw IngestError(file: fileName, sheet: sheetName, .csvUnterminatedQuote(line: quoteStartLine))
        }
        if !field.isEmpty || !cells.isEmpty || fieldWasQuoted { try finishRow() }
        return rows
    }

    /// `;` unless the first record has more commas than semicolons outside quotes.
    private func detectSeparator(from start: Int) -> UInt8 {
        var semicolons = 0
        var commas = 0
        var inQuotes = false
        var i = start
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "\"") {
                inQuotes.toggle()
            } else if !inQuotes {
                if b == 0x0A || b == 0x0D { break }
                if b == UInt8(ascii: ";") { semicolons += 1 } else if b == UInt8(ascii: ",") { commas += 1 }
            }
            i += 1
        }
        return commas > semicolons ? UInt8(ascii: ",") : UInt8(ascii: ";")
    }
}
