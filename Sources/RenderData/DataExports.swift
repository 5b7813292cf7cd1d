import Aggregate
import Formatting
import Normalise

/// The machine-readable outputs: tidy series, one Datawrapper-ready CSV per figure, the
/// tables and the transitions. Comma-separated, decimal point, UTF-8, RFC 4180. Counts the
/// spec's `min_cell_size` withholds are "." (with their shares), as in the annex.
package enum DataExports {
    /// The sign of a withheld value (Destatis: "." = geheim zu halten).
    package static let withheld = "."

    /// `series.csv`: one row per figure × wave × category.
    package static func series(_ model: ReportModel) -> String {
        var out = TextEscaping.csvRecord(["figure", "item", "year", "category", "count", "base", "share", "asked"])
        for figure in model.figures {
            let hidden = figure.withheld(by: model.smallCells)
            for point in figure.points {
                let isHidden = hidden.contains("\(point.year)|\(point.category)")
                out += TextEscaping.csvRecord(
                    [
                        String(figure.number), figure.itemID, String(point.year), point.category,
                        isHidden ? withheld : point.asked ? String(point.count) : "", point.asked ? String(point.base) : "",
                        isHidden ? withheld : point.share.map { GermanFormat.machineDecimal($0) } ?? "", point.asked ? "true" : "false",
                    ], guardFormula: true)
            }
        }
        return out
    }

    /// A figure in wide form (one row per wave, one column per category), as Datawrapper,
    /// Excel or R take it. Waves where the item was not asked have empty values and the note
    /// "nicht erhoben"; a wave in which not every unit took part says who did
    /// (`participation(year)`, e.g. "12 der 13 Arbeitsbündnisse haben teilgenommen").
    package static func figure(
        _ figure: FigureSeries, small: SmallCells = SmallCells(minimum: nil),
        participation: (Int) -> String? = { _ in nil }
    ) -> String {
        let hidden = figure.withheld(by: small)
        var out = TextEscaping.csvRecord(["Jahr"] + figure.categories + ["n", "Hinweis"], guardFormula: true)
        for year in figure.years {
            let asked = figure.asked(year: year)
            let values = figure.categories.map { category -> String in
                guard let point = figure.point(year: year, category: category), point.asked else { return "" }
                return hidden.contains("\(year)|\(category)") ? withheld : String(point.count)
            }
            out += TextEscaping.csvRecord(
                [String(year)] + values
                    + [figure.base(year: year).map(String.init) ?? "", asked ? participation(year) ?? "" : "nicht erhoben"],
                guardFormula: true)
        }
        return out
    }

    /// A table as CSV.
    package static func table(_ table: ReportTable, small: SmallCells = SmallCells(minimum: nil)) -> String {
        switch table {
        case .options(let t):
            var out = TextEscaping.csvRecord(["option", "item", "year", "count", "base", "share"])
            for row in t.rows {
                let isHidden = small.withheld(count: row.count, base: row.base)
                out += TextEscaping.csvRecord(
                    [
                        row.option, row.itemID, String(t.year), isHidden ? withheld : String(row.count), String(row.base),
                        isHidden ? withheld : row.share.map { GermanFormat.machineDecimal($0) } ?? "",
                    ],
                    guardFormula: true)
            }
            return out
        case .themeSummary(let t):
            var out = TextEscaping.csvRecord([
                "theme", "category", "year", "count", "total", "share", "share_percent_rounded",
                "previous_year", "change_pp", "change_pp_rounded",
            ])
            for column in t.columns {
                let hidden = small.withheld(distribution: column.cells.map(\.count))
                for (index, (category, cell)) in zip(t.categories, column.cells).enumerated() {
                    guard !hidden.contains(index) else {
                        out += TextEscaping.csvRecord(
                            [
                                column.theme, category, String(t.year), withheld, String(cell.total), withheld,
                                withheld, t.previousYear.map(String.init) ?? "", withheld, withheld,
                            ],
                            guardFormula: true)
                        continue
                    }
                    let rounded = GermanFormat.machineDecimal(Ratio(cell.share.rounded(scale: 100, decimals: 1), 10), decimals: 1)
                    let change = cell.change.map { GermanFormat.machineDecimal(Ratio($0.numerator * 100, $0.denominator)) } ?? ""
                    let changeRounded =
                        cell.change.map {
                            GermanFormat.machineDecimal(Ratio($0.rounded(scale: 100, decimals: 1), 10), decimals: 1)
                        } ?? ""
                    out += TextEscaping.csvRecord(
                        [
                            column.theme, category, String(t.year), String(cell.count), String(cell.total),
                            GermanFormat.machineDecimal(cell.share), rounded,
                            t.previousYear.map(String.init) ?? "", change, changeRounded,
                        ],
                        guardFormula: true)
                }
            }
            return out
        case .freeText(let t):
            var out = TextEscaping.csvRecord(["item", "heading", "year", "entry", "regions"])
            for column in t.columns {
                // Entries too few units named are counted in one line, not listed, as in the annex.
                let (shown, hidden) = small.split(column.entries)
                for entry in shown {
                    out += TextEscaping.csvRecord(
                        [
                            column.itemID, column.heading, String(t.year), entry.text,
                            String(entry.regions),
                        ], guardFormula: true)
                }
                if hidden > 0, let minimum = small.minimum {
                    out += TextEscaping.csvRecord(
                        [
                            column.itemID, column.heading, String(t.year),
                            "weitere Nennungen (\(hidden), von jeweils weniger als \(minimum))", withheld,
                        ],
                        guardFormula: true)
                }
            }
            return out
        }
    }

    /// `transitions.csv`: wave-to-wave movements between categories.
    package static func transitions(_ model: ReportModel) -> String {
        var out = TextEscaping.csvRecord(["item", "from_year", "to_year", "from", "to", "count"])
        for t in model.transitions {
            let count = model.smallCells.isSmall(t.count) ? withheld : String(t.count)
            out += TextEscaping.csvRecord([t.itemID, String(t.fromYear), String(t.toYear), t.from, t.to, count])
        }
        return out
    }
}
