import Formatting
import Normalise

/// Everything a report shows, computed once from the tidy answers and the spec. Renderers
/// (SVG, Excel, Markdown) only draw what is here; they do no arithmetic of their own.
public struct ReportModel: Sendable {
    public let spec: ReportSpec
    public let catalogue: Catalogue
    /// Years of the waves in the data, ascending.
    public let years: [Int]
    /// Regions in the population (catalogue).
    public let regionCount: Int
    public let figures: [FigureSeries]
    public let tables: [ReportTable]
    /// Transitions of every categorical item between consecutive waves (non-zero cells).
    public let transitions: [Transition]
    /// Per categorical item and wave: counts per category (for the narrative).
    public let itemCounts: [ItemWaveCounts]
    /// Findings for the text: participation, questionnaire changes, drivers, non-response.
    public internal(set) var analysis: ReportAnalysis
    /// The spec's published figures checked against the data; nil when the spec names none.
    public internal(set) var revisions: Revisions?
    private let countsIndex: [String: Int]

    public init(spec: ReportSpec, catalogue: Catalogue, years: [Int], regionCount: Int, figures: [FigureSeries],
                tables: [ReportTable], transitions: [Transition], itemCounts: [ItemWaveCounts],
                analysis: ReportAnalysis = .empty, revisions: Revisions? = nil) {
        self.analysis = analysis
        self.revisions = revisions
        self.spec = spec
        self.catalogue = catalogue
        self.years = years
        self.regionCount = regionCount
        self.figures = figures
        self.tables = tables
        self.transitions = transitions
        self.itemCounts = itemCounts
        countsIndex = Dictionary(itemCounts.enumerated().map { ("\($1.itemID)|\($1.year)", $0) }, uniquingKeysWith: { a, _ in a })
    }

    public var firstYear: Int { years.first ?? 0 }
    public var lastYear: Int { years.last ?? 0 }

    /// "Quelle: Monitoring RÜMSA 2017–2021, eigene Berechnung"
    public var sourceLine: String {
        "Quelle: \(spec.source) \(GermanFormat.yearRange(firstYear, lastYear)), eigene Berechnung"
    }

    public func figure(_ number: Int) -> FigureSeries? { figures.first { $0.number == number } }

    /// Questions in a wave: main questions (no filter) and sub-questions (asked after a
    /// filter: each option of a multiple-choice question and each free-text follow-up).
    public func questionCounts(wave: Int) -> (main: Int, sub: Int) {
        let asked = catalogue.items.filter { $0.headers[wave] != nil }
        let main = asked.filter { $0.parentID == nil }.count
        return (main, asked.count - main)
    }

    public func counts(item: String, year: Int) -> ItemWaveCounts? {
        countsIndex["\(item)|\(year)"].map { itemCounts[$0] }
    }
}

/// Counts of one categorical item in one wave.
public struct ItemWaveCounts: Sendable, Hashable {
    public let itemID: String
    public let year: Int
    public let base: Int
    public let counts: [String: Int]

    public func count(_ category: String) -> Int { counts[category] ?? 0 }
}
