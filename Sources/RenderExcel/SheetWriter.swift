import Aggregate
import Formatting
import Normalise
import XlsxWriter

/// Writes the annex's sheets. Rows and columns are 0-based.
struct SheetWriter {
    let workbook: XlsxWorkbook
    let formats: AnnexFormats
    let model: ReportModel
    let plan: AnnexWriter.Plan

    private var spec: ReportSpec { model.spec }
    private var unit: String { spec.unitPlural }
    /// Columns a title or note spans.
    private let span = 0...7

    // MARK: Contents

    func contents() throws(XlsxError) {
        let sheet = try workbook.addWorksheet(named: plan.contents)
        try sheet.setColumns(0...0, width: 14)
        try sheet.setColumns(1...1, width: 90)
        try sheet.setColumns(2...2, width: 14)
        try titleRow(sheet, row: 0, text: spec.title, columns: 0...2)
        try sheet.write(spec.subtitle, row: 1, column: 0, format: formats.subtitle)
        let byline = [spec.author, spec.institution, GermanFormat.date(iso: spec.date)].filter { !$0.isEmpty }
        try sheet.write(byline.joined(separator: " · "), row: 2, column: 0, format: formats.text)
        try noteRow(sheet, row: 4, text: "Datenhinweis: " + spec.dataNote, columns: 0...2)
        try sheet.write("Nr.", row: 6, column: 0, format: formats.header)
        try sheet.write("Inhalt", row: 6, column: 1, format: formats.header)
        try sheet.write("Blatt", row: 6, column: 2, format: formats.header)
        var row = 7
        // The links sit on the short label and the sheet name: spreadsheet programs do not
        // wrap link cells, and the titles are long.
        func entry(_ label: String, _ title: String, _ target: String) throws(XlsxError) {
            let link = "internal:" + SheetNames.reference(target)
            try sheet.writeLink(link, text: label, row: row, column: 0, format: formats.link)
            try sheet.write(title, row: row, column: 1, format: formats.wrapped)
            try sheet.setRowHeight(row, height: RowHeight.forText(title, columnWidth: 90))
            try sheet.writeLink(link, text: target, row: row, column: 2, format: formats.link)
            row += 1
        }
        for figure in model.figures {
            try entry("Abbildung \(figure.number)", figure.caption, plan.figures[figure.number] ?? "")
        }
        for table in model.tables {
            try entry("Tabelle \(table.number)", table.title, plan.tables[table.number] ?? "")
        }
        try entry("Daten", "Antworten aller \(unit) je Welle und Frage (bereinigt)", plan.answers)
        try entry("Prüfung", "Validierungshinweise zu den Eingangsdaten", plan.validation)
        try sheet.write(model.sourceLine, row: row + 1, column: 0, format: formats.inlineNote)
        sheet.freezePanes(row: 7)
        try sheet.setPage(.init(landscape: false, fitWidth: 1, fitHeight: 0, repeatRows: 6...6, footer: model.sourceLine))
    }

    // MARK: Figures

