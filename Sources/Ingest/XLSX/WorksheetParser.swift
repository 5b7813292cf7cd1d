import Formatting
import Foundation

/// Streams the rows of one worksheet part, chunk by chunk as the zip layer inflates it,
/// so memory stays flat however many rows the sheet has.
struct WorksheetParser {
    let fileName: String
    let sheetName: String
    let sharedStrings: [String]
    let dateStyles: [Bool]
    let date1904: Bool
    let limits: IngestLimits

    fileprivate enum Collecting { case none, value, formula, inlineText }

    /// Parses the part; calls `onRow` for every row that has at least one cell, with the
    /// layout read so far.
    func parse(package: ZipPackage, entry: String, onRow: (Row, SheetLayout) throws -> Void) throws -> SheetLayout {
        var state = State(parser: self)
        do {
            try package.read(entry) { chunk in
                state.scanner.append(chunk)
                try state.drain(isFinal: false, onRow: onRow)
            }
            try state.drain(isFinal: true, onRow: onRow)
        } catch let error as XMLError {
            throw IngestError(file: fileName, sheet: sheetName, .xml(entry: entry, error))
        }
        return state.layout
    }

    /// Everything the parser tracks between tokens. A struct with mutating methods (rather
    /// than locals captured by a nested function, which Swift boxes on the heap) keeps the
    /// hot loop free of reference counting.
    private struct State {
        let parser: WorksheetParser
        var scanner: XMLScanner
        var layout = SheetLayout()
        var inSheetData = false
        var rowIndex = 0
        var rowHidden = false
        var cells: [Cell] = []
        var column = 0
        var cellRef = CellReference(row: 1, column: 1)
        var cellType: CellType = .number
        var cellStyle = 0
        var inCell = false
        var collecting = Collecting.none
        var inInline = false
        var phoneticDepth = 0
        var valueText = ""
        var formulaText: String?
        var inlineText = ""

        init(parser: WorksheetParser) {
            self.parser = parser
            scanner = XMLScanner(maxDepth: parser.limits.maxXMLDepth)
        }

        func fail(_ reason: IngestError.Reason, at ref: CellReference?) -> IngestError {
            IngestError(file: parser.fileName, sheet: parser.sheetName, cell: ref, reason)
        }

        mutating func finishCell() throws {
            let value = try parser.makeValue(type: cellType, style: cellStyle, raw: valueText, inline: inlineText, ref: cellRef)
            if case .string(let s) = value, s.utf8.count > parser.limits.maxCellCharacters, s.count > parser.limits.maxCellCharacters {
                throw fail(.cellTooLong(length: s.count, limit: parser.limits.maxCellCharacters), at: cellRef)
            }
            if !value.isEmpty || formulaText != nil {
                cells.append(Cell(reference: cellRef, value: value, formula: formulaText))
            }
        }

        mutating func drain(isFinal: Bool, onRow: (Row, SheetLayout) throws -> Void) throws {
            while let token = try scanner.next(isFinal: isFinal) {
                switch token.kind {
                case .start: try start(token)
                case .end: try end(token, onRow: onRow)
                case .text, .cdata: try text(token)
                }
            }
        }

