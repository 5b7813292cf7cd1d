import Aggregate
import Formatting
import ReportSpec

/// Grouped horizontal bars: per option one bar per wave, with the count at the bar's end.
/// Option names are wrapped, never cut. Waves in which no option was asked appear in the
/// legend as "nicht erhoben" instead of as empty bars.
struct OptionsChart {
    let figure: FigureSeries
    let context: FigureContext
    let style: ChartStyle

    func svg() -> String {
        var canvas = ChartCanvas(style: style)
        let regular = FontMetrics.regular
        let m = style.margin
        var y = m + canvas.titleBlock(context.title(figure), top: m)
        let askedYears = figure.years.filter { figure.asked(year: $0) }
        let colours = Palette.waveColours(for: askedYears, among: context.waveYears.isEmpty ? askedYears : context.waveYears)

        // Legend: one entry per wave, flowing into rows.
        var x = m
        let entryHeight = style.linePitch(style.smallSize)
        var legendRows = 1
        for year in figure.years {
            let asked = askedYears.firstIndex(of: year)
            let label = asked != nil ? "\(year) (n = \(figure.base(year: year) ?? 0))" : "\(year): nicht erhoben"
            let width = (asked != nil ? 11 : 0) + regular.width(label, size: style.smallSize) + 12
            if x + width > style.width - m, x > m {
                x = m
                y += entryHeight
                legendRows += 1
            }
            let centre = y + regular.lineBox(size: style.smallSize) / 2
            if let asked {
                canvas.rect(x: x, y: centre - 4, width: 8, height: 8, fill: colours[asked], stroke: "#595959")
                canvas.centredText(label, x: x + 11, centerY: centre, size: style.smallSize)
            } else {
                canvas.centredText(label, x: x, centerY: centre, size: style.smallSize, fill: Palette.secondaryText, italic: true)
            }
            x += width
        }
        y += regular.lineBox(size: style.smallSize) + 8

        // Columns: wrapped option labels | bars | count labels.
        let maxLabelWidth = min(170, style.width * 0.38)
        let labels = figure.categories.map { regular.wrap($0, maxWidth: maxLabelWidth, size: style.labelSize) }
        let labelWidth = labels.flatMap { $0 }.map { regular.width($0, size: style.labelSize) }.max() ?? 0
        let barLeft = m + labelWidth + 8
        let largest = max(context.population, figure.points.map(\.count).max() ?? 0)
        let valueRoom = regular.width(GermanFormat.integer(largest), size: style.smallSize) + 6
        let barWidth = style.width - m - barLeft - valueRoom
        // A filtered question was put to fewer units than the population: the axis ends at
        // the largest base asked, and its title names n only when every year had the same.
        let bases = askedYears.compactMap { figure.base(year: $0) }
        let axisMaximum = max(bases.max() ?? context.population, figure.points.filter(\.asked).map(\.count).max() ?? 0)
        let axisTitle = Set(bases).count == 1 ? "Anzahl \(context.unitPlural) (n = \(bases[0]))" : "Anzahl \(context.unitPlural) (n je Jahr: Legende)"
        let scale = axisMaximum > 0 ? barWidth / Double(axisMaximum) : 0
        let pitch = 10.5
        let barHeight = 8.0
        let gridTop = y
        let gridIndex = canvas.nodes.count
        for (i, option) in figure.categories.enumerated() {
            let barsHeight = pitch * Double(max(askedYears.count, 1))
            let labelHeight = Double(labels[i].count - 1) * style.linePitch(style.labelSize) + regular.lineBox(size: style.labelSize)
            let groupHeight = max(barsHeight, labelHeight)
            canvas.lines(labels[i], x: barLeft - 8, top: y + (groupHeight - labelHeight) / 2, size: style.labelSize, anchor: .end)
            let barsTop = y + (groupHeight - barsHeight) / 2
            for (k, year) in askedYears.enumerated() {
                let centre = barsTop + pitch * (Double(k) + 0.5)
                guard let point = figure.point(year: year, category: option), point.asked else {
                    canvas.centredText(
                        "nicht erhoben", x: barLeft + 2, centerY: centre, size: style.smallSize,
                        fill: Palette.secondaryText, italic: true)
                    continue
                }
                let width = Double(point.count) * scale
                canvas.rect(x: barLeft, y: centre - barHeight / 2, width: width, height: barHeight, fill: colours[k])
                canvas.centredText(
                    GermanFormat.integer(point.count), x: barLeft + width + 3, centerY: centre,
                    size: style.smallSize)
            }
            y += groupHeight + 7
        }
        y +=
            canvas.countAxis(
                left: barLeft, width: barWidth, maximum: axisMaximum, top: y - 3, gridTop: gridTop - 2, gridIndex: gridIndex,
                title: axisTitle + ", Mehrfachauswahl") - 3
        y += 6
        y += canvas.sourceLine(context.sourceLine, top: y)
        y += m
        return canvas.document(id: figure.fileStem, title: context.title(figure), description: description(), height: y)
    }

    func description() -> String {
        "Anzahl \(context.unitPlural), die die Option gewählt haben, je Erhebungsjahr. " + figure.dataSentence(unitPlural: context.unitPlural)
    }
}
