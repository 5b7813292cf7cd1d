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

    public var firstYear: Int { years.first ?? 0 }
    public var lastYear: Int { years.last ?? 0 }

    /// "Quelle: Monitoring RÜMSA 2017–2021, eigene Berechnung"
    public var sourceLine: String {
        "Quelle: \(spec.source) \(GermanFormat.yearRange(firstYear, lastYear)), eigene Berechnung"
    }

    public func figure(_ number: Int) -> FigureSeries? { figures.first { $0.number == number } }

    public func counts(item: String, year: Int) -> ItemWaveCounts? {
        itemCounts.first { $0.itemID == item && $0.year == year }
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
