import Aggregate
import Formatting
import Normalise
import ReportSpec
import XlsxWriter

/// One sheet per report table, in the report's layout.
extension SheetWriter {
    func tableLayout(_ table: ReportTable) -> Layout {
        let title = Line("Tabelle \(table.number): \(table.title) [Hinweis \(Note.data.rawValue)]", .title)
        let contents = Line(Self.contentsLine(tables: 1, chart: false))
        let source = Line(model.sourceLine)
        var lines: [Line]
        let widths: [Double]
        switch table {
        case .options(let t):
            widths = [40.0] + Array(repeating: 18.0, count: t.previousYear == nil ? 3 : 5)
            let who = model.catalogue.item(t.itemID).flatMap(askedUnits) ?? "alle befragten \(unit)"
            lines = [
                title, contents, Line("Frage (\(t.itemID)): " + (model.catalogue.item(t.itemID)?.question ?? "")),
                Line("Basis: \(who); n je Jahr in der Tabelle [Hinweis \(Note.base.rawValue)]"), source,
            ]
        case .themeSummary(let t):
            widths = [40.0, 16, 14, 16, 22, 20, 20]
            let previous = t.previousYear.map(String.init) ?? "–"
            let pooling = t.roleKeys == nil ? "" : " Fragen mit verschiedenen Antwortskalen zählen nach der Richtung der Antwort zusammen."
            lines = [
                title, contents,
                Line(
                    "Die Antworten auf alle Hauptfragen eines Themenbereichs mit Antwortskala im Jahr \(t.year) zusammengefasst; "
                        + "Veränderung gegenüber \(previous) in Prozentpunkten." + pooling),
                Line("Basis: alle Antworten der \(unit) auf die Fragen des Themenbereichs (Zahl in der Tabelle)"), source,
            ]
        case .freeText(let t):
            widths = [40.0, 80, 22]
            let answered = t.columns.map { "\($0.heading): n = \($0.respondents)" }.joined(separator: "; ")
            lines = [
                title, contents,
                Line("Offene Antworten \(t.year), in einzelne Nennungen zerlegt; Anzahl = \(unit), die sie nannten."),
                Line("Basis: \(unit), die die Frage mit Text beantwortet haben; \(answered) [Hinweis \(Note.base.rawValue)]"), source,
            ]
        }
        return Layout(lines: lines, widths: widths, top: Self.rows(lines, width: widths.reduce(0, +)).count + 2)
    }

    /// The cells of a table whose value an earlier publication stated otherwise.
    func revisedCells(_ table: ReportTable, sheet: String) -> [RevisedCell] {
        guard let revisions = model.revisions, case .themeSummary(let t) = table else { return [] }
        let top = tableLayout(table).top
        var cells: [RevisedCell] = []
        let themeWords = Set(revisions.revisions.map(\.published.item).filter { $0.contains(" ") })
        for (k, column) in t.columns.enumerated() {
            // The publication names a theme as "<word> <code>" ("Themenbereich III").
            guard let item = themeWords.first(where: { $0.split(separator: " ").last.map(String.init) == column.theme }) else { continue }
            for (i, category) in t.categories.enumerated() {
                let row = top + 1 + k * t.categories.count + i
                let place = "Tabelle \(t.number), \(column.theme), „\(category)“"
                if let revision = revisions.revision(item: item, year: "\(t.year)", category: category, unit: "count") {
                    cells.append(RevisedCell(sheet: sheet, row: row, column: 2, place: place + ", \(t.year)", revision: revision))
                }
                if let revision = revisions.revision(item: item, year: "\(t.year)", category: category, unit: "percent") {
                    cells.append(RevisedCell(sheet: sheet, row: row, column: 3, place: place + ", \(t.year)", revision: revision))
                }
                if let previous = t.previousYear,
                    let revision = revisions.revision(item: item, year: "\(t.year) vs \(previous)", category: category, unit: "percentage points")
                {
                    cells.append(
                        RevisedCell(
                            sheet: sheet, row: row, column: 4, place: place + ", Veränderung \(previous)–\(t.year)",
                            revision: revision))
                }
            }
        }
        return cells
    }

