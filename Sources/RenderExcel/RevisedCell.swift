import Aggregate
import Formatting
import ReportSpec

/// A cell of the annex whose value an earlier publication stated otherwise: marked "r"
/// (Destatis: berichtigte Zahl) and listed on the notes sheet, from the same revision
/// check whose footnotes the report prints.
struct RevisedCell: Sendable {
    let sheet: String
    /// 0-based.
    let row: Int
    let column: Int
    /// "Abbildung 4, 2020, „ja“".
    let place: String
    let revision: Revisions.Revision

    /// "Abb04!G10": where a reader finds it.
    var reference: String { sheet + "!" + SheetWriter.cellName(row: row, column: column) }

    /// "Abb04!G10 (Abbildung 4, 2020, „ja“): 69,2 %; veröffentlicht: 60 %".
    var description: String {
        let unit = revision.published.unit
        let suffix = unit == "percentage points" ? " PP" : unit == "percent" ? " %" : ""
        // The current value with one decimal more than published, so that the difference shows.
        let decimals = unit == "count" ? 0 : max(1, revision.decimals)
        let current = GermanFormat.decimal(
            Int((revision.current * pow10(decimals)).rounded()), decimals: decimals,
            signed: unit == "percentage points")
        let published = GermanFormat.decimal(
            Int((revision.publishedValue * pow10(revision.decimals)).rounded()),
            decimals: revision.decimals, signed: unit == "percentage points")
        return
            "\(reference) (\(place)): \(current)\(suffix); veröffentlicht \(revision.published.source == "Text" ? "im Text" : "in \(revision.published.source)"): \(published)\(suffix)"
    }

    private func pow10(_ n: Int) -> Double { (0..<n).reduce(1.0) { value, _ in value * 10 } }
}
