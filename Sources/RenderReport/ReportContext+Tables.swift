import Aggregate
import Formatting
import Foundation
import Normalise
import ReportSpec

/// The `tab` namespace and the theme summary (`summary`).
extension ReportContext {
    func table(_ table: ReportTable) -> TemplateObject {
        var o = TemplateObject()
        o.set("number", String(table.number))
        o.set("anchor", Self.anchor(table))
        o.set("title", table.title)
        // A revised value of a theme summary is footnoted in its cell; other revisions of a
        // table's values where the text names the table (pandoc 2.17 reads notes in cells,
        // not in a table caption).
        let source = "Tabelle \(table.number)"
        let model = model
        let inCell: (Revisions.Published) -> Bool = { row in
            if case .themeSummary = table { return Revisions.themeCode(row.item, model: model) != nil }
            return false
        }
        o.set(
            "block",
            MarkdownBlocks.table(table, model: model) { theme, category in
                revisionNote { $0.source == source && inCell($0) && Revisions.themeCode($0.item, model: model) == theme && $0.category == category }
            })
        o.set("revisionNote", revisionNote { $0.source == source && !inCell($0) })
        return o
    }

    /// The theme summary for the prose: per theme the shares and changes, and the theme with the
    /// largest gain of the lead answer.
    func themeSummary(_ table: ThemeSummaryTable) -> TemplateObject {
        var o = TemplateObject()
        o.set("year", String(table.year))
        o.set("previousYear", table.previousYear.map(String.init) ?? "")
        o.set("number", String(table.number))
        o.set("anchor", "tab-" + (table.number < 10 ? "0" : "") + String(table.number))
        o.set(
            "themes",
            table.columns.map { column -> TemplateObject in
                var t = TemplateObject()
                t.set("code", column.theme)
                t.set("title", column.title)
                t.set("items", String(column.itemIDs.count))
                t.set("itemTitles", GermanNoun.list(column.itemIDs.map { "„\(catalogue.item($0)?.shortTitle ?? $0)“" }))
                t.set("answers", GermanFormat.integer(column.cells.first?.total ?? 0))
                // A theme's share the publication stated in its text ("rund 83 Prozent").
                t.set(
                    "revisionNote",
                    revisionNote {
                        Revisions.themeCode($0.item, model: model) == column.theme && !Self.isFigureOrTable($0.source)
                    })
                if let total = column.cells.first?.total, total > 0 {
                    t.set("oneAnswerPoints", GermanFormat.decimal(Ratio(100, total).rounded(scale: 1, decimals: 1), decimals: 1))
                }
                let drivers = model.analysis.themeDrivers.first { $0.theme == column.theme }
                // A pooled table's rows are keyed by role (`positive`), others by category (`ja`).
                func key(_ index: Int) -> String { table.roleKeys?[index] ?? TemplateKey.category(table.categories[index]) }
                for (index, category) in table.categories.enumerated() {
                    let key = key(index)
                    let out = (drivers?.flows ?? []).filter { $0.from == category }
                    let into = (drivers?.flows ?? []).filter { $0.to == category }
                    var d = TemplateObject()
                    d.set("outTotal", spec.unit.count(out.reduce(0) { $0 + $1.count }))
                    d.set("hasOut", !out.isEmpty)
                    d.set("out", GermanNoun.list(out.map { "\(Self.answers.count($0.count)) zu „\($0.to)“" }))
                    d.set("outSg", out.count == 1 && out[0].count == 1)
                    d.set("into", GermanNoun.list(into.map { "\(Self.answers.count($0.count)) aus „\($0.from)“" }))
                    d.set("intoSg", into.count == 1 && into[0].count == 1)
                    d.set("hasInto", !into.isEmpty)
                    let items = drivers?.changes[category] ?? []
                    d.set(
                        "items",
                        GermanNoun.list(
                            items.map { change in
                                "„\(catalogue.item(change.itemID)?.shortTitle ?? change.itemID)“ (von \(GermanNoun.word(change.before)) auf \(GermanNoun.word(change.now)))"
                            }))
                    d.set("hasItems", !items.isEmpty)
                    // Which questions moved the category, up and down, each with its figure: a
                    // statement for the reader, the counts stay in the figures.
                    let rose = items.filter { $0.now > $0.before }
                    let fell = items.filter { $0.now < $0.before }
                    d.set("rose", GermanNoun.list(rose.map { namedWithFigure($0.itemID) }))
                    d.set("fell", GermanNoun.list(fell.map { namedWithFigure($0.itemID) }))
                    d.set("hasRose", !rose.isEmpty)
                    d.set("hasFell", !fell.isEmpty)
                    t.set(key + "Drivers", d)
                }
                for (index, (category, cell)) in zip(table.categories, column.cells).enumerated() {
                    var c = TemplateObject()
                    c.set("share", GermanFormat.percent(cell.share))
                    c.set("shareRounded", GermanFormat.percent(cell.share, decimals: 0))
                    c.set("hasChange", cell.change != nil)
                    if let change = cell.change {
                        let tenths = change.rounded(scale: 100, decimals: 1)
                        c.set("change", GermanFormat.percentagePoints(change))
                        // For running text: "1,0 Prozentpunkte" (the direction is said in words).
                        c.set("changeWords", GermanFormat.decimal(abs(tenths), decimals: 1) + " Prozentpunkte")
                        c.set("changeWordsDative", GermanFormat.decimal(abs(tenths), decimals: 1) + " Prozentpunkten")
                        c.set("up", tenths > 0)
                        c.set("down", tenths < 0)
                        c.set("same", tenths == 0)
                    }
                    // When the two years had different participants, the same change over the
                    // units in both: a unit that sat a year out moves the share without anyone
                    // changing an answer ("+0,4 PP" that is "−0,9 PP" among the twelve).
                    c.set("matched", false)
                    if let previous = table.previousYear, answering(previous) != answering(table.year) {
                        let comparisons = column.itemIDs.compactMap { model.comparison(of: $0, category: category, from: previous, to: table.year) }
                        let before = comparisons.reduce(0) { $0 + $1.before }
                        let now = comparisons.reduce(0) { $0 + $1.now }
                        let base = comparisons.reduce(0) { $0 + $1.base }
                        if base > 0, comparisons.allSatisfy(\.matched) {
                            let tenths = Ratio((now - before) * 100, base).rounded(scale: 1, decimals: 1)
                            c.set("matched", true)
                            c.set("matchedUnitsDative", spec.unit.count(comparisons.map(\.base).max() ?? 0, .dative))
                            c.set("matchedChangeWords", GermanFormat.decimal(abs(tenths), decimals: 1) + " Prozentpunkte")
                            c.set("matchedChange", GermanFormat.percentagePoints(Ratio(now - before, base)))
                            c.set("matchedUp", tenths > 0)
                            c.set("matchedDown", tenths < 0)
                            c.set("matchedSame", tenths == 0)
                        }
                    }
                    t.set(key(index), c)
                }
                return t
            })
        // What one answer moves a theme's share by, from the smallest theme to the largest:
        // "zwischen 0,6 und 1,0 Prozentpunkten".
        let points = table.columns.compactMap { column -> Int? in
            guard let total = column.cells.first?.total, total > 0 else { return nil }
            return Ratio(100, total).rounded(scale: 1, decimals: 1)
        }
        if let low = points.min(), let high = points.max() {
            o.set("oneAnswerPointsLow", GermanFormat.decimal(low, decimals: 1))
            o.set("oneAnswerPointsHigh", GermanFormat.decimal(high, decimals: 1))
            o.set("oneAnswerPointsSame", low == high)
        }
        let lead = table.categories.first ?? ""
        let gains = table.columns.compactMap { column -> (String, Ratio)? in
            guard let index = table.categories.firstIndex(of: lead), let change = column.cells[index].change else { return nil }
            return (column.title, change)
        }
        if let best = gains.max(by: { $0.1.value < $1.1.value }) {
            var g = TemplateObject()
            g.set("title", best.0)
            g.set("change", GermanFormat.percentagePoints(best.1))
            g.set("up", best.1.value > 0)
            o.set("largestLeadGain", g)
        }
        return o
    }

    /// A question's short title with the figure that shows it: "„Keine Förderlücken“
    /// (Abbildung 7)"; without a figure the title alone.
    func namedWithFigure(_ itemID: String) -> String {
        let name = "„" + (catalogue.item(itemID)?.shortTitle ?? itemID) + "“"
        guard let figure = model.figures.first(where: { $0.itemID == itemID }) else { return name }
        return name + " (Abbildung \(figure.number))"
    }

    /// Whether a published value's source is a figure or table ("Abbildung 5", "Tabelle 4").
    /// The years a published value is about: "2021", "2020 vs 2021", "2020→2021".
    static func years(in text: String) -> Set<Int> {
        Set(text.split { !$0.isNumber }.compactMap { Int($0) })
    }

    static func isFigureOrTable(_ source: String) -> Bool {
        source.hasPrefix("Abbildung ") || source.hasPrefix("Tabelle ")
    }

    /// What pooled answers are counted in: "eine Antwort", "zwei Antworten".
    static let answers = GermanNoun(singular: "Antwort", plural: "Antworten", gender: .feminine)
    /// What the questionnaire asks: "einer Frage", "vier Fragen".
    static let questions = GermanNoun(singular: "Frage", plural: "Fragen", gender: .feminine)
}