    func figure(_ figure: FigureSeries) throws(XlsxError) {
        guard let name = plan.figures[figure.number] else { return }
        let sheet = try workbook.addWorksheet(named: name)
        try sheet.setColumns(0...0, width: 34)
        try sheet.setColumns(1...40, width: 14)
        try header(sheet, title: "Abbildung \(figure.number): \(figure.caption)", item: figure.itemID, question: figure.question)
        let top = 5
        let asked = figure.years.filter { figure.asked(year: $0) }
        let lastDataRow: Int
        let chart: XlsxChart
        switch figure.kind {
        case .status:
            try sheet.write("Jahr", row: top, column: 0, format: formats.header)
            try sheet.write("n", row: top, column: 1, format: formats.header)
            for (i, category) in figure.categories.enumerated() {
                try sheet.write(category, row: top, column: 2 + i, format: formats.header)
                try sheet.write("\(category) (Anteil)", row: top, column: 2 + figure.categories.count + i, format: formats.header)
            }
            for (r, year) in figure.years.enumerated() {
                let row = top + 1 + r
                try sheet.write(Double(year), row: row, column: 0, format: formats.count)
                guard let base = figure.base(year: year) else {
                    try sheet.write("nicht erhoben", row: row, column: 1, format: formats.notAsked)
                    continue
                }
                try sheet.write(Double(base), row: row, column: 1, format: formats.count)
                for (i, category) in figure.categories.enumerated() {
                    guard let point = figure.point(year: year, category: category) else { continue }
                    try sheet.write(Double(point.count), row: row, column: 2 + i, format: formats.count)
                    if let share = point.share {
                        try sheet.write(share.value, row: row, column: 2 + figure.categories.count + i, format: formats.share)
                    }
                }
            }
            lastDataRow = top + figure.years.count
            chart = try workbook.addChart(.stackedBar)
            let colours = Palette.colours(for: figure.categories)
            for (i, category) in figure.categories.enumerated() {
                try chart.addSeries(name: category,
                                    categories: .init(sheet: name, rows: (top + 1)...lastDataRow, columns: 0...0),
                                    values: .init(sheet: name, rows: (top + 1)...lastDataRow, columns: (2 + i)...(2 + i)),
                                    fill: colours[i], labels: true, labelsInside: true)
            }
        case .options:
            try sheet.write("Option", row: top, column: 0, format: formats.header)
            for (c, year) in figure.years.enumerated() {
                try sheet.write("\(year)", row: top, column: 1 + c, format: formats.header)
                try sheet.write("\(year) (Anteil)", row: top, column: 1 + figure.years.count + c, format: formats.header)
            }
            for (r, option) in figure.categories.enumerated() {
                let row = top + 1 + r
                try sheet.write(option, row: row, column: 0, format: formats.wrapped)
                for (c, year) in figure.years.enumerated() {
                    guard let point = figure.point(year: year, category: option), point.asked else {
                        try sheet.write("nicht erhoben", row: row, column: 1 + figure.years.count + c, format: formats.notAsked)
                        continue
                    }
                    try sheet.write(Double(point.count), row: row, column: 1 + c, format: formats.count)
                    if let share = point.share {
                        try sheet.write(share.value, row: row, column: 1 + figure.years.count + c, format: formats.share)
                    }
                }
            }
            lastDataRow = top + figure.categories.count
            let baseRow = lastDataRow + 1
            try sheet.write("Befragte (n)", row: baseRow, column: 0, format: formats.text)
            for (c, year) in figure.years.enumerated() {
                if let base = figure.base(year: year) {
                    try sheet.write(Double(base), row: baseRow, column: 1 + c, format: formats.count)
                } else {
                    try sheet.write("nicht erhoben", row: baseRow, column: 1 + c, format: formats.notAsked)
                }
            }
            chart = try workbook.addChart(.clusteredBar)
            let colours = Palette.waveColours(count: asked.count)
            for (k, year) in asked.enumerated() {
                guard let c = figure.years.firstIndex(of: year) else { continue }
                try chart.addSeries(name: "\(year)",
                                    categories: .init(sheet: name, rows: (top + 1)...lastDataRow, columns: 0...0),
                                    values: .init(sheet: name, rows: (top + 1)...lastDataRow, columns: (1 + c)...(1 + c)),
                                    fill: colours[k], labels: true, labelsInside: false)
            }
        }
        let notesRow = lastDataRow + (figure.kind == .options ? 3 : 2)
        try sheet.write(model.sourceLine, row: notesRow, column: 0, format: formats.inlineNote)
        try noteRow(sheet, row: notesRow + 1, text: "Datenhinweis: " + spec.dataNote, columns: span)
        chart.title("Abbildung \(figure.number)")
        chart.axes(valueTitle: "Anzahl \(unit) (n = \(model.regionCount))", maximum: Double(model.regionCount))
        chart.legendAtBottom()
        try sheet.insert(chart, row: notesRow + 3, column: 0, scaleX: 1.9, scaleY: figure.kind == .options ? 1.6 : 1.2,
                         description: "Abbildung \(figure.number): \(figure.caption). Die Werte stehen in der Tabelle oberhalb.")
        sheet.freezePanes(row: top + 1)
        try sheet.setPage(.init(landscape: true, fitWidth: 1, fitHeight: 1, repeatRows: top...top, footer: model.sourceLine))
    }

    // MARK: Tables

