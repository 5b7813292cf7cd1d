import Formatting
import ReportSpec

/// One bar segment (or grouped bar) of a figure: a category in a wave.
package struct SeriesPoint: Sendable, Hashable {
    package let year: Int
    package let category: String
    /// False when the item (or option) was not asked in that wave: "nicht erhoben", never 0.
    package let asked: Bool
    package let count: Int
    /// The regions asked (for options: those the filter let through).
    package let base: Int
    package var share: Ratio? { asked ? Ratio.share(count, of: base) : nil }

    package init(year: Int, category: String, asked: Bool, count: Int, base: Int) {
        self.year = year
        self.category = category
        self.asked = asked
        self.count = count
        self.base = base
    }
}

/// The chart-ready data of one figure (Abbildung).
package struct FigureSeries: Sendable {
    package let number: Int
    package let itemID: String
    package let kind: ReportSpec.FigureKind
    package let caption: String
    /// The question's full wording.
    package let question: String
    /// Categories (status) or option labels (options), in display order.
    package let categories: [String]
    /// For options: the option item IDs, parallel to `categories`.
    package let categoryItemIDs: [String]
    package let years: [Int]
    /// Year-major, category-minor.
    package let points: [SeriesPoint]
    private let yearPosition: [Int: Int]
    private let categoryPosition: [String: Int]

    package init(
        number: Int, itemID: String, kind: ReportSpec.FigureKind, caption: String, question: String,
        categories: [String], categoryItemIDs: [String], years: [Int], points: [SeriesPoint]
    ) {
        self.number = number
        self.itemID = itemID
        self.kind = kind
        self.caption = caption
        self.question = question
        self.categories = categories
        self.categoryItemIDs = categoryItemIDs
        self.years = years
        self.points = points
        yearPosition = Dictionary(years.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        categoryPosition = Dictionary(categories.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// Points are stored year-major in `years` × `categories` order; look-ups index directly
    /// when they are laid out so, and search otherwise.
    package func point(year: Int, category: String) -> SeriesPoint? {
        if let y = yearPosition[year], let c = categoryPosition[category] {
            let index = y * categories.count + c
            if index < points.count, points[index].year == year, points[index].category == category { return points[index] }
        }
        return points.first { $0.year == year && $0.category == category }
    }

    package func points(year: Int) -> [SeriesPoint] {
        if let y = yearPosition[year], (y + 1) * categories.count <= points.count {
            let slice = points[(y * categories.count)..<((y + 1) * categories.count)]
            if slice.allSatisfy({ $0.year == year }) { return Array(slice) }
        }
        return points.filter { $0.year == year }
    }

    /// Whether anything was asked in a year (status: the item; options: any option).
    package func asked(year: Int) -> Bool { points(year: year).contains { $0.asked } }

    /// The base of a year (regions asked), nil when not asked.
    package func base(year: Int) -> Int? { points(year: year).first { $0.asked }?.base }

    /// The figure's file stem: `abb01`.
    package var fileStem: String { "abb" + (number < 10 ? "0" : "") + String(number) }

    /// The numbers in words for readers who cannot see the chart, years in order:
    /// "2017 (n = 13): ja 7, in Erarbeitung 3, …; 2018: nicht erhoben; …".
    package func dataSentence(unitPlural: String) -> String {
        years.map { year -> String in
            guard asked(year: year) else { return "\(year): nicht erhoben" }
            let values = categories.compactMap { category -> String? in
                guard let point = point(year: year, category: category) else { return nil }
                return point.asked ? "\(category) \(point.count)" : "\(category) nicht erhoben"
            }
            return "\(year) (n = \(base(year: year) ?? 0)): " + values.joined(separator: ", ")
        }.joined(separator: "; ") + "."
    }

    /// The figure's anchor in the report (Markdown, HTML, DOCX bookmarks): `abb-01`.
    package var anchor: String { "abb-" + (number < 10 ? "0" : "") + String(number) }
}
