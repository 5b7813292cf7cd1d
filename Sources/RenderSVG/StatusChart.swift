import Aggregate
import Formatting
import Normalise
import ReportSpec

/// Horizontal stacked bars, one per wave, segments in category order. The legend on the
/// right is also a table of the counts, so every value is labelled even where a segment is
/// too narrow to hold its number.
struct StatusChart {
    let figure: FigureSeries
    let context: FigureContext
    let style: ChartStyle

    func svg() -> String {
        var canvas = ChartCanvas(style: style)
        let regular = FontMetrics.regular
        let m = style.margin
        let colours = Palette.colours(for: figure.categories, scales: context.scales, missing: context.missingCategory)
        var y = m + canvas.titleBlock(context.title(figure), top: m)

        // Columns: year labels | bars | legend table.
        let yearLabels = figure.years.map { year -> String in
            let base = figure.base(year: year)
            return base == nil || base == context.population ? String(year) : "\(year) (n = \(base ?? 0))"
        }
        let yearWidth = (yearLabels.map { regular.width($0, size: style.labelSize) }.max() ?? 0) + 6
        let barLeft = m + yearWidth
        // The table of counts stands right of the bars while that leaves the bars at least
        // 40 % of the width; with many or long categories it moves below the axis, its
        // columns then as wide as the chart allows, so the bars keep the whole width.
        // The spec's short forms (`short:`) are tried first: they may let the table stay beside.
        func fitsBeside(_ names: [String]) -> Bool {
            style.width - m - barLeft - 10 - tableColumnWidth(maximum: 90, names: names) * Double(names.count)
                >= Self.minimumBarShare * (style.width - 2 * m)
        }
        let shortNames = figure.categories.map { context.shortName($0) ?? $0 }
        let sideNames = fitsBeside(figure.categories) ? figure.categories : shortNames
        let sideColumn = tableColumnWidth(maximum: 90, names: sideNames)
        let tableBelow = !fitsBeside(sideNames)
        let columnWidth = tableBelow ? (style.width - m - barLeft) / Double(max(figure.categories.count, 1)) : sideColumn
        let tableWidth = columnWidth * Double(figure.categories.count)
        let barWidth = tableBelow ? style.width - m - barLeft : style.width - m - barLeft - 10 - tableWidth
        let tableLeft = tableBelow ? barLeft : style.width - m - tableWidth
        // The axis spans the population, or more if a wave holds more answers (never overflow).
        let axisMaximum = max(
            context.population,
            figure.years.map { year in
                figure.points(year: year).filter(\.asked).map(\.count).reduce(0, +)
            }.max() ?? 0)
        let scale = axisMaximum > 0 ? barWidth / Double(axisMaximum) : 0
        let rowPitch = 16.0
        let barHeight = 11.0

        // Legend header: swatch above each wrapped category name.
        func legendHeader(top: Double) -> Double {
            let headerLines = sideNames.map { regular.wrap($0, maxWidth: columnWidth - 4, size: style.smallSize) }
            let maxLines = headerLines.map(\.count).max() ?? 1
            for (i, lines) in headerLines.enumerated() {
                let centre = tableLeft + columnWidth * (Double(i) + 0.5)
                canvas.rect(x: centre - 4, y: top, width: 8, height: 8, fill: colours[i], stroke: "#595959")
                canvas.lines(lines, x: centre, top: top + 10, size: style.smallSize, anchor: .middle)
            }
            return 10 + Double(maxLines - 1) * style.linePitch(style.smallSize) + regular.lineBox(size: style.smallSize) + 4
        }
        /// One row of the table of counts, centred at `centre`.
        func countRow(_ year: Int, centre: Double) {
            for (i, category) in figure.categories.enumerated() {
                let x = tableLeft + columnWidth * (Double(i) + 0.5)
                if figure.asked(year: year) {
                    let count = figure.point(year: year, category: category)?.count ?? 0
                    canvas.centredText(GermanFormat.integer(count), x: x, centerY: centre, size: style.smallSize, anchor: .middle)
                } else {
                    canvas.centredText("–", x: x, centerY: centre, size: style.smallSize, anchor: .middle, fill: Palette.secondaryText)
                }
            }
        }
        if !tableBelow { y += legendHeader(top: y) }

        // Rows.
        let gridTop = y
        let gridIndex = canvas.nodes.count
        for (row, year) in figure.years.enumerated() {
            let centre = y + rowPitch * (Double(row) + 0.5)
            canvas.centredText(yearLabels[row], x: barLeft - 6, centerY: centre, size: style.labelSize, anchor: .end)
            if !tableBelow { countRow(year, centre: centre) }
            guard figure.asked(year: year) else {
                canvas.centredText(
                    "nicht erhoben", x: barLeft + 4, centerY: centre, size: style.smallSize,
                    fill: Palette.secondaryText, italic: true)
                continue
            }
            var x = barLeft
            for (i, category) in figure.categories.enumerated() {
                let count = figure.point(year: year, category: category)?.count ?? 0
                let width = Double(count) * scale
                if count > 0 {
                    canvas.rect(x: x, y: centre - barHeight / 2, width: width, height: barHeight, fill: colours[i])
                    let label = GermanFormat.integer(count)
                    if regular.width(label, size: style.smallSize) + 4 <= width {
                        canvas.centredText(
                            label, x: x + width / 2, centerY: centre, size: style.smallSize, anchor: .middle,
                            fill: Palette.labelColour(on: colours[i]))
                    }
                }
                x += width
            }
        }
        y += rowPitch * Double(figure.years.count) + 2
        y += canvas.countAxis(
            left: barLeft, width: barWidth, maximum: axisMaximum, top: y, gridTop: gridTop - 2, gridIndex: gridIndex,
            title: context.axisTitle(bases: figure.years.compactMap { figure.base(year: $0) }))
        y += 6
        if tableBelow { y += legendBelow(top: y + 4, colours: colours, canvas: &canvas) + 10 }
        y += canvas.sourceLine(context.sourceLine, top: y)
        y += m
        return canvas.document(id: figure.fileStem, title: context.title(figure), description: description(), height: y)
    }