    func table(_ table: ReportTable) throws(XlsxError) {
        guard let name = plan.tables[table.number] else { return }
        let sheet = try workbook.addWorksheet(named: name)
        try header(sheet, title: "Tabelle \(table.number): \(table.title)", item: nil, question: nil)
        let top = 4
        var row = top + 1
        switch table {
        case .options(let t):
            try sheet.setColumns(0...0, width: 40)
            try sheet.setColumns(1...3, width: 14)
            try sheet.write("Befragung \(t.year): " + (model.catalogue.item(t.itemID)?.question ?? ""), row: 2, column: 0,
                            format: formats.subtitle)
            for (c, title) in ["Option", "Anzahl", "Basis (n)", "Anteil"].enumerated() {
                try sheet.write(title, row: top, column: c, format: formats.header)
            }
            for entry in t.rows {
                try sheet.write(entry.option, row: row, column: 0, format: formats.wrapped)
                try sheet.write(Double(entry.count), row: row, column: 1, format: formats.count)
                try sheet.write(Double(entry.base), row: row, column: 2, format: formats.count)
                if let share = entry.share { try sheet.write(share.value, row: row, column: 3, format: formats.share) }
                row += 1
            }
        case .themeSummary(let t):
            try sheet.setColumns(0...0, width: 22)
            try sheet.setColumns(1...(2 * t.columns.count), width: 20)
            let previous = t.previousYear.map(String.init) ?? "–"
            try sheet.write("Alle Statusfragen eines Themenbereichs in \(t.year) zusammengefasst; Veränderung gegenüber \(previous) in Prozentpunkten (PP).",
                            row: 2, column: 0, format: formats.subtitle)
            try sheet.write("Antwort", row: top, column: 0, format: formats.header)
            for (c, column) in t.columns.enumerated() {
                try sheet.write("\(column.theme). \(column.title): Anteil \(t.year)", row: top, column: 1 + 2 * c, format: formats.header)
                try sheet.write("Veränderung ggü. \(previous)", row: top, column: 2 + 2 * c, format: formats.header)
            }
            try sheet.setRowHeight(top, height: 45)
            for (i, category) in t.categories.enumerated() {
                try sheet.write(category, row: row, column: 0, format: formats.text)
                for (c, column) in t.columns.enumerated() {
                    let cell = column.cells[i]
                    try sheet.write(cell.share.value, row: row, column: 1 + 2 * c, format: formats.share)
                    if let change = cell.change {
                        try sheet.write(change.value * 100, row: row, column: 2 + 2 * c, format: formats.points)
                    }
                }
                row += 1
            }
            try sheet.write("Basis (Antworten)", row: row, column: 0, format: formats.text)
            for (c, column) in t.columns.enumerated() {
                try sheet.write(Double(column.cells.first?.total ?? 0), row: row, column: 1 + 2 * c, format: formats.count)
                if let previousTotal = column.previousTotal {
                    try sheet.write(Double(previousTotal), row: row, column: 2 + 2 * c, format: formats.count)
                }
            }
            row += 1
        case .freeText(let t):
            try sheet.write("Offene Antworten \(t.year), in einzelne Nennungen zerlegt; Zahl = Anzahl der \(unit), die sie nannten.",
                            row: 2, column: 0, format: formats.subtitle)
            for (c, column) in t.columns.enumerated() {
                try sheet.setColumns((2 * c)...(2 * c), width: 60)
                try sheet.setColumns((2 * c + 1)...(2 * c + 1), width: 12)
                try sheet.write(column.heading, row: top, column: 2 * c, format: formats.header)
                try sheet.write("Nennungen", row: top, column: 2 * c + 1, format: formats.header)
                for (r, entry) in column.entries.enumerated() {
                    try sheet.write(entry.text, row: top + 1 + r, column: 2 * c, format: formats.wrapped)
                    try sheet.write(Double(entry.regions), row: top + 1 + r, column: 2 * c + 1, format: formats.count)
                }
            }
            row = top + 1 + (t.columns.map(\.entries.count).max() ?? 0)
        }
        try sheet.write(model.sourceLine, row: row + 1, column: 0, format: formats.inlineNote)
        try noteRow(sheet, row: row + 2, text: "Datenhinweis: " + spec.dataNote, columns: span)
        sheet.freezePanes(row: top + 1)
        try sheet.setPage(.init(landscape: true, fitWidth: 1, fitHeight: 0, repeatRows: top...top, footer: model.sourceLine))
    }

    // MARK: Data sheets

