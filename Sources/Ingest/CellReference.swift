/// A cell address such as `G9`: 1-based row and column.
///
/// Parsing is bounded by Excel's own grid (16 384 columns × 1 048 576 rows), so a
/// reference from a hostile file can never make us allocate or loop beyond that.
public struct CellReference: Hashable, Sendable, Comparable, CustomStringConvertible {
    public static let maxColumn = 16_384
    public static let maxRow = 1_048_576

    public let row: Int
    public let column: Int

    public init(row: Int, column: Int) {
        self.row = row
        self.column = column
    }

    /// Parses `A1`-style references (`$` anchors are ignored). Returns nil when malformed
    /// or outside the grid.
    public init?(_ text: some StringProtocol) {
        self.init(utf8: text.utf8)
    }

    /// A reference from its UTF-8 bytes (`B12`, `$B$12`), as a reader finds it in a file.
    package init?<Bytes: Sequence>(utf8 bytes: Bytes) where Bytes.Element == UInt8 {
        var column = 0
        var row = 0
        var sawLetter = false
        var sawDigit = false
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "$"):
                continue
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"):
                guard !sawDigit else { return nil }
                sawLetter = true
                column = column * 26 + Int((byte & 0xDF) - UInt8(ascii: "A")) + 1
                if column > Self.maxColumn { return nil }
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                guard sawLetter else { return nil }
                sawDigit = true
                row = row * 10 + Int(byte - UInt8(ascii: "0"))
                if row > Self.maxRow { return nil }
            default:
                return nil
            }
        }
        guard sawLetter, sawDigit, row >= 1 else { return nil }
        self.init(row: row, column: column)
    }

    /// Column letters for a 1-based column index (`1` → `A`, `27` → `AA`).
    public static func columnName(_ column: Int) -> String {
        var n = column
        var scalars: [Character] = []
        while n > 0 {
            let remainder = (n - 1) % 26
            scalars.append(Character(Unicode.Scalar(UInt8(65 + remainder))))
            n = (n - 1) / 26
        }
        return String(scalars.reversed())
    }

    public var description: String { Self.columnName(column) + String(row) }

    public static func < (lhs: CellReference, rhs: CellReference) -> Bool {
        (lhs.row, lhs.column) < (rhs.row, rhs.column)
    }
}

/// A rectangular range such as `A1:H1` (merged cells).
public struct CellRange: Hashable, Sendable, CustomStringConvertible {
    public let first: CellReference
    public let last: CellReference

    public init(first: CellReference, last: CellReference) {
        self.first = first
        self.last = last
    }

    public init?(_ text: some StringProtocol) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        switch parts.count {
        case 1:
            guard let ref = CellReference(parts[0]) else { return nil }
            self.init(first: ref, last: ref)
        case 2:
            guard let a = CellReference(parts[0]), let b = CellReference(parts[1]) else { return nil }
            self.init(
                first: CellReference(row: min(a.row, b.row), column: min(a.column, b.column)),
                last: CellReference(row: max(a.row, b.row), column: max(a.column, b.column)))
        default:
            return nil
        }
    }

    public func contains(_ ref: CellReference) -> Bool {
        (first.row...last.row).contains(ref.row) && (first.column...last.column).contains(ref.column)
    }

    public var description: String { first == last ? first.description : "\(first):\(last)" }
}

/// Where a value came from: `Monitoring_W3_2019.xlsx › Antworten › G9`.
public struct CellLocation: Hashable, Sendable, CustomStringConvertible {
    public let file: String
    public let sheet: String
    public let reference: CellReference?

    public init(file: String, sheet: String, reference: CellReference?) {
        self.file = file
        self.sheet = sheet
        self.reference = reference
    }

    public var description: String {
        if let reference { return "\(file) › \(sheet) › \(reference)" }
        return "\(file) › \(sheet)"
    }
}
