import Ingest

/// One asked item for one region in one wave: the unit of everything downstream.
///
/// Items that were not asked (no column in that wave, or filtered out by `Bezug`) have no
/// tidy answer at all; "asked but not answered" is the category `keine Angabe`.
package struct TidyAnswer: Sendable, Hashable {
    package let wave: Int
    package let year: Int
    package let regionAGS: String
    package let region: String
    package let item: String
    /// The canonical category (`ja`, `in Erarbeitung`, `ausgewählt`, a scale level,
    /// `keine Angabe`, …) or, for free text, the text itself.
    package let value: String
    /// True when `value` is free text rather than a category.
    package let isFreeText: Bool
    /// The cell the answer was read from.
    package let source: CellLocation

    package init(wave: Int, year: Int, regionAGS: String, region: String, item: String, value: String,
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
package struct WaveSummary: Sendable, Hashable {
    package let wave: Int
    package let year: Int
    package let file: String
    package let sheet: String
    package let regionCount: Int
    package let itemCount: Int
    package let answerCount: Int
}