        mutating func start(_ token: XMLToken) throws {
            let name = scanner.packedLocalName(token.range)
            if inCell {
                switch name {
                case PackedName.v: collecting = token.selfClosing ? .none : .value
                case PackedName.f:
                    formulaText = formulaText ?? ""
                    collecting = token.selfClosing ? .none : .formula
                case PackedName.is: inInline = !token.selfClosing
                case PackedName.rPh: if !token.selfClosing { phoneticDepth += 1 }
                case PackedName.t where inInline && phoneticDepth == 0: collecting = token.selfClosing ? .none : .inlineText
                default: break
                }
            } else if inSheetData, name == PackedName.c {
                let (refRange, styleRange, typeRange) = try scanner.attributeRanges(
                    (PackedName.r, PackedName.s, PackedName.t),
                    in: token.attributes)
                if let refRange {
                    guard let ref = CellReference(utf8: scanner.buffer[refRange]) else {
                        throw fail(.badCellReference(String(decoding: scanner.buffer[refRange], as: UTF8.self)), at: nil)
                    }
                    cellRef = ref
                } else {
                    guard column < CellReference.maxColumn else {
                        throw fail(.badCellReference("column \(column + 1)"), at: nil)
                    }
                    cellRef = CellReference(row: rowIndex, column: column + 1)
                }
                column = cellRef.column
                cellType =
                    try typeRange.map { range throws(XMLError) in
                        // Entities in a type name are legal XML, if odd: decoded like any attribute.
                        scanner.contains(UInt8(ascii: "&"), in: range)
                            ? CellType(try scanner.decode(range))
                            : CellType(bytes: scanner.buffer[range])
                    } ?? .number
                cellStyle = styleRange.flatMap { scanner.integer(in: $0) } ?? 0
                valueText = ""
                inlineText = ""
                formulaText = nil
                if !token.selfClosing { inCell = true }
            } else if inSheetData, name == PackedName.row {
                if let r = try scanner.integerAttribute(XMLNames.r, in: token) {
                    guard r >= 1, r <= CellReference.maxRow else { throw fail(.badCellReference("row \(r)"), at: nil) }
                    rowIndex = r
                } else {
                    guard rowIndex < CellReference.maxRow else { throw fail(.badCellReference("row \(rowIndex + 1)"), at: nil) }
                    rowIndex += 1
                }
                rowHidden = scanner.isTrue(try scanner.attribute(XMLNames.hidden, in: token))
                if rowHidden { layout.hiddenRows.insert(rowIndex) }
                column = 0
                cells.removeAll(keepingCapacity: true)
            } else if scanner.localName(token.range, is: XMLNames.sheetData) {
                inSheetData = !token.selfClosing
            } else if scanner.localName(token.range, is: XMLNames.col) {
                if scanner.isTrue(try scanner.attribute(XMLNames.hidden, in: token)),
                    let low = try scanner.integerAttribute(XMLNames.min, in: token)
                {
                    let high = try scanner.integerAttribute(XMLNames.max, in: token) ?? low
                    let lower = Swift.max(1, low)
                    let upper = Swift.min(high, CellReference.maxColumn)
                    if lower <= upper { layout.hiddenColumns.formUnion(lower...upper) }
                }
            } else if scanner.localName(token.range, is: XMLNames.mergeCell),
                let ref = try scanner.attribute(XMLNames.ref, in: token)
            {
                guard let range = CellRange(ref) else { throw fail(.badCellReference(ref), at: nil) }
                layout.mergedRanges.append(range)
            }
        }

        mutating func end(_ token: XMLToken, onRow: (Row, SheetLayout) throws -> Void) throws {
            let name = scanner.packedLocalName(token.range)
            if inCell {
                switch name {
                case PackedName.c:
                    try finishCell()
                    inCell = false
                    inInline = false
                    phoneticDepth = 0
                    collecting = .none
                case PackedName.rPh: phoneticDepth = Swift.max(0, phoneticDepth - 1)
                case PackedName.is: inInline = false
                default: collecting = .none
                }
            } else if inSheetData, name == PackedName.row {
                if !cells.isEmpty {
                    cells.sort { $0.reference.column < $1.reference.column }
                    try onRow(Row(index: rowIndex, cells: cells, isHidden: rowHidden), layout)
                }
                cells.removeAll(keepingCapacity: true)
            } else if scanner.localName(token.range, is: XMLNames.sheetData) {
                inSheetData = false
            }
        }

        mutating func text(_ token: XMLToken) throws {
            guard collecting != .none else { return }
            let text =
                token.kind == .cdata
                ? String(decoding: scanner.buffer[token.range], as: UTF8.self)
                : try scanner.decode(token.range)
            switch collecting {
            case .value: valueText += text
            case .formula: formulaText = (formulaText ?? "") + text
            case .inlineText:
                inlineText += text
                if inlineText.utf8.count > parser.limits.maxCellCharacters * 4 {
                    throw fail(.cellTooLong(length: inlineText.count, limit: parser.limits.maxCellCharacters), at: cellRef)
                }
            case .none: break
            }
        }
    }

