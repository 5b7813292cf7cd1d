import Aggregate
import Formatting
import ReportSpec

/// A region's one-page profile: a grid of its answers (items × waves), and per item a bar
/// of how all regions answered in the latest wave, with the share of answers whose scale role
/// is positive.
package struct ProfileChart: Sendable {
    package let style: ChartStyle

    package init(style: ChartStyle = .report) {
        self.style = style
    }

    package func svg(
        _ profile: RegionProfile, set: ProfileSet, unitPlural: String, sourceLine: String,
        themeTitles: [String: String], scales: [AnswerScale] = [], missingCategory: String? = nil
    ) -> String {
        var canvas = ChartCanvas(style: style)
        let regular = FontMetrics.regular
        let m = style.margin
        let size = style.smallSize
        let colours = Palette.colours(for: set.categories, scales: scales, missing: missingCategory)
        let colourOf = Dictionary(zip(set.categories, colours).map { ($0, $1) }, uniquingKeysWith: { a, _ in a })
        // Short labels: the spec's where a scale gives one, otherwise made from the labels.
        var shorts = ShortLabels.make(set.categories)
        for scale in scales { for category in scale.categories { if let short = category.short { shorts[category.label] = short } } }
        var y = m
        let title = "Regionalprofil \(profile.name) (AGS \(profile.ags))"
        y +=
            canvas.lines(
                FontMetrics.bold.wrap(title, maxWidth: style.width - 2 * m, size: style.titleSize),
                x: m, top: y, size: style.titleSize, bold: true) + 4
        let latest = set.years.last.map(String.init) ?? ""
        let subtitle = "Antworten je Erhebungsjahr; rechts: alle \(unitPlural) im letzten Jahr der Frage (Anteil \(set.positiveLabel))"
        y +=
            canvas.lines(
                regular.wrap(subtitle, maxWidth: style.width - 2 * m, size: size), x: m, top: y, size: size,
                fill: Palette.secondaryText) + 8

        // Columns: item titles | one cell per wave | distribution bar + share.
        let shareWidth = regular.width("100 %", size: size) + 4
        let barWidth = 56.0
        let cellWidth = min(30, max(22, (style.width - 2 * m - 150 - barWidth - shareWidth - 12) / Double(max(set.years.count, 1))))
        let gridLeft = style.width - m - shareWidth - barWidth - 8 - cellWidth * Double(set.years.count)
        let labelWidth = gridLeft - m - 6
        let barLeft = gridLeft + cellWidth * Double(set.years.count) + 6
        // Year header.
        let fullYears = regular.width("2021", size: size) + 3 <= cellWidth
        for (k, year) in set.years.enumerated() {
            canvas.centredText(
                fullYears ? String(year) : "’" + String(String(year).suffix(2)),
                x: gridLeft + cellWidth * (Double(k) + 0.5), centerY: y + 5, size: size, anchor: .middle)
        }
        canvas.centredText("alle \(latest)", x: barLeft + (barWidth + shareWidth) / 2, centerY: y + 5, size: size, anchor: .middle)
        y += 14
        let pitch = 13.0
        var theme = ""
        for row in profile.rows {
            if row.theme != theme {
                theme = row.theme
                let heading = themeTitles[theme].map { "\(theme). \($0)" } ?? "Weitere Fragen (\(theme))"
                y += 3
                y += canvas.lines([heading], x: m, top: y, size: size, bold: true) + 3
            }
            let lines = regular.wrap(row.title, maxWidth: labelWidth, size: size)
            let height = max(pitch, Double(lines.count - 1) * style.linePitch(size) + regular.lineBox(size: size) + 3)
            let centre = y + height / 2
            canvas.lines(
                lines, x: m, top: centre - (Double(lines.count - 1) * style.linePitch(size) + regular.lineBox(size: size)) / 2,
                size: size)
            for (k, answer) in row.answers.enumerated() {
                let x = gridLeft + cellWidth * Double(k)
                guard let answer else {
                    canvas.centredText(
                        "–", x: x + cellWidth / 2, centerY: centre, size: size, anchor: .middle,
                        fill: Palette.secondaryText)
                    continue
                }
                let fill = colourOf[answer] ?? "#BBBBBB"
                canvas.rect(x: x + 1, y: centre - 5.5, width: cellWidth - 2, height: 11, fill: fill)
                canvas.centredText(
                    shorts[answer] ?? answer, x: x + cellWidth / 2, centerY: centre, size: size, anchor: .middle,
                    fill: Palette.labelColour(on: fill))
            }
            let total = row.distribution.reduce(0, +)
            if total > 0 {
                var x = barLeft
                for (c, count) in row.distribution.enumerated() where count > 0 {
                    let width = barWidth * Double(count) / Double(total)
                    canvas.rect(x: x, y: centre - 4, width: width, height: 8, fill: colours[c])
                    x += width
                }
                let share = GermanFormat.percent(Ratio(row.positive, total), decimals: 0)
                canvas.centredText(share, x: style.width - m, centerY: centre, size: size, anchor: .end)
            }
            y += height
        }
        // Legend.
        y += 8
        var x = m
        for (category, colour) in zip(set.categories, colours) {
            let short = shorts[category] ?? category
            let label = short == category ? category : "\(short) = \(category)"
            let width = 11 + regular.width(label, size: size) + 12
            if x + width > style.width - m, x > m {
                x = m
                y += 13
            }
            canvas.rect(x: x, y: y, width: 8, height: 8, fill: colour, stroke: "#595959")
            canvas.centredText(label, x: x + 11, centerY: y + 4, size: size)
            x += width
        }
        let notAsked = "– = nicht erhoben"
        if x + regular.width(notAsked, size: size) > style.width - m {
            x = m
            y += 13
        }
        canvas.centredText(notAsked, x: x, centerY: y + 4, size: size, fill: Palette.secondaryText)
        y += 16
        y += canvas.sourceLine(sourceLine, top: y)
        y += m
        let description =
            "Regionalprofil \(profile.name): "
            + profile.rows.map { row in
                "\(row.title): "
                    + zip(set.years, row.answers).compactMap { year, answer in answer.map { "\(year) \($0)" } }
                    .joined(separator: ", ")
            }.joined(separator: "; ") + "."
        return canvas.document(id: profile.fileStem, title: title, description: description, height: y)
    }
}