    /// The legend and table of counts below the bars, turned: a row per category (swatch,
    /// its whole name wrapped) and a column per year, so that any number of categories with
    /// long names fits. Returns its height.
    private func legendBelow(top: Double, colours: [String], canvas: inout ChartCanvas) -> Double {
        let regular = FontMetrics.regular
        let m = style.margin
        let size = style.smallSize
        let nameLeft = m + 12
        let yearColumn = min(48, (style.width - 2 * m) * 0.5 / Double(max(figure.years.count, 1)))
        let tableLeft = style.width - m - yearColumn * Double(figure.years.count)
        let nameWidth = tableLeft - nameLeft - 8
        var y = top
        for (i, year) in figure.years.enumerated() {
            canvas.centredText(
                String(year), x: tableLeft + yearColumn * (Double(i) + 0.5), centerY: y + regular.lineBox(size: size) / 2,
                size: size, anchor: .middle, bold: true)
        }
        y += style.linePitch(size) + 2
        for (c, category) in figure.categories.enumerated() {
            let lines = regular.wrap(category, maxWidth: nameWidth, size: size)
            let height = Double(lines.count - 1) * style.linePitch(size) + regular.lineBox(size: size)
            canvas.rect(x: m, y: y + regular.lineBox(size: size) / 2 - 4, width: 8, height: 8, fill: colours[c], stroke: "#595959")
            canvas.lines(lines, x: nameLeft, top: y, size: size)
            for (i, year) in figure.years.enumerated() {
                let x = tableLeft + yearColumn * (Double(i) + 0.5)
                let centre = y + regular.lineBox(size: size) / 2
                if figure.asked(year: year) {
                    let count = figure.point(year: year, category: category)?.count ?? 0
                    canvas.centredText(GermanFormat.integer(count), x: x, centerY: centre, size: size, anchor: .middle)
                } else {
                    canvas.centredText("–", x: x, centerY: centre, size: size, anchor: .middle, fill: Palette.secondaryText)
                }
            }
            y += height + 3
        }
        return y - top
    }

    /// Wide enough for the longest word of any category name, and for the counts.
    private func tableColumnWidth(maximum: Double, names: [String]) -> Double {
        let regular = FontMetrics.regular
        let longestWord =
            names.flatMap { $0.split(separator: " ").map(String.init) }
            .map { regular.width($0, size: style.smallSize) }.max() ?? 0
        let number = regular.width(GermanFormat.integer(context.population), size: style.smallSize)
        return min(maximum, max(34, longestWord + 8, number + 8))
    }

    /// The least share of the chart's inner width the bars keep beside the table of counts.
    static let minimumBarShare = 0.4

    /// The data in words, for screen readers: "2021: ja 10, in Erarbeitung 2, …".
    func description() -> String {
        "Anzahl \(context.unitPlural) je Antwort und Erhebungsjahr. " + figure.dataSentence(unitPlural: context.unitPlural)
    }
}

/// What a figure needs besides its series: population, wording, source.
package struct FigureContext: Sendable {
    package let population: Int
    package let unitPlural: String
    package let sourceLine: String
    /// The spec's answer scales, for the categories' colours.
    package let scales: [AnswerScale]
    /// Every wave's year, so that a year has one colour in all charts (`Palette.waveColours`).
    package let waveYears: [Int]
    /// The catalogue's "no answer" category: one grey in every chart, with or without
    /// `scales:` (`Palette.colours`).
    package let missingCategory: String?

    package init(
        population: Int, unitPlural: String, sourceLine: String, scales: [AnswerScale] = [], waveYears: [Int] = [],
        missingCategory: String? = nil
    ) {
        self.population = population
        self.unitPlural = unitPlural
        self.sourceLine = sourceLine
        self.scales = scales
        self.waveYears = waveYears
        self.missingCategory = missingCategory
    }

    /// The spec's short form of a category (`short:` in `scales`), if any.
    func shortName(_ category: String) -> String? {
        scales.lazy.compactMap { $0.category(category)?.short }.first
    }

    package init(model: ReportModel) {
        self.init(
            population: model.regionCount, unitPlural: model.spec.unitPlural, sourceLine: model.sourceLine,
            scales: model.spec.scales, waveYears: model.catalogue.waves.map(\.year),
            missingCategory: model.catalogue.missingCategory)
    }

    var axisTitle: String { "Anzahl \(unitPlural) (n = \(population))" }

    /// The axis title for the bases of the years shown: the population when every year has
    /// it; one other base when all share it (a filter asked the same units every year); the
    /// population with its exceptions; or, when no year has everyone, n at each year.
    func axisTitle(bases: [Int]) -> String {
        let distinct = Set(bases)
        if distinct.isEmpty || distinct == [population] { return axisTitle }
        if distinct.count == 1, let only = distinct.first { return "Anzahl \(unitPlural) (n = \(only))" }
        return distinct.contains(population) ? axisTitleWithOtherBases : "Anzahl \(unitPlural) (n am Jahr)"
    }
    /// When a year's base differs (a unit missing, or a filter): that year's label gives it.
    var axisTitleWithOtherBases: String { "Anzahl \(unitPlural) (n = \(population); abweichend: n am Jahr)" }

    func title(_ figure: FigureSeries) -> String { "Abbildung \(figure.number): \(figure.caption)" }
}
