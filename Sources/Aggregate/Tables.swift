import Formatting

/// Tabelle 2 style: the options of a multiple-choice question in one wave.
public struct OptionsTable: Sendable {
    public struct Row: Sendable {
        public let option: String
        public let itemID: String
        public let count: Int
        public let base: Int
        public var share: Ratio? { Ratio.share(count, of: base) }
        /// The option in the wave before, nil when it was not asked then.
        public let previous: (count: Int, base: Int)?
    }

    public let number: Int
    public let title: String
    public let itemID: String
    public let year: Int
    /// The wave before `year`, when the question was asked then too (for a comparison column).
    public let previousYear: Int?
    public let rows: [Row]
}

/// Tabelle 4 style: per theme, all Status main items of a wave pooled, and the change
/// against the wave before in percentage points (from unrounded shares).
public struct ThemeSummaryTable: Sendable {
    public struct Cell: Sendable {
        public let count: Int
        public let total: Int
        public let share: Ratio
        /// Change against the previous wave; nil when there is no previous wave.
        public let change: Ratio?
    }

    public struct Column: Sendable {
        public let theme: String
        public let title: String
        public let itemIDs: [String]
        /// Per category, parallel to `categories`.
        public let cells: [Cell]
        public let previousTotal: Int?
    }

    public let number: Int
    public let title: String
    public let year: Int
    public let previousYear: Int?
    public let categories: [String]
    public let columns: [Column]

    public func cell(theme: String, category: String) -> Cell? {
        guard let c = columns.first(where: { $0.theme == theme }), let i = categories.firstIndex(of: category) else { return nil }
        return c.cells[i]
    }
}

/// Tabellen 1 and 3 style: free-text answers of one wave, coded into distinct entries,
/// each with how many regions named it.
public struct FreeTextTable: Sendable {
    public struct Entry: Sendable, Hashable {
        public let text: String
        public let regions: Int
    }

    public struct Column: Sendable {
        public let itemID: String
        public let heading: String
        public let entries: [Entry]
        /// Regions that answered with text.
        public let respondents: Int
    }

    public let number: Int
    public let title: String
    public let year: Int
    public let columns: [Column]
}

/// Some table of a report, in spec order.
public enum ReportTable: Sendable {
    case options(OptionsTable)
    case themeSummary(ThemeSummaryTable)
    case freeText(FreeTextTable)

    public var number: Int {
        switch self {
        case .options(let t): return t.number
        case .themeSummary(let t): return t.number
        case .freeText(let t): return t.number
        }
    }

    public var title: String {
        switch self {
        case .options(let t): return t.title
        case .themeSummary(let t): return t.title
        case .freeText(let t): return t.title
        }
    }

    public var fileStem: String { "tab" + (number < 10 ? "0" : "") + String(number) }

    /// The table's anchor in the report (Markdown, HTML, DOCX bookmarks): `tab-04`.
    public var anchor: String { "tab-" + (number < 10 ? "0" : "") + String(number) }
}

/// How many regions moved from one category to another between two consecutive waves.
public struct Transition: Sendable, Hashable {
    public let itemID: String
    public let fromYear: Int
    public let toYear: Int
    public let from: String
    public let to: String
    public let count: Int
}
