import Foundation

/// A calendar date (and optional time of day) stored in a cell as a serial number with a
/// date number format. Kept as components so output never depends on the time zone.
package struct SpreadsheetDate: Hashable, Sendable, CustomStringConvertible {
    package let year: Int
    package let month: Int
    package let day: Int
    /// Seconds after midnight, 0 for pure dates.
    package let secondsOfDay: Int

    package init(year: Int, month: Int, day: Int, secondsOfDay: Int = 0) {
        self.year = year
        self.month = month
        self.day = day
        self.secondsOfDay = secondsOfDay
    }

    /// Converts an Excel serial number. `date1904` selects the Mac epoch. In the 1900
    /// system serial 60 is Excel's fictitious 29 February 1900; it maps to 1 March.
    /// Returns nil for serials outside Excel's valid date range (0 … 2 958 465).
    package init?(serial: Double, date1904: Bool) {
        guard serial.isFinite, serial >= 0, serial < 2_958_466 else { return nil }
        var days = Int(serial.rounded(.down))
        var seconds = Int(((serial - Double(days)) * 86_400).rounded())
        if seconds >= 86_400 {
            days += 1
            seconds -= 86_400
        }
        // Days since 1970-01-01 (civil), then Howard Hinnant's civil_from_days.
        let epochOffset: Int
        if date1904 {
            epochOffset = 24_107  // 1904-01-01 is 24107 days before 1970-01-01
        } else if days < 60 {
            epochOffset = 25_568  // serial 1 = 1900-01-01
        } else {
            epochOffset = 25_569  // serial 61 = 1900-03-01 (after the fictitious leap day)
        }
        let z = days - epochOffset + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
        self.init(year: y, month: m, day: d, secondsOfDay: seconds)
    }

    /// ISO 8601: `2021-08-15`, or `2021-08-15T10:30:00` when a time is present.
    package var description: String {
        let date = String(format: "%04d-%02d-%02d", year, month, day)
        guard secondsOfDay > 0 else { return date }
        return date + String(format: "T%02d:%02d:%02d", secondsOfDay / 3600, secondsOfDay / 60 % 60, secondsOfDay % 60)
    }

    /// German display form: `15.08.2021`.
    package var germanDescription: String { String(format: "%02d.%02d.%04d", day, month, year) }
}

/// The typed content of one cell.
package enum CellValue: Hashable, Sendable {
    case empty
    case string(String)
    case number(Double)
    case bool(Bool)
    case date(SpreadsheetDate)
    /// An error value such as `#DIV/0!`.
    case error(String)

    /// The text a reader of the sheet would see, in a locale-free form: integral numbers
    /// without decimals (`15081`, not `15081.0`), dates as ISO 8601, booleans as TRUE/FALSE.
    package var text: String {
        switch self {
        case .empty: return ""
        case .string(let s): return s
        case .number(let n): return Self.format(number: n)
        case .bool(let b): return b ? "TRUE" : "FALSE"
        case .date(let d): return d.description
        case .error(let e): return e
        }
    }

    package var isEmpty: Bool {
        if case .empty = self { return true }
        if case .string(let s) = self { return s.isEmpty }
        return false
    }

    static func format(number n: Double) -> String {
        if n == n.rounded(), abs(n) < 1e15 { return String(Int64(n)) }
        // Shortest round-trip representation; Swift never uses the locale here.
        return "\(n)"
    }
}

/// One non-empty cell with its position.
package struct Cell: Hashable, Sendable {
    package let reference: CellReference
    package let value: CellValue
    /// The formula text when the cell holds a formula; `value` is then its cached result.
    package let formula: String?

    package init(reference: CellReference, value: CellValue, formula: String? = nil) {
        self.reference = reference
        self.value = value
        self.formula = formula
    }
}

/// One row with its (sparse, column-ordered) cells.
package struct Row: Sendable, Hashable {
    package let index: Int
    package let cells: [Cell]
    package let isHidden: Bool

    package init(index: Int, cells: [Cell], isHidden: Bool = false) {
        self.index = index
        self.cells = cells
        self.isHidden = isHidden
    }

    /// The cell in a given column, if any (binary search over the sorted cells).
    package func cell(column: Int) -> Cell? {
        var low = 0
        var high = cells.count - 1
        while low <= high {
            let mid = (low + high) / 2
            let c = cells[mid].reference.column
            if c == column { return cells[mid] }
            if c < column { low = mid + 1 } else { high = mid - 1 }
        }
        return nil
    }

    package var isBlank: Bool { cells.allSatisfy { $0.value.isEmpty } }
}
