import Formatting

/// A table of kind `options`: the options of a multiple-choice question in one wave.
package struct OptionsTable: Sendable {
    package struct Row: Sendable {
        package let option: String
        package let itemID: String
        package let count: Int
        package let base: Int
        package var share: Ratio? { Ratio.share(count, of: base) }
        /// The option in the wave before, nil when it was not asked then.
        package let previous: (count: Int, base: Int)?
    }

    package let number: Int
    package let title: String
    package let itemID: String
    package let year: Int
    /// The wave before `year`, when the question was asked then too (for a comparison column).
    package let previousYear: Int?
    package let rows: [Row]
}

/// A table of kind `themeSummary`: per theme, all Status main items of a wave pooled, and the change
/// against the wave before in percentage points (from unrounded shares).
package struct ThemeSummaryTable: Sendable {
    package struct Cell: Sendable {
        package let count: Int
        package let total: Int
        package let share: Ratio
        /// Change against the previous wave; nil when there is no previous wave.
        package let change: Ratio?
    }

    package struct Column: Sendable {
        package let theme: String
        package let title: String
        package let itemIDs: [String]
        /// Per category, parallel to `categories`.
        package let cells: [Cell]
        package let previousTotal: Int?
    }

    package let number: Int
    package let title: String
    package let year: Int
    package let previousYear: Int?
    package let categories: [String]
    package let columns: [Column]
    /// When rows pool several scales by role: the role names, parallel to `categories`, as
    /// the template's keys (`positive.share`), the same for any survey's words.
    package var roleKeys: [String]? = nil

    package func cell(theme: String, category: String) -> Cell? {
        guard let c = columns.first(where: { $0.theme == theme }), let i = categories.firstIndex(of: category) else { return nil }
        return c.cells[i]
    }
}

/// A table of kind `freeText`: free-text answers of one wave, coded into distinct entries,
/// each with how many regions named it.
package struct FreeTextTable: Sendable {
    package struct Entry: Sendable, Hashable {
        package let text: String
        package let regions: Int
    }

    package struct Column: Sendable {
        package let itemID: String
        package let heading: String
        package let entries: [Entry]
        /// Regions that answered with text.
        package let respondents: Int
    }

    package let number: Int
    package let title: String
    package let year: Int
    package let columns: [Column]
}

/// Some table of a report, in spec order.
package enum ReportTable: Sendable {
    case options(OptionsTable)
    case themeSummary(ThemeSummaryTable)
    case freeText(FreeTextTable)

    package var number: Int {
        switch self {
        case .options(let t): return t.number
        case .themeSummary(let t): return t.number
        case .freeText(let t): return t.number
        }
    }

    package var title: String {
        switch self {
        case .options(let t): return t.title
        case .themeSummary(let t): return t.title
        case .freeText(let t): return t.title
        }
    }

    package var fileStem: String { "tab" + (number < 10 ? "0" : "") + String(number) }

    /// The table's anchor in the report (Markdown, HTML, DOCX bookmarks): `tab-04`.
    package var anchor: String { "tab-" + (number < 10 ? "0" : "") + String(number) }
}

/// How many regions moved from one category to another between two consecutive waves.
package struct Transition: Sendable, Hashable {
    package let itemID: String
    package let fromYear: Int
    package let toYear: Int
    package let from: String
    package let to: String
    package let count: Int
}
