import Ingest

/// One asked item for one region in one wave: the unit of everything downstream.
///
/// Items that were not asked (no column in that wave, or filtered out by `Bezug`) have no
/// tidy answer at all; "asked but not answered" is the category `keine Angabe`.
///
/// The answers are stored by column in an `AnswerTable`; a `TidyAnswer` is one row of it,
/// made when it is read. Region and sheet are shared references (one per region and per
/// wave sheet), so making one copies no strings.
package struct TidyAnswer: Sendable, Hashable {
    /// A region's key and name, shared by all its answers in a wave.
    package final class RegionName: Sendable {
        package let ags: String
        package let name: String
        package init(ags: String, name: String) {
            self.ags = ags
            self.name = name
        }
    }

    /// The file and sheet answers were read from, shared by all answers of a wave.
    package final class SheetOrigin: Sendable {
        package let file: String
        package let sheet: String
        package init(file: String, sheet: String) {
            self.file = file
            self.sheet = sheet
        }
    }

    package let regionName: RegionName
    package let origin: SheetOrigin
    package let item: String
    /// The canonical category (`ja`, `in Erarbeitung`, `ausgewählt`, a scale level,
    /// `keine Angabe`, …) or, for free text, the text itself.
    package let value: String
    private let row: Int32
    private let column: Int32
    private let wave16: Int16
    private let year16: Int16
    /// True when `value` is free text rather than a category.
    package let isFreeText: Bool

    package var wave: Int { Int(wave16) }
    package var year: Int { Int(year16) }
    package var regionAGS: String { regionName.ags }
    package var region: String { regionName.name }
    /// The cell the answer was read from.
    package var source: CellLocation {
        CellLocation(
            file: origin.file, sheet: origin.sheet,
            reference: row > 0 ? CellReference(row: Int(row), column: Int(column)) : nil)
    }

    /// The normaliser's initialiser: region and origin shared by many answers.
    package init(
        wave: Int, year: Int, region: RegionName, item: String, value: String, isFreeText: Bool,
        origin: SheetOrigin, cell: CellReference?
    ) {
        wave16 = Int16(clamping: wave)
        year16 = Int16(clamping: year)
        regionName = region
        self.item = item
        self.value = value
        self.isFreeText = isFreeText
        self.origin = origin
        row = Int32(clamping: cell?.row ?? 0)
        column = Int32(clamping: cell?.column ?? 0)
    }

    /// One answer on its own (tests, generated data).
    package init(
        wave: Int, year: Int, regionAGS: String, region: String, item: String, value: String,
        isFreeText: Bool, source: CellLocation
    ) {
        self.init(
            wave: wave, year: year, region: RegionName(ags: regionAGS, name: region), item: item, value: value,
            isFreeText: isFreeText, origin: SheetOrigin(file: source.file, sheet: source.sheet), cell: source.reference)
    }

    package static func == (a: TidyAnswer, b: TidyAnswer) -> Bool {
        a.wave16 == b.wave16 && a.year16 == b.year16 && a.item == b.item && a.value == b.value && a.isFreeText == b.isFreeText
            && a.regionAGS == b.regionAGS && a.region == b.region && a.row == b.row && a.column == b.column
            && a.origin.file == b.origin.file && a.origin.sheet == b.origin.sheet
    }

    package func hash(into hasher: inout Hasher) {
        hasher.combine(wave16)
        hasher.combine(year16)
        hasher.combine(regionAGS)
        hasher.combine(item)
        hasher.combine(value)
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
