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

    public func point(year: Int, category: String) -> SeriesPoint? {
        points.first { $0.year == year && $0.category == category }
    }

    public func points(year: Int) -> [SeriesPoint] { points.filter { $0.year == year } }

    /// Whether anything was asked in a year (status: the item; options: any option).
    public func asked(year: Int) -> Bool { points.contains { $0.year == year && $0.asked } }

    /// The base of a year (regions asked), nil when not asked.
    public func base(year: Int) -> Int? { points.first { $0.year == year && $0.asked }?.base }

    /// The figure's file stem: `abb01`.
    public var fileStem: String { "abb" + (number < 10 ? "0" : "") + String(number) }
}
