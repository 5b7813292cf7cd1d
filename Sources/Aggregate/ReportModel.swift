import Formatting
import Normalise
import ReportSpec

/// Everything a report shows, computed once from the tidy answers and the spec. Renderers
/// (SVG, Excel, Markdown) only draw what is here; they do no arithmetic of their own.
package struct ReportModel: Sendable {
    package let spec: ReportSpec
    package let catalogue: Catalogue
    /// Years of the waves in the data, ascending.
    package let years: [Int]
    /// Regions in the population (catalogue).
    package let regionCount: Int
    package let figures: [FigureSeries]
    package let tables: [ReportTable]
    /// Transitions of every categorical item between consecutive waves (non-zero cells).
    package let transitions: [Transition]
    /// Per categorical item and wave: counts per category (for the narrative).
    package let itemCounts: [ItemWaveCounts]
    /// Findings for the text: participation, questionnaire changes, drivers, non-response.
    package internal(set) var analysis: ReportAnalysis
    /// The spec's published figures checked against the data; nil when the spec names none.
    package internal(set) var revisions: Revisions?
    private let countsIndex: [String: Int]

    package init(
        spec: ReportSpec, catalogue: Catalogue, years: [Int], regionCount: Int, figures: [FigureSeries],
        tables: [ReportTable], transitions: [Transition], itemCounts: [ItemWaveCounts],
        analysis: ReportAnalysis = .empty, revisions: Revisions? = nil
    ) {
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

    package var firstYear: Int { years.first ?? 0 }
    package var lastYear: Int { years.last ?? 0 }

    /// "Quelle: Monitoring RÜMSA 2017–2021, eigene Berechnung"
    package var sourceLine: String {
        "Quelle: \(spec.source) \(GermanFormat.yearRange(firstYear, lastYear)), eigene Berechnung"
    }

    /// Which published counts are withheld (spec `min_cell_size`).
    package var smallCells: SmallCells { SmallCells(minimum: spec.minCellSize) }

    package func figure(_ number: Int) -> FigureSeries? { figures.first { $0.number == number } }

    /// Questions in a wave: main questions (no filter) and sub-questions (asked after a
    /// filter: each option of a multiple-choice question and each free-text follow-up).
    package func questionCounts(wave: Int) -> (main: Int, sub: Int) {
        let asked = catalogue.items.filter { $0.headers[wave] != nil }
        let main = asked.filter { $0.parentID == nil }.count
        return (main, asked.count - main)
    }

    package func counts(item: String, year: Int) -> ItemWaveCounts? {
        countsIndex["\(item)|\(year)"].map { itemCounts[$0] }
    }
}

/// Counts of one categorical item in one wave.
package struct ItemWaveCounts: Sendable, Hashable {
    package let itemID: String
    package let year: Int
    package let base: Int
    package let counts: [String: Int]

    package func count(_ category: String) -> Int { counts[category] ?? 0 }
}