    fileprivate enum CellType {
        case number, sharedString, inlineString, formulaString, boolean, error, isoDate

        /// From the raw bytes of `t`, without making a string per cell.
        init(bytes: ArraySlice<UInt8>) {
            switch bytes.count {
            case 1:
                switch bytes.first {
                case UInt8(ascii: "s"): self = .sharedString
                case UInt8(ascii: "b"): self = .boolean
                case UInt8(ascii: "e"): self = .error
                case UInt8(ascii: "d"): self = .isoDate
                default: self = .number
                }
            case 3 where bytes == Self.str[...]: self = .formulaString
            case 9 where bytes == Self.inlineStr[...]: self = .inlineString
            default: self = .number
            }
        }

        // Compared as slices of byte arrays: `elementsEqual("str".utf8)` was 2% of reading.
        private static let str = Array("str".utf8)
        private static let inlineStr = Array("inlineStr".utf8)

        init(_ t: String?) {
            switch t {
            case "s": self = .sharedString
            case "inlineStr": self = .inlineString
            case "str": self = .formulaString
            case "b": self = .boolean
            case "e": self = .error
            case "d": self = .isoDate
            default: self = .number
            }
        }
    }

    fileprivate func makeValue(
        type: CellType, style: Int, raw: String, inline: String,
        ref: CellReference
    ) throws -> CellValue {
        switch type {
        case .sharedString:
            guard let index = Int(raw.trimmingWhitespace(newlines: false)) else {
                if raw.isEmpty { return .empty }
                throw IngestError(
                    file: fileName, sheet: sheetName, cell: ref,
                    .sharedStringOutOfRange(index: -1, count: sharedStrings.count))
            }
            guard index >= 0, index < sharedStrings.count else {
                throw IngestError(
                    file: fileName, sheet: sheetName, cell: ref,
                    .sharedStringOutOfRange(index: index, count: sharedStrings.count))
            }
            return .string(sharedStrings[index])
        case .inlineString:
            return inline.isEmpty ? (raw.isEmpty ? .empty : .string(OOXMLEscapes.decode(raw))) : .string(OOXMLEscapes.decode(inline))
        case .formulaString:
            return raw.isEmpty ? .empty : .string(OOXMLEscapes.decode(raw))
        case .boolean:
            return .bool(raw == "1" || raw.lowercased() == "true")
        case .error:
            return .error(raw)
        case .isoDate:
            return Self.isoDate(raw).map(CellValue.date) ?? (raw.isEmpty ? .empty : .string(raw))
        case .number:
            guard !raw.isEmpty else { return .empty }
            guard let number = Double(raw.trimmingWhitespace(newlines: false)) else { return .string(raw) }
            if style >= 0, style < dateStyles.count, dateStyles[style],
                let date = SpreadsheetDate(serial: number, date1904: date1904)
            {
                return .date(date)
            }
            return .number(number)
        }
    }

    /// ISO 8601 as producers write `t="d"` cells: `2021-08-15`, `2021-08-15T10:30:00`, with
    /// `t` or a space as separator, fractions of seconds and a zone (`Z`, `+02:00`, kept as
    /// the wall-clock time written), or a time alone (`10:30:00`, on Excel's day 0).
    static func isoDate(_ raw: String) -> SpreadsheetDate? {
        let text = raw.trimmingWhitespace(newlines: false)
        let separator = text.firstIndex { $0 == "T" || $0 == "t" || $0 == " " }
        let datePart = separator.map { text[..<$0] } ?? Substring(text)
        let timePart = separator.map { text[text.index(after: $0)...] }
        if datePart.contains(":"), timePart == nil {
            // A time alone stands on Excel's day 0.
            return time(datePart).map { SpreadsheetDate(year: 1899, month: 12, day: 30, secondsOfDay: $0) }
        }
        let ymd = datePart.split(separator: "-", omittingEmptySubsequences: false).map { Int($0) }
        guard ymd.count == 3, let year = ymd[0], let month = ymd[1], let day = ymd[2], (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        guard let timePart, !timePart.isEmpty else { return SpreadsheetDate(year: year, month: month, day: day) }
        return time(timePart).map { SpreadsheetDate(year: year, month: month, day: day, secondsOfDay: $0) }
    }

    /// `HH:MM[:SS[.fff]][Z|±hh:mm]` → seconds after midnight.
    private static func time(_ text: Substring) -> Int? {
        let clock = text.prefix { $0.isNumber || $0 == ":" || $0 == "." }
        let fields = clock.split(separator: ":", omittingEmptySubsequences: false)
        guard (2...3).contains(fields.count), let h = Int(fields[0]), let m = Int(fields[1]), (0..<24).contains(h), (0..<60).contains(m)
        else { return nil }
        let s = fields.count == 3 ? Double(fields[2]) : 0
        guard let s, s >= 0, s < 61 else { return nil }
        return h * 3600 + m * 60 + Int(s.rounded(.down))
    }
}