    func answers(_ answers: [TidyAnswer]) throws(XlsxError) {
        let sheet = try workbook.addWorksheet(named: plan.answers)
        let headers = ["Welle", "Jahr", "AGS", "Region", "Frage", "Kurztitel", "Antwort"]
        for (c, width) in [7.0, 7, 9, 24, 10, 40, 70].enumerated() { try sheet.setColumns(c...c, width: width) }
        for (c, title) in headers.enumerated() { try sheet.write(title, row: 0, column: c, format: formats.header) }
        for (i, answer) in answers.enumerated() {
            let row = i + 1
            try sheet.write(Double(answer.wave), row: row, column: 0, format: formats.count)
            try sheet.write(Double(answer.year), row: row, column: 1, format: formats.count)
            try sheet.write(answer.regionAGS, row: row, column: 2)
            try sheet.write(answer.region, row: row, column: 3)
            try sheet.write(answer.item, row: row, column: 4)
            try sheet.write(model.catalogue.item(answer.item)?.shortTitle ?? "", row: row, column: 5)
            // Always a string cell: free text starting with "=" stays text.
            try sheet.write(answer.value, row: row, column: 6, format: answer.isFreeText ? formats.wrapped : nil)
        }
        try sheet.autofilter(rows: 0...max(answers.count, 1), columns: 0...(headers.count - 1))
        sheet.freezePanes(row: 1)
        try sheet.setPage(.init(landscape: true, fitWidth: 1, fitHeight: 0, repeatRows: 0...0, footer: model.sourceLine))
    }

    func validation(_ issues: [ValidationIssue]) throws(XlsxError) {
        let sheet = try workbook.addWorksheet(named: plan.validation)
        let headers = ["Art", "Ort (Datei › Blatt › Zelle)", "Frage", "Region", "Hinweis"]
        for (c, width) in [9.0, 50, 10, 22, 80].enumerated() { try sheet.setColumns(c...c, width: width) }
        for (c, title) in headers.enumerated() { try sheet.write(title, row: 0, column: c, format: formats.header) }
        for (i, issue) in issues.enumerated() {
            let row = i + 1
            try sheet.write(issue.severity == .error ? "Fehler" : "Hinweis", row: row, column: 0)
            try sheet.write(issue.location?.description ?? "–", row: row, column: 1, format: formats.wrapped)
            try sheet.write(issue.item ?? "–", row: row, column: 2)
            try sheet.write(issue.region ?? "–", row: row, column: 3)
            try sheet.write(issue.german, row: row, column: 4, format: formats.wrapped)
        }
        if issues.isEmpty { try sheet.write("Keine Hinweise.", row: 1, column: 0) }
        try sheet.autofilter(rows: 0...max(issues.count, 1), columns: 0...(headers.count - 1))
        sheet.freezePanes(row: 1)
        try sheet.setPage(.init(landscape: true, fitWidth: 1, fitHeight: 0, repeatRows: 0...0, footer: model.sourceLine))
    }

    // MARK: Shared pieces

    /// Title, link back to the contents, and the question's wording.
    private func header(_ sheet: XlsxWorksheet, title: String, item: String?, question: String?) throws(XlsxError) {
        try titleRow(sheet, row: 0, text: title, columns: span)
        try sheet.writeLink("internal:" + SheetNames.reference(plan.contents), text: "← zurück zum Inhalt",
                            row: 1, column: 0, format: formats.link)
        if let item, let question {
            try noteRow(sheet, row: 2, text: "Frage (\(item)): \(question)", columns: span, format: formats.subtitle)
            try sheet.write("Basis: \(unit) je Erhebungsjahr (Grundgesamtheit n = \(model.regionCount)); "
                            + "„nicht erhoben“: in dieser Welle nicht gefragt.", row: 3, column: 0, format: formats.inlineNote)
        }
    }

    private func titleRow(_ sheet: XlsxWorksheet, row: Int, text: String, columns: ClosedRange<Int>) throws(XlsxError) {
        try sheet.merge(rows: row...row, columns: columns, text: text, format: formats.title)
        try sheet.setRowHeight(row, height: RowHeight.forText(text, columnWidth: 100, fontSize: 13))
    }

    private func noteRow(_ sheet: XlsxWorksheet, row: Int, text: String, columns: ClosedRange<Int>,
                         format: XlsxFormat? = nil) throws(XlsxError) {
        try sheet.merge(rows: row...row, columns: columns, text: text, format: format ?? formats.note)
        try sheet.setRowHeight(row, height: RowHeight.forText(text, columnWidth: 120))
    }
}

/// Row heights for wrapped text. libxlsxwriter cannot measure text and spreadsheet programs
/// do not re-fit rows on opening, so the height is estimated from the column width (in
/// characters of the default font) with room to spare.
enum RowHeight {
    static func forText(_ text: String, columnWidth: Double, fontSize: Double = 11) -> Double {
        let charactersPerLine = max(10, columnWidth * 1.05 * 11 / fontSize)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).reduce(0) { total, line in
            total + max(1, Int((Double(line.count) / charactersPerLine).rounded(.up)))
        }
        return Double(lines) * fontSize * 1.4
    }
}