    func table(_ table: ReportTable, revised: [RevisedCell]) throws(XlsxError) {
        guard let name = plan.tables[table.number] else { return }
        let layout = tableLayout(table)
        let sheet = try openSheet(name, layout)
        let widths = layout.widths
        let top = layout.top
        let tableName = Self.tableName(name, subject: table.title)
        let marks = Set(revised.map { "\($0.row),\($0.column)" })
        let small = model.smallCells
        switch table {
        case .options(let t):
            let heading = spec.tables.first { $0.number == t.number }?.headings.first ?? "Antwortoption"
            var headers = [heading]
            if let previous = t.previousYear { headers += ["\(previous) (Anzahl)", "\(previous) Basis (n)"] }
            headers += ["\(t.year) (Anzahl)", "\(t.year) Basis (n)", "\(t.year) (Anteil in %)"]
            try self.table(
                sheet, rows: top...(top + t.rows.count), columns: 0...(headers.count - 1), name: tableName, headers: headers,
                columnWidths: widths)
            for (r, entry) in t.rows.enumerated() {
                let row = top + 1 + r
                var column = 0
                try sheet.write(entry.option, row: row, column: column, format: formats.wrapped)
                try fit(sheet, row: row, [(entry.option, widths[0])])
                column += 1
                if t.previousYear != nil {
                    if let previous = entry.previous {
                        if small.withheld(count: previous.count, base: previous.base) {
                            try sheet.write(Self.withheld, row: row, column: column, format: formats.notAsked)
                        } else {
                            try sheet.write(Double(previous.count), row: row, column: column, format: formats.count)
                        }
                        try sheet.write(Double(previous.base), row: row, column: column + 1, format: formats.count)
                    } else {
                        try sheet.write(Self.notAsked, row: row, column: column, format: formats.notAsked)
                        try sheet.write(Self.notAsked, row: row, column: column + 1, format: formats.notAsked)
                    }
                    column += 2
                }
                let hidden = small.withheld(count: entry.count, base: entry.base)
                if hidden {
                    try sheet.write(Self.withheld, row: row, column: column, format: formats.notAsked)
                } else {
                    try sheet.write(Double(entry.count), row: row, column: column, format: formats.count)
                }
                try sheet.write(Double(entry.base), row: row, column: column + 1, format: formats.count)
                if hidden {
                    try sheet.write(Self.withheld, row: row, column: column + 2, format: formats.notAsked)
                } else if let share = entry.share {
                    try sheet.write(share.value, row: row, column: column + 2, format: formats.share)
                } else {
                    try sheet.write(Self.notAsked, row: row, column: column + 2, format: formats.notAsked)
                }
            }
        case .themeSummary(let t):
            let previous = t.previousYear.map(String.init) ?? "–"
            let headers = [
                "Themenbereich", "Antwort", "\(t.year) (Anzahl)", "\(t.year) (Anteil in %)",
                "Veränderung ggü. \(previous) (PP)", "\(t.year) Basis (Antworten)", "\(previous) Basis (Antworten)",
            ]
            try self.table(
                sheet, rows: top...(top + t.columns.count * t.categories.count), columns: 0...(headers.count - 1),
                name: tableName, headers: headers, columnWidths: widths)
            var row = top + 1
            for column in t.columns {
                let withheld = small.withheld(distribution: column.cells.map(\.count))
                for (i, category) in t.categories.enumerated() {
                    let cell = column.cells[i]
                    let theme = "\(column.theme). \(column.title)"
                    try sheet.write(theme, row: row, column: 0, format: formats.wrapped)
                    try fit(sheet, row: row, [(theme, widths[0])])
                    try sheet.write(category, row: row, column: 1, format: formats.text)
                    if withheld.contains(i) {
                        for c in 2...4 { try sheet.write(Self.withheld, row: row, column: c, format: formats.notAsked) }
                    } else {
                        try sheet.write(Double(cell.count), row: row, column: 2, format: formats.number(.count, revised: marks.contains("\(row),2")))
                        try sheet.write(cell.share.value, row: row, column: 3, format: formats.number(.share, revised: marks.contains("\(row),3")))
                        if let change = cell.change {
                            try sheet.write(
                                change.value * 100, row: row, column: 4,
                                format: formats.number(.points, revised: marks.contains("\(row),4")))
                        } else {
                            try sheet.write(Self.notAsked, row: row, column: 4, format: formats.notAsked)
                        }
                    }
                    try sheet.write(Double(cell.total), row: row, column: 5, format: formats.count)
                    if let previousTotal = column.previousTotal {
                        try sheet.write(Double(previousTotal), row: row, column: 6, format: formats.count)
                    } else {
                        try sheet.write(Self.notAsked, row: row, column: 6, format: formats.notAsked)
                    }
                    row += 1
                }
            }
        case .freeText(let t):
            let headers = ["Frage", "Nennung", "Anzahl \(unit)"]
            var rows: [(heading: String, text: String, count: Int?)] = []
            for column in t.columns {
                // Entries too few units named are counted in one line, not listed.
                let (shown, hidden) = small.split(column.entries)
                rows += shown.map { (column.heading, $0.text, $0.regions) }
                if hidden > 0, let minimum = small.minimum {
                    rows.append((column.heading, "weitere Nennungen (\(hidden), von jeweils weniger als \(minimum) \(unit))", nil))
                }
            }
            try self.table(
                sheet, rows: top...(top + max(rows.count, 1)), columns: 0...2, name: tableName, headers: headers,
                columnWidths: widths)
            for (r, entry) in rows.enumerated() {
                let row = top + 1 + r
                try sheet.write(entry.heading, row: row, column: 0, format: formats.wrapped)
                try sheet.write(entry.text, row: row, column: 1, format: formats.wrapped)
                if let count = entry.count {
                    try sheet.write(Double(count), row: row, column: 2, format: formats.count)
                } else {
                    try sheet.write(Self.withheld, row: row, column: 2, format: formats.notAsked)
                }
                try fit(sheet, row: row, [(entry.heading, widths[0]), (entry.text, widths[1])])
            }
        }
        try sheet.freezePanes(row: top + 1)
        try sheet.ignoreNumbersStoredAsText(in: "A1:XFD1048576")
        try sheet.setPage(page(landscape: true, repeatRows: top...top))
    }
}
