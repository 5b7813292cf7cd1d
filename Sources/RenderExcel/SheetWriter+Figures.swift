import Aggregate
import Formatting
import Normalise
import ReportSpec
import XlsxWriter

/// One sheet per figure: a head that says what the sheet holds, the question and its base
/// per year, the source; the numbers as an Excel table; a native chart below.
extension SheetWriter {
    func figureLayout(_ figure: FigureSeries) -> Layout {
        let item = model.catalogue.item(figure.itemID)
        let filtered = figure.kind == .options || item?.parentID != nil
        let columnCount = figure.kind == .status ? 1 + 2 * figure.categories.count : 2 * figure.years.count
        // 13 characters a number column: a landscape page holds the widest table at about 80 %.
        let widths = [36.0] + Array(repeating: 13.0, count: columnCount)
        let lines = [
            Line("Abbildung \(figure.number): \(figure.caption) [Hinweis \(Note.data.rawValue)]", .title),
            Line(
                Self.contentsLine(
                    tables: figure.kind == .options ? 2 : 1, chart: true,
                    extra: figure.kind == .options ? " (die Antworten und die Basis je Jahr)" : "")),
            Line("Frage (\(figure.itemID)): \(figure.question)"),
            Line(baseText(figure) + (filtered ? " [Hinweis \(Note.base.rawValue)]" : "")),
            Line(model.sourceLine),
        ]
        let rows = Self.rows(lines, width: widths.reduce(0, +)).count
        return Layout(lines: lines, widths: widths, top: rows + 2)
    }

    /// The cell of a figure's value that an earlier publication stated otherwise.
    func revisedCells(_ figure: FigureSeries, sheet: String) -> [RevisedCell] {
        guard let revisions = model.revisions else { return [] }
        let top = figureLayout(figure).top
        var cells: [RevisedCell] = []
        for (y, year) in figure.years.enumerated() {
            for (i, category) in figure.categories.enumerated() {
                // A multiple choice is published under its question, with the option as category.
                for (unit, isShare) in [("count", false), ("percent", true)] {
                    guard let revision = revisions.revision(item: figure.itemID, year: "\(year)", category: category, unit: unit) else { continue }
                    let (row, column): (Int, Int)
                    switch figure.kind {
                    case .status: (row, column) = (top + 1 + y, 2 + (isShare ? figure.categories.count : 0) + i)
                    case .options: (row, column) = (top + 1 + i, 1 + (isShare ? figure.years.count : 0) + y)
                    }
                    cells.append(
                        RevisedCell(
                            sheet: sheet, row: row, column: column, place: "Abbildung \(figure.number), \(year), „\(category)“",
                            revision: revision))
                }
            }
        }
        return cells
    }

