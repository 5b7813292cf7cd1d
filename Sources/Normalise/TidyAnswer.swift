import Ingest

/// One asked item for one region in one wave: the unit of everything downstream.
///
/// Items that were not asked (no column in that wave, or filtered out by `Bezug`) have no
/// tidy answer at all; "asked but not answered" is the category `keine Angabe`.
public struct TidyAnswer: Sendable, Hashable {
    public let wave: Int
    public let year: Int
    public let regionAGS: String
    public let region: String
    public let item: String
    /// The canonical category (`ja`, `in Erarbeitung`, `ausgewählt`, a scale level,
    /// `keine Angabe`, …) or, for free text, the text itself.
    public let value: String
    /// True when `value` is free text rather than a category.
    public let isFreeText: Bool
    /// The cell the answer was read from.
    public let source: CellLocation

    public init(wave: Int, year: Int, regionAGS: String, region: String, item: String, value: String,
                isFreeText: Bool, source: CellLocation) {
        self.wave = wave
        self.year = year
        self.regionAGS = regionAGS
        self.region = region
        self.item = item
        self.value = value
        self.isFreeText = isFreeText
        self.source = source
    }
}

/// What one wave file held, for the validation report.
public struct WaveSummary: Sendable, Hashable {
    public let wave: Int
    public let year: Int
    public let file: String
    public let sheet: String
    public let regionCount: Int
    public let itemCount: Int
    public let answerCount: Int
}
