import Formatting

/// One bar segment (or grouped bar) of a figure: a category in a wave.
public struct SeriesPoint: Sendable, Hashable {
    public let year: Int
    public let category: String
    /// False when the item (or option) was not asked in that wave: "nicht erhoben", never 0.
    public let asked: Bool
    public let count: Int
    /// The regions asked (for options: those the filter let through).
    public let base: Int
    public var share: Ratio? { asked ? Ratio.share(count, of: base) : nil }

    public init(year: Int, category: String, asked: Bool, count: Int, base: Int) {
        self.year = year
        self.category = category
        self.asked = asked
        self.count = count
        self.base = base
    }
}

/// The chart-ready data of one figure (Abbildung).
public struct FigureSeries: Sendable {
    public let number: Int
    public let itemID: String
    public let kind: ReportSpec.FigureKind
    public let caption: String
    /// The question's full wording.
    public let question: String
    /// Categories (status) or option labels (options), in display order.
    public let categories: [String]
    /// For options: the option item IDs, parallel to `categories`.
    public let categoryItemIDs: [String]
    public let years: [Int]
    /// Year-major, category-minor.
    public let points: [SeriesPoint]
    private let yearPosition: [Int: Int]
    private let categoryPosition: [String: Int]

    public init(number: Int, itemID: String, kind: ReportSpec.FigureKind, caption: String, question: String,
                categories: [String], categoryItemIDs: [String], years: [Int], points: [SeriesPoint]) {
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
    public func point(year: Int, category: String) -> SeriesPoint? {
        if let y = yearPosition[year], let c = categoryPosition[category] {
            let index = y * categories.count + c
            if index < points.count, points[index].year == year, points[index].category == category { return points[index] }
        }
        return points.first { $0.year == year && $0.category == category }
    }

    public func points(year: Int) -> [SeriesPoint] {
        if let y = yearPosition[year], (y + 1) * categories.count <= points.count {
            let slice = points[(y * categories.count)..<((y + 1) * categories.count)]
            if slice.allSatisfy({ $0.year == year }) { return Array(slice) }
        }
        return points.filter { $0.year == year }
    }

    /// Whether anything was asked in a year (status: the item; options: any option).
    public func asked(year: Int) -> Bool { points(year: year).contains { $0.asked } }

    /// The base of a year (regions asked), nil when not asked.
    public func base(year: Int) -> Int? { points(year: year).first { $0.asked }?.base }

    /// The figure's file stem: `abb01`.
    public var fileStem: String { "abb" + (number < 10 ? "0" : "") + String(number) }

    /// The numbers in words for readers who cannot see the chart, years in order:
    /// "2017 (n = 13): ja 7, in Erarbeitung 3, …; 2018: nicht erhoben; …".
    public func dataSentence(unitPlural: String) -> String {
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
    public var anchor: String { "abb-" + (number < 10 ? "0" : "") + String(number) }
}