    func figure(_ figure: FigureSeries, revised: [RevisedCell]) throws(XlsxError) {
        guard let name = plan.figures[figure.number] else { return }
        let layout = figureLayout(figure)
        let sheet = try openSheet(name, layout)
        let top = layout.top
        let marks = Set(revised.map { "\($0.row),\($0.column)" })
        func number(_ value: Double, row: Int, column: Int, _ kind: AnnexFormats.Number) throws(XlsxError) {
            try sheet.write(value, row: row, column: column, format: formats.number(kind, revised: marks.contains("\(row),\(column)")))
        }
        // What `min_cell_size` withholds, as in the CSV exports: "year|category".
        let withheld = figure.withheld(by: model.smallCells)
        let asked = figure.years.filter { figure.asked(year: $0) }
        let chart: XlsxChart
        var lastRow: Int
        let tableName = Self.tableName(name, subject: model.catalogue.item(figure.itemID)?.shortTitle ?? figure.caption)
        switch figure.kind {
        case .status:
            let headers = ["Jahr", "Basis (n)"] + figure.categories.map { "\($0) (Anzahl)" } + figure.categories.map { "\($0) (Anteil in %)" }
            lastRow = top + figure.years.count
            try table(
                sheet, rows: top...lastRow, columns: 0...(headers.count - 1), name: tableName, headers: headers,
                columnWidths: layout.widths)
            for (r, year) in figure.years.enumerated() {
                let row = top + 1 + r
                // A year not asked is named as such in the cell the chart takes its label from
                // (Excel and LibreOffice both show a cell's text; LibreOffice drops custom labels).
                if figure.asked(year: year) {
                    try sheet.write(Double(year), row: row, column: 0, format: formats.year)
                } else {
                    try sheet.write("\(year) (nicht erhoben)", row: row, column: 0, format: formats.text)
                }
                guard let base = figure.base(year: year) else {
                    for c in 1..<headers.count { try sheet.write(Self.notAsked, row: row, column: c, format: formats.notAsked) }
                    continue
                }
                try sheet.write(Double(base), row: row, column: 1, format: formats.count)
                for (i, category) in figure.categories.enumerated() {
                    let countColumn = 2 + i
                    let shareColumn = 2 + figure.categories.count + i
                    if withheld.contains("\(year)|\(category)") {
                        try sheet.write(Self.withheld, row: row, column: countColumn, format: formats.notAsked)
                        try sheet.write(Self.withheld, row: row, column: shareColumn, format: formats.notAsked)
                        continue
                    }
                    let point = figure.point(year: year, category: category)
                    try number(Double(point?.count ?? 0), row: row, column: countColumn, .count)
                    if let share = point?.share {
                        try number(share.value, row: row, column: shareColumn, .share)
                    } else {
                        try sheet.write(Self.notAsked, row: row, column: shareColumn, format: formats.notAsked)
                    }
                }
            }
            // Every year is a category of the chart, as in the report: a year not asked is
            // labelled "2017 (nicht erhoben)" by its cell, not drawn as a bar of zero.
            let rows = (top + 1)...lastRow
            chart = try workbook.addChart(.stackedBar)
            let colours = Palette.colours(for: figure.categories, scales: spec.scales, missing: model.catalogue.missingCategory)
            for (i, category) in figure.categories.enumerated() {
                try chart.addSeries(
                    name: category, categories: .init(sheet: name, rows: rows, columns: 0...0),
                    values: .init(sheet: name, rows: rows, columns: (2 + i)...(2 + i)),
                    fill: colours[i], labels: true, labelsInside: true)
            }
        case .options:
            let headers = ["Antwortoption"] + figure.years.map { "\($0) (Anzahl)" } + figure.years.map { "\($0) (Anteil in %)" }
            lastRow = top + figure.categories.count
            try table(
                sheet, rows: top...lastRow, columns: 0...(headers.count - 1), name: tableName, headers: headers,
                columnWidths: layout.widths)
            for (r, option) in figure.categories.enumerated() {
                let row = top + 1 + r
                try sheet.write(option, row: row, column: 0, format: formats.wrapped)
                try fit(sheet, row: row, [(option, layout.widths[0])])
                for (c, year) in figure.years.enumerated() {
                    let countColumn = 1 + c
                    let shareColumn = 1 + figure.years.count + c
                    guard let point = figure.point(year: year, category: option), point.asked, let share = point.share else {
                        try sheet.write(Self.notAsked, row: row, column: countColumn, format: formats.notAsked)
                        try sheet.write(Self.notAsked, row: row, column: shareColumn, format: formats.notAsked)
                        continue
                    }
                    if withheld.contains("\(year)|\(option)") {
                        try sheet.write(Self.withheld, row: row, column: countColumn, format: formats.notAsked)
                        try sheet.write(Self.withheld, row: row, column: shareColumn, format: formats.notAsked)
                        continue
                    }
                    try number(Double(point.count), row: row, column: countColumn, .count)
                    try number(share.value, row: row, column: shareColumn, .share)
                }
            }
            // The base per year, as a table of its own.
            let baseTop = lastRow + 2
            try sheet.addTable(
                rows: baseTop...(baseTop + figure.years.count), columns: 0...1, name: tableName + "_Basis",
                headers: ["Jahr", "Basis (n)"], headerFormat: formats.header)
            for (r, year) in figure.years.enumerated() {
                try sheet.write(Double(year), row: baseTop + 1 + r, column: 0, format: formats.year)
                if let base = figure.base(year: year) {
                    try sheet.write(Double(base), row: baseTop + 1 + r, column: 1, format: formats.count)
                } else {
                    try sheet.write(Self.notAsked, row: baseTop + 1 + r, column: 1, format: formats.notAsked)
                }
            }
            chart = try workbook.addChart(.clusteredBar)
            let colours = Palette.waveColours(for: asked, among: model.catalogue.waves.map(\.year))
            for (k, year) in asked.enumerated() {
                guard let c = figure.years.firstIndex(of: year) else { continue }
                // An option not asked that year is labelled, not left as an empty bar.
                var labels: [Int: String] = [:]
                for (r, option) in figure.categories.enumerated() where figure.point(year: year, category: option)?.asked != true {
                    labels[r] = "nicht erhoben"
                }
                try chart.addSeries(
                    name: "\(year)",
                    categories: .init(
                        sheet: name, rows: (top + 1)...(top + figure.categories.count),
                        columns: 0...0),
                    values: .init(sheet: name, rows: (top + 1)...(top + figure.categories.count), columns: (1 + c)...(1 + c)),
                    fill: colours[k], labels: true, labelsInside: false, customLabels: labels)
            }
            lastRow = baseTop + figure.years.count
        }
        try chart.title("Abbildung \(figure.number): \(figure.caption)", size: 10)
        // The chart stands alone when copied: its bases and its source travel with it.
        try chart.axes(
            valueTitle: "Anzahl \(unit) (\(chartBases(figure))) – \(model.sourceLine)",
            maximum: Double(asked.compactMap { figure.base(year: $0) }.max() ?? model.regionCount))
        try chart.legendAtBottom()
        try sheet.insert(
            chart, row: lastRow + 2, column: 0, scaleX: 1.9, scaleY: figure.kind == .options ? 1.6 : 1.2,
            description: "Abbildung \(figure.number): \(figure.caption). " + figure.dataSentence(unitPlural: unit))
        try sheet.freezePanes(row: top + 1)
        try sheet.ignoreNumbersStoredAsText(in: "A1:XFD1048576")
        try sheet.setPage(page(landscape: true, repeatRows: top...top))
    }

    /// "n = 13" or "n = 11 (2017), 13 (2018–2021)"; not-asked years are left out.
    func chartBases(_ figure: FigureSeries) -> String {
        let groups = baseGroups(figure).filter { $0.base != nil }
        if Set(groups.compactMap(\.base)).count <= 1 { return "n = \(groups.first?.base ?? 0)" }
        return "n = " + groups.map { "\($0.base ?? 0) (\($0.years))" }.joined(separator: ", ")
    }

    /// Consecutive years with the same base: "2018–2021" and 13.
    func baseGroups(_ figure: FigureSeries) -> [(years: String, base: Int?)] {
        var groups: [(first: Int, last: Int, base: Int?)] = []
        for year in figure.years {
            let base = figure.base(year: year)
            if let previous = groups.last, previous.base == base {
                groups[groups.count - 1].last = year
            } else {
                groups.append((year, year, base))
            }
        }
        return groups.map { ($0.first == $0.last ? "\($0.first)" : "\($0.first)–\($0.last)", $0.base) }
    }

    func filter(of item: CatalogueItem) -> ItemFilter? { model.catalogue.filter(of: item) }

    /// "Arbeitsbündnisse, die Frage II.04 („…“) mit „ja“ oder „in Erarbeitung“ beantwortet
    /// haben"; nil for a question everybody was asked.
    func askedUnits(_ item: CatalogueItem) -> String? {
        filter(of: item).map { filter in
            "\(unit), die Frage \(filter.parent.id) („\(filter.parent.shortTitle)“) mit "
                + filter.answers.map { "„\($0)“" }.joined(separator: " oder ") + " beantwortet haben"
        }
    }

    /// "Basis: alle befragten Arbeitsbündnisse; 2017: n = 11; 2018–2021: n = 13" with the
    /// filter in words for filtered questions.
    func baseText(_ figure: FigureSeries) -> String {
        let who = model.catalogue.item(figure.itemID).flatMap(askedUnits) ?? "alle befragten \(unit)"
        let parts = baseGroups(figure).map { group in
            group.years + ": " + (group.base.map { "n = \($0)" } ?? "nicht erhoben (\(Self.notAsked))")
        }
        return "Basis: \(who); " + parts.joined(separator: "; ")
    }
}
