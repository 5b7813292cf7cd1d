import Aggregate
import Formatting
import Normalise
import XlsxWriter

/// Writes the annex's sheets, laid out as official statistics publish spreadsheets (the UK
/// Analysis Function's "Releasing statistics in spreadsheets", Destatis conventions):
/// titles and notes in column A and never merged, every data range an Excel table with
/// unique headers that carry their unit, the base of every figure stated per year with
/// its filter, one symbol ("x") for a question not asked, explained on the cover.
/// Rows and columns are 0-based.
struct SheetWriter {
    let workbook: XlsxWorkbook
    let formats: AnnexFormats
    let model: ReportModel
    let plan: AnnexWriter.Plan

    private var spec: ReportSpec { model.spec }
    private var unit: String { spec.unitPlural }

    /// The symbol for "not asked in this wave" (Destatis: "x" = Tabellenfach gesperrt, weil
    /// Aussage nicht sinnvoll): every cell it applies to holds it, and the cover explains it.
    static let notAsked = "x"

    /// The notes of the notes sheet, numbered in this order and referenced from titles.
    enum Note: Int, CaseIterable {
        case data = 1, base, notAsked, rounding, revisions
    }

    // MARK: Cover, contents, notes, codebook

    func cover() throws(XlsxError) {
        let sheet = try workbook.addWorksheet(named: plan.cover)
        try sheet.setColumns(0...0, width: 24)
        try sheet.setColumns(1...1, width: 100)
        try sheet.write(spec.title, row: 0, column: 0, format: formats.title)
        try sheet.write([spec.subtitle, "Tabellenanhang"].filter { !$0.isEmpty }.joined(separator: " – "), row: 1, column: 0,
                        format: formats.subtitle)
        var row = 3
        func field(_ label: String, _ value: String) throws(XlsxError) {
            guard !value.isEmpty else { return }
            try sheet.write(label, row: row, column: 0, format: formats.label)
            try sheet.write(value, row: row, column: 1, format: formats.wrapped)
            try sheet.setRowHeight(row, height: RowHeight.forText(value, columnWidth: 100))
            row += 1
        }
        try field("Beschreibung", text("annex_description"))
        try field("Herausgeber", [spec.author, spec.institution].filter { !$0.isEmpty }.joined(separator: ", "))
        try field("Stand", GermanFormat.date(iso: spec.date))
        try field("Quelle", model.sourceLine.hasPrefix("Quelle: ") ? String(model.sourceLine.dropFirst("Quelle: ".count)) : model.sourceLine)
        try field("Methode", text("annex_method"))
        try field("Hinweis zu den Daten", spec.dataNote)
        try field("Bericht", text("annex_report"))
        try field("Kontakt", text("contact"))
        try field("Lizenz", text("licence"))
        row += 1
        try sheet.write("Zeichenerklärung", row: row, column: 0, format: formats.heading)
        row += 1
        let symbols = Self.symbols(unit: unit)
        try sheet.addTable(rows: row...(row + symbols.count), columns: 0...1, name: "Zeichenerklaerung",
                           headers: ["Zeichen", "Bedeutung"], headerFormat: formats.header)
        for (index, symbol) in symbols.enumerated() {
            try sheet.write(symbol.sign, row: row + 1 + index, column: 0, format: formats.symbol)
            try sheet.write(symbol.meaning, row: row + 1 + index, column: 1, format: formats.wrapped)
        }
        row += symbols.count + 2
        try sheet.writeLink("internal:" + SheetNames.reference(plan.contents), text: "Weiter zum Inhalt", row: row, column: 0,
                            format: formats.link)
        try sheet.setPage(.init(landscape: false, fitWidth: 1, fitHeight: 0, footer: model.sourceLine))
    }

    /// Every symbol the annex uses, with its meaning.
    static func symbols(unit: String) -> [(sign: String, meaning: String)] {
        [(notAsked, "Frage in dieser Welle nicht gestellt (nicht erhoben); kein Wert, auch nicht null"),
         ("n", "Basis: Zahl der befragten \(unit) (bei gefilterten Fragen nur die, denen die Frage gestellt wurde)"),
         ("PP", "Prozentpunkte: Differenz zweier Anteile"),
         ("%", "Anteil an der Basis; gespeichert als Dezimalzahl, angezeigt in Prozent")]
    }

    func contents() throws(XlsxError) {
        let sheet = try workbook.addWorksheet(named: plan.contents)
        try sheet.setColumns(0...0, width: 16)
        try sheet.setColumns(1...1, width: 16)
        try sheet.setColumns(2...2, width: 100)
        try sheet.write("Inhalt", row: 0, column: 0, format: formats.title)
        try sheet.write("Die Tabellenblätter dieses Anhangs; ein Klick auf den Blattnamen öffnet das Blatt.", row: 1, column: 0,
                        format: formats.text)
        var entries: [(String, String, String)] = [("Deckblatt", plan.cover, "Titel, Herausgeber, Stand, Zeichenerklärung"),
                                                   ("Hinweise", plan.notes, "Nummerierte Hinweise, auf die die Blätter verweisen")]
        for figure in model.figures {
            entries.append(("Abbildung \(figure.number)", plan.figures[figure.number] ?? "", figure.caption))
        }
        for table in model.tables { entries.append(("Tabelle \(table.number)", plan.tables[table.number] ?? "", table.title)) }
        entries.append(("Daten", plan.answers, plan.answersListed
            ? "Antworten aller \(unit) je Welle und Frage"
            : "Antworten aller \(unit) je Welle und Frage: zu viele für ein Tabellenblatt, vollständig in der Datei „\(plan.answersFile)“"))
        entries.append(("Codebuch", plan.codebook, "Alle Fragen mit Wortlaut, Typ, Filter und Wellen"))
        entries.append(("Prüfung", plan.validation, "Hinweise der Datenprüfung zu den Eingangsdaten"))
        let top = 3
        try sheet.addTable(rows: top...(top + entries.count), columns: 0...2, name: "Inhalt",
                           headers: ["Nr.", "Tabellenblatt", "Inhalt"], headerFormat: formats.header)
        for (index, entry) in entries.enumerated() {
            let row = top + 1 + index
            try sheet.write(entry.0, row: row, column: 0, format: formats.text)
            try sheet.writeLink("internal:" + SheetNames.reference(entry.1), text: entry.1, row: row, column: 1, format: formats.link)
            try sheet.write(entry.2, row: row, column: 2, format: formats.wrapped)
            try sheet.setRowHeight(row, height: RowHeight.forText(entry.2, columnWidth: 100))
        }
        try sheet.freezePanes(row: top + 1)
        try sheet.setPage(.init(landscape: false, fitWidth: 1, fitHeight: 0, repeatRows: top...top, footer: model.sourceLine))
    }

    func notes() throws(XlsxError) {
        let sheet = try workbook.addWorksheet(named: plan.notes)
        try sheet.setColumns(0...0, width: 12)
        try sheet.setColumns(1...1, width: 110)
        try sheet.write("Hinweise", row: 0, column: 0, format: formats.title)
        try sheet.write("Die Titel der Tabellenblätter verweisen mit [Hinweis n] auf diese Hinweise.", row: 1, column: 0,
                        format: formats.text)
        var texts: [Note: String] = [
            .data: spec.dataNote,
            .base: "Nachfragen (Mehrfachauswahl, offene Fragen, Folgefragen) wurden nur den \(spec.unit.dativePlural) gestellt, "
                + "deren Antwort auf die übergeordnete Frage sie öffnet; welche Frage und welche Antworten das sind, steht im "
                + "Blatt „\(plan.codebook)“ (Spalten „Filter“ und „Öffnet bei“) und über jeder Tabelle. Ihre Basis (n) ist "
                + "deshalb kleiner als die Zahl aller \(unit) und kann von Jahr zu Jahr wechseln; sie steht je Jahr im Blatt.",
            .notAsked: "„\(Self.notAsked)“: Die Frage oder Antwortoption wurde in dieser Welle nicht gestellt. Solche Jahre "
                + "gehen in keine Anteile ein und erscheinen in den Diagrammen nicht als null.",
            .rounding: "Anteile sind ungerundet als Dezimalzahlen gespeichert und werden in Prozent mit einer Nachkommastelle "
                + "angezeigt; Veränderungen in Prozentpunkten sind aus den ungerundeten Anteilen berechnet.",
        ]
        if let revisions = model.revisions {
            texts[.revisions] = "Von \(revisions.checked) Werten, die \(revisions.publication) stehen, ergeben die Daten "
                + "\(revisions.reproduced) genau; \(revisions.revisions.count) weichen ab. Der Bericht erläutert jede Abweichung "
                + "in einer Fußnote."
        }
        let notes = Note.allCases.compactMap { note in texts[note].map { (note.rawValue, $0) } }
        let top = 3
        try sheet.addTable(rows: top...(top + notes.count), columns: 0...1, name: "Hinweise", headers: ["Nr.", "Hinweis"],
                           headerFormat: formats.header)
        for (index, note) in notes.enumerated() {
            try sheet.write(Double(note.0), row: top + 1 + index, column: 0, format: formats.count)
            try sheet.write(note.1, row: top + 1 + index, column: 1, format: formats.wrapped)
            try sheet.setRowHeight(top + 1 + index, height: RowHeight.forText(note.1, columnWidth: 110))
        }
        try backLink(sheet, row: top + notes.count + 2)
        try sheet.setPage(.init(landscape: false, fitWidth: 1, fitHeight: 0, repeatRows: top...top, footer: model.sourceLine))
    }

    func codebook() throws(XlsxError) {
        let sheet = try workbook.addWorksheet(named: plan.codebook)
        for (c, width) in [10.0, 10, 16, 10, 22, 44, 80, 26].enumerated() { try sheet.setColumns(c...c, width: width) }
        try sheet.write("Codebuch: Fragen des Fragenkatalogs", row: 0, column: 0, format: formats.title)
        try sheet.write("Quelle: \(model.catalogue.fileName); „Filter“ nennt die Frage, deren Antwort die Frage öffnet, "
                        + "„Öffnet bei“ die Antworten, die sie öffnen.", row: 1, column: 0, format: formats.text)
        let top = 3
        let items = model.catalogue.items
        try sheet.addTable(rows: top...(top + max(items.count, 1)), columns: 0...7, name: "Codebuch",
                           headers: ["ID", "Themenbereich", "Typ", "Filter", "Öffnet bei", "Kurztitel", "Wortlaut", "Erhoben in"],
                           headerFormat: formats.header)
        for (index, item) in items.enumerated() {
            let row = top + 1 + index
            let waves = model.catalogue.waves.filter { wave in
                item.type == .multipleChoice
                    ? model.catalogue.options(of: item.id).contains { $0.headers[wave.number] != nil }
                    : item.headers[wave.number] != nil
            }
            let filter = filter(of: item)
            let opening = filter?.answers.map { "„\($0)“" }.joined(separator: " oder ") ?? "–"
            for (c, value) in [item.id, item.theme, item.type.rawValue, filter?.parent.id ?? "–", opening, item.shortTitle, item.question,
                               waves.isEmpty ? "–" : waves.map { String($0.year) }.joined(separator: ", ")].enumerated() {
                try sheet.write(value, row: row, column: c, format: c >= 4 && c <= 6 ? formats.wrapped : formats.text)
            }
        }
        try sheet.freezePanes(row: top + 1)
        try sheet.setPage(.init(landscape: true, fitWidth: 1, fitHeight: 0, repeatRows: top...top, footer: model.sourceLine))
    }

    // MARK: Figures

    func figure(_ figure: FigureSeries) throws(XlsxError) {
        guard let name = plan.figures[figure.number] else { return }
        let sheet = try workbook.addWorksheet(named: name)
        try sheet.setColumns(0...0, width: 36)
        try sheet.setColumns(1...40, width: 15)
        let item = model.catalogue.item(figure.itemID)
        let filtered = figure.kind == .options || item?.parentID != nil
        try sheet.write("Abbildung \(figure.number): \(figure.caption) [Hinweis \(Note.data.rawValue)]", row: 0, column: 0,
                        format: formats.title)
        try sheet.write("Frage (\(figure.itemID)): \(figure.question)", row: 1, column: 0, format: formats.text)
        try sheet.write(baseText(figure) + (filtered ? " [Hinweis \(Note.base.rawValue)]" : ""), row: 2, column: 0, format: formats.text)
        try backLink(sheet, row: 3)
        let top = 5
        let asked = figure.years.filter { figure.asked(year: $0) }
        let chart: XlsxChart
        var lastRow: Int
        switch figure.kind {
        case .status:
            let headers = ["Jahr", "Basis (n)"] + figure.categories.map { "\($0) (Anzahl)" } + figure.categories.map { "\($0) (Anteil in %)" }
            lastRow = top + figure.years.count
            try table(sheet, rows: top...lastRow, columns: 0...(headers.count - 1), name: Self.tableName(name), headers: headers,
                      columnWidth: 15)
            for (r, year) in figure.years.enumerated() {
                let row = top + 1 + r
                try sheet.write(Double(year), row: row, column: 0, format: formats.year)
                guard let base = figure.base(year: year) else {
                    for c in 1..<headers.count { try sheet.write(Self.notAsked, row: row, column: c, format: formats.notAsked) }
                    continue
                }
                try sheet.write(Double(base), row: row, column: 1, format: formats.count)
                for (i, category) in figure.categories.enumerated() {
                    let point = figure.point(year: year, category: category)
                    try sheet.write(Double(point?.count ?? 0), row: row, column: 2 + i, format: formats.count)
                    if let share = point?.share {
                        try sheet.write(share.value, row: row, column: 2 + figure.categories.count + i, format: formats.share)
                    } else {
                        try sheet.write(Self.notAsked, row: row, column: 2 + figure.categories.count + i, format: formats.notAsked)
                    }
                }
            }
            // The chart shows the asked years only: a year not asked is no bar of zero.
            let firstAsked = figure.years.firstIndex { figure.asked(year: $0) } ?? 0
            let lastAsked = figure.years.lastIndex { figure.asked(year: $0) } ?? 0
            let rows = (top + 1 + firstAsked)...(top + 1 + lastAsked)
            chart = try workbook.addChart(.stackedBar)
            let colours = Palette.colours(for: figure.categories, scales: spec.scales, missing: model.catalogue.missingCategory)
            for (i, category) in figure.categories.enumerated() {
                try chart.addSeries(name: category, categories: .init(sheet: name, rows: rows, columns: 0...0),
                                    values: .init(sheet: name, rows: rows, columns: (2 + i)...(2 + i)),
                                    fill: colours[i], labels: true, labelsInside: true)
            }
        case .options:
            let headers = ["Antwortoption"] + figure.years.map { "\($0) (Anzahl)" } + figure.years.map { "\($0) (Anteil in %)" }
            lastRow = top + figure.categories.count
            try table(sheet, rows: top...lastRow, columns: 0...(headers.count - 1), name: Self.tableName(name), headers: headers,
                      columnWidth: 15)
            for (r, option) in figure.categories.enumerated() {
                let row = top + 1 + r
                try sheet.write(option, row: row, column: 0, format: formats.wrapped)
                for (c, year) in figure.years.enumerated() {
                    guard let point = figure.point(year: year, category: option), point.asked, let share = point.share else {
                        try sheet.write(Self.notAsked, row: row, column: 1 + c, format: formats.notAsked)
                        try sheet.write(Self.notAsked, row: row, column: 1 + figure.years.count + c, format: formats.notAsked)
                        continue
                    }
                    try sheet.write(Double(point.count), row: row, column: 1 + c, format: formats.count)
                    try sheet.write(share.value, row: row, column: 1 + figure.years.count + c, format: formats.share)
                }
            }
            // The base per year, as a table of its own.
            let baseTop = lastRow + 2
            try sheet.addTable(rows: baseTop...(baseTop + figure.years.count), columns: 0...1, name: Self.tableName(name) + "_Basis",
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
                try chart.addSeries(name: "\(year)", categories: .init(sheet: name, rows: (top + 1)...lastRow, columns: 0...0),
                                    values: .init(sheet: name, rows: (top + 1)...lastRow, columns: (1 + c)...(1 + c)),
                                    fill: colours[k], labels: true, labelsInside: false, customLabels: labels)
            }
            lastRow = baseTop + figure.years.count
        }
        let notesRow = lastRow + 2
        try sheet.write(model.sourceLine, row: notesRow, column: 0, format: formats.inlineNote)
        try chart.title("Abbildung \(figure.number): \(figure.caption)", size: 10)
        let bases = asked.compactMap { figure.base(year: $0) }
        let sameBase = Set(bases).count == 1
        try chart.axes(valueTitle: "Anzahl \(unit)" + (sameBase ? " (n = \(bases[0]))" : " (n je Jahr: Tabelle)"),
                   maximum: Double(bases.max() ?? model.regionCount))
        try chart.legendAtBottom()
        try sheet.insert(chart, row: notesRow + 2, column: 0, scaleX: 1.9, scaleY: figure.kind == .options ? 1.6 : 1.2,
                         description: "Abbildung \(figure.number): \(figure.caption). " + figure.dataSentence(unitPlural: unit))
        try sheet.freezePanes(row: top + 1)
        try sheet.ignoreNumbersStoredAsText(in: "A1:XFD1048576")
        try sheet.setPage(.init(landscape: true, fitWidth: 1, fitHeight: 1, repeatRows: top...top, footer: model.sourceLine))
    }

    /// "Basis: alle 13 Arbeitsbündnisse; 2017: n = 11; 2018–2021: n = 13" with the filter in
    /// words for filtered questions.
    func filter(of item: CatalogueItem) -> ItemFilter? { model.catalogue.filter(of: item) }

    /// "Arbeitsbündnisse, die Frage II.04 („…“) mit „ja“ oder „in Erarbeitung“ beantwortet
    /// haben"; nil for a question everybody was asked.
    func askedUnits(_ item: CatalogueItem) -> String? {
        filter(of: item).map { filter in
            "\(unit), die Frage \(filter.parent.id) („\(filter.parent.shortTitle)“) mit "
                + filter.answers.map { "„\($0)“" }.joined(separator: " oder ") + " beantwortet haben"
        }
    }

    func baseText(_ figure: FigureSeries) -> String {
        let who = model.catalogue.item(figure.itemID).flatMap(askedUnits) ?? "alle befragten \(unit)"
        var groups: [(first: Int, last: Int, base: Int?)] = []
        for year in figure.years {
            let base = figure.base(year: year)
            if let previous = groups.last, previous.base == base {
                groups[groups.count - 1].last = year
            } else {
                groups.append((year, year, base))
            }
        }
        let parts = groups.map { group -> String in
            let years = group.first == group.last ? "\(group.first)" : "\(group.first)–\(group.last)"
            return years + ": " + (group.base.map { "n = \($0)" } ?? "nicht erhoben (\(Self.notAsked))")
        }
        return "Basis: \(who); " + parts.joined(separator: "; ")
    }

    // MARK: Tables

    func table(_ table: ReportTable) throws(XlsxError) {
        guard let name = plan.tables[table.number] else { return }
        let sheet = try workbook.addWorksheet(named: name)
        try sheet.write("Tabelle \(table.number): \(table.title) [Hinweis \(Note.data.rawValue)]", row: 0, column: 0, format: formats.title)
        let top = 5
        var lastRow = top
        switch table {
        case .options(let t):
            try sheet.setColumns(0...0, width: 40)
            try sheet.setColumns(1...5, width: 18)
            try sheet.write("Frage (\(t.itemID)): " + (model.catalogue.item(t.itemID)?.question ?? ""), row: 1, column: 0,
                            format: formats.text)
            let who = model.catalogue.item(t.itemID).flatMap(askedUnits) ?? "alle befragten \(unit)"
            try sheet.write("Basis: \(who); n je Jahr in der Tabelle [Hinweis \(Note.base.rawValue)]",
                            row: 2, column: 0, format: formats.text)
            let heading = spec.tables.first { $0.number == t.number }?.headings.first ?? "Antwortoption"
            var headers = [heading]
            if let previous = t.previousYear { headers += ["\(previous) (Anzahl)", "\(previous) Basis (n)"] }
            headers += ["\(t.year) (Anzahl)", "\(t.year) Basis (n)", "\(t.year) (Anteil in %)"]
            lastRow = top + t.rows.count
            try self.table(sheet, rows: top...lastRow, columns: 0...(headers.count - 1), name: Self.tableName(name), headers: headers,
                           columnWidth: 18)
            for (r, entry) in t.rows.enumerated() {
                let row = top + 1 + r
                var column = 0
                try sheet.write(entry.option, row: row, column: column, format: formats.wrapped)
                column += 1
                if t.previousYear != nil {
                    if let previous = entry.previous {
                        try sheet.write(Double(previous.count), row: row, column: column, format: formats.count)
                        try sheet.write(Double(previous.base), row: row, column: column + 1, format: formats.count)
                    } else {
                        try sheet.write(Self.notAsked, row: row, column: column, format: formats.notAsked)
                        try sheet.write(Self.notAsked, row: row, column: column + 1, format: formats.notAsked)
                    }
                    column += 2
                }
                try sheet.write(Double(entry.count), row: row, column: column, format: formats.count)
                try sheet.write(Double(entry.base), row: row, column: column + 1, format: formats.count)
                if let share = entry.share {
                    try sheet.write(share.value, row: row, column: column + 2, format: formats.share)
                } else {
                    try sheet.write(Self.notAsked, row: row, column: column + 2, format: formats.notAsked)
                }
            }
        case .themeSummary(let t):
            for (c, width) in [40.0, 16, 14, 16, 22, 20, 20].enumerated() { try sheet.setColumns(c...c, width: width) }
            let previous = t.previousYear.map(String.init) ?? "–"
            let pooling = t.roleKeys == nil ? "" : " Fragen mit verschiedenen Antwortskalen zählen nach der Richtung der Antwort zusammen."
            try sheet.write("Die Antworten auf alle Hauptfragen eines Themenbereichs mit Antwortskala in \(t.year) zusammengefasst; "
                            + "Veränderung gegenüber \(previous) in Prozentpunkten." + pooling, row: 1, column: 0, format: formats.text)
            try sheet.write("Basis: alle Antworten der \(unit) auf die Fragen des Themenbereichs (Zahl in der Tabelle)",
                            row: 2, column: 0, format: formats.text)
            let headers = ["Themenbereich", "Antwort", "\(t.year) (Anzahl)", "\(t.year) (Anteil in %)",
                           "Veränderung ggü. \(previous) (PP)", "\(t.year) Basis (Antworten)", "\(previous) Basis (Antworten)"]
            lastRow = top + t.columns.count * t.categories.count
            try self.table(sheet, rows: top...lastRow, columns: 0...(headers.count - 1), name: Self.tableName(name), headers: headers,
                           columnWidth: 16)
            var row = top + 1
            for column in t.columns {
                for (i, category) in t.categories.enumerated() {
                    let cell = column.cells[i]
                    try sheet.write("\(column.theme). \(column.title)", row: row, column: 0, format: formats.wrapped)
                    try sheet.write(category, row: row, column: 1, format: formats.text)
                    try sheet.write(Double(cell.count), row: row, column: 2, format: formats.count)
                    try sheet.write(cell.share.value, row: row, column: 3, format: formats.share)
                    if let change = cell.change {
                        try sheet.write(change.value * 100, row: row, column: 4, format: formats.points)
                    } else {
                        try sheet.write(Self.notAsked, row: row, column: 4, format: formats.notAsked)
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
            for (c, width) in [40.0, 80, 22].enumerated() { try sheet.setColumns(c...c, width: width) }
            try sheet.write("Offene Antworten \(t.year), in einzelne Nennungen zerlegt; Anzahl = \(unit), die sie nannten.",
                            row: 1, column: 0, format: formats.text)
            let answered = t.columns.map { "\($0.heading): n = \($0.respondents)" }.joined(separator: "; ")
            try sheet.write("Basis: \(unit), die die Frage mit Text beantwortet haben; \(answered) [Hinweis \(Note.base.rawValue)]",
                            row: 2, column: 0, format: formats.text)
            let headers = ["Frage", "Nennung", "Anzahl \(unit)"]
            let rows = t.columns.flatMap { column in column.entries.map { (column.heading, $0) } }
            lastRow = top + max(rows.count, 1)
            try sheet.addTable(rows: top...lastRow, columns: 0...2, name: Self.tableName(name), headers: headers,
                               headerFormat: formats.header)
            for (r, entry) in rows.enumerated() {
                try sheet.write(entry.0, row: top + 1 + r, column: 0, format: formats.wrapped)
                try sheet.write(entry.1.text, row: top + 1 + r, column: 1, format: formats.wrapped)
                try sheet.write(Double(entry.1.regions), row: top + 1 + r, column: 2, format: formats.count)
            }
        }
        try backLink(sheet, row: 3)
        try sheet.write(model.sourceLine, row: lastRow + 2, column: 0, format: formats.inlineNote)
        try sheet.freezePanes(row: top + 1)
        try sheet.ignoreNumbersStoredAsText(in: "A1:XFD1048576")
        try sheet.setPage(.init(landscape: true, fitWidth: 1, fitHeight: 0, repeatRows: top...top, footer: model.sourceLine))
    }

    // MARK: Data sheets

    /// The row (0-based) of the answers table's header.
    static let answersTop = 5

    func answers(_ answers: AnswerTable) throws(XlsxError) {
        let sheet = try workbook.addWorksheet(named: plan.answers)
        guard plan.answersListed else { return try answersInFile(count: answers.count, sheet: sheet) }
        let headers = ["Welle", "Jahr", "AGS", "Region", "Frage", "Kurztitel", "Antwort"]
        for (c, width) in [7.0, 7, 10, 24, 10, 40, 70].enumerated() { try sheet.setColumns(c...c, width: width) }
        try sheet.write("Antworten aller \(unit) je Welle und Frage", row: 0, column: 0, format: formats.title)
        // The warning stands on the sheet itself: rows name real districts.
        try sheet.write("Hinweis zu den Daten: " + spec.dataNote, row: 1, column: 0, format: formats.warning)
        // Three cases kept apart: not asked, sat the wave out (both without a row), no answer.
        let absent = model.analysis.participation.filter { $0.answering < $0.population }
            .map { "\($0.year): \($0.answering) von \($0.population)" }
        let participation = absent.isEmpty ? "" : " \(unit), die an einer Welle nicht teilgenommen haben, haben in ihr keine Zeile "
            + "(teilgenommen haben " + absent.joined(separator: "; ") + ")."
        try sheet.write("Nicht gestellte Fragen haben keine Zeile; „\(model.catalogue.missingCategory)“ heißt: gefragt, "
                        + "aber nicht beantwortet." + participation + " [Hinweis \(Note.notAsked.rawValue)]", row: 2, column: 0,
                        format: formats.text)
        try backLink(sheet, row: 3)
        let top = Self.answersTop
        try sheet.addTable(rows: top...(top + max(answers.count, 1)), columns: 0...(headers.count - 1), name: "Antworten",
                           headers: headers, headerFormat: formats.header)
        // Every dictionary entry made a C string once; a row is then seven cell calls.
        let ags = answers.regions.map { XlsxText($0.ags) }, regions = answers.regions.map { XlsxText($0.name) }
        let items = answers.items.map { XlsxText($0) }
        let titles = answers.items.map { XlsxText(model.catalogue.item($0)?.shortTitle ?? "") }
        let values = answers.values.indices.map { answers.valueIsFreeText[$0] ? nil : XlsxText(answers.values[$0]) }
        for i in answers.indices {
            let row = top + 1 + i
            let wave = answers.waves[Int(answers.waveCodes[i])]
            let region = Int(answers.regionCodes[i]), item = Int(answers.itemCodes[i]), value = Int(answers.valueCodes[i])
            try sheet.write(Double(wave.number), row: row, column: 0, format: formats.count)
            try sheet.write(Double(wave.year), row: row, column: 1, format: formats.year)
            try sheet.write(ags[region], row: row, column: 2)
            try sheet.write(regions[region], row: row, column: 3)
            try sheet.write(items[item], row: row, column: 4)
            try sheet.write(titles[item], row: row, column: 5)
            // Always a string cell: free text starting with "=" stays text.
            if let category = values[value] {
                try sheet.write(category, row: row, column: 6)
            } else {
                try sheet.write(answers.values[value], row: row, column: 6, format: formats.wrapped)
            }
        }
        try sheet.freezePanes(row: top + 1)
        try sheet.ignoreNumbersStoredAsText(in: "A1:XFD1048576")
        try sheet.setPage(.init(landscape: true, fitWidth: 1, fitHeight: 0, repeatRows: top...top, footer: model.sourceLine))
    }

    /// The answers sheet when the answers do not fit one sheet: official statistics publish
    /// such tables as CSV, and the sheet says where, in one wide column of wrapped text.
    private func answersInFile(count: Int, sheet: XlsxWorksheet) throws(XlsxError) {
        let width = 100.0  // fits an A4 page across, as the listed answers are printed
        try sheet.setColumns(0...0, width: width)
        // Made here, not in AnnexFormats: the annex of a survey whose answers fit keeps its styles.
        let pointer = try workbook.addFormat().bold().fontColour("#7A1F00").wrap().align(.top)
        let texts: [(row: Int, text: String, format: XlsxFormat)] = [
            (1, "Hinweis zu den Daten: " + spec.dataNote, pointer),
            (2, "Nicht gestellte Fragen haben keine Zeile; „\(model.catalogue.missingCategory)“ heißt: gefragt, aber nicht "
                + "beantwortet. [Hinweis \(Note.notAsked.rawValue)]", formats.wrapped),
            (Self.answersTop, "Die \(GermanFormat.integer(count)) Antworten passen nicht auf ein Tabellenblatt (Excel fasst "
                + "höchstens \(GermanFormat.integer(1_048_576)) Zeilen). Sie stehen vollständig in der Datei "
                + "„\(plan.answersFile)“ (UTF-8, eine Zeile je Antwort), die zu diesem Anhang gehört.", pointer),
        ]
        try sheet.write("Antworten aller \(unit) je Welle und Frage", row: 0, column: 0, format: formats.title)
        for entry in texts {
            try sheet.write(entry.text, row: entry.row, column: 0, format: entry.format)
            try sheet.setRowHeight(entry.row, height: RowHeight.forText(entry.text, columnWidth: width))
        }
        try backLink(sheet, row: 3)
        try sheet.setPage(.init(landscape: true, fitWidth: 1, fitHeight: 0, repeatRows: nil, footer: model.sourceLine))
    }

    func validation(_ issues: [ValidationIssue]) throws(XlsxError) {
        let sheet = try workbook.addWorksheet(named: plan.validation)
        let headers = ["Art", "Ort (Datei › Blatt › Zelle)", "Frage", "Region", "Hinweis"]
        for (c, width) in [9.0, 50, 10, 22, 80].enumerated() { try sheet.setColumns(c...c, width: width) }
        try sheet.write("Hinweise der Datenprüfung zu den Eingangsdaten", row: 0, column: 0, format: formats.title)
        try sheet.write("Was beim Einlesen der Wellen auffiel, mit Datei, Blatt und Zelle; Fehler hätten den Bericht verhindert.",
                        row: 1, column: 0, format: formats.text)
        try backLink(sheet, row: 2)
        let top = 4
        let rows: [[String]] = issues.isEmpty
            ? [["–", "–", "–", "–", "Keine Hinweise."]]
            : issues.map { [$0.severity == .error ? "Fehler" : "Hinweis", $0.location?.description ?? "–", $0.item ?? "–",
                            $0.region ?? "–", $0.german] }
        try sheet.addTable(rows: top...(top + rows.count), columns: 0...(headers.count - 1), name: "Validierung", headers: headers,
                           headerFormat: formats.header)
        for (i, values) in rows.enumerated() {
            for (c, value) in values.enumerated() {
                try sheet.write(value, row: top + 1 + i, column: c, format: c == 1 || c == 4 ? formats.wrapped : formats.text)
            }
        }
        try sheet.freezePanes(row: top + 1)
        try sheet.setPage(.init(landscape: true, fitWidth: 1, fitHeight: 0, repeatRows: top...top, footer: model.sourceLine))
    }

    // MARK: Shared pieces

    /// An Excel table whose header row is tall enough for its wrapped headers.
    private func table(_ sheet: XlsxWorksheet, rows: ClosedRange<Int>, columns: ClosedRange<Int>, name: String, headers: [String],
                       columnWidth: Double) throws(XlsxError) {
        try sheet.addTable(rows: rows, columns: columns, name: name, headers: headers, headerFormat: formats.header)
        let tallest = headers.map { RowHeight.forText($0, columnWidth: columnWidth - 2) }.max() ?? 15
        try sheet.setRowHeight(rows.lowerBound, height: max(15, tallest))
    }

    private func backLink(_ sheet: XlsxWorksheet, row: Int) throws(XlsxError) {
        try sheet.writeLink("internal:" + SheetNames.reference(plan.contents), text: "Zurück zum Inhalt", row: row, column: 0,
                            format: formats.link)
    }

    /// A text of the spec's `texts` for the annex ("" when the spec has none).
    private func text(_ name: String) -> String { spec.texts.first { $0.name == name }?.text ?? "" }

    /// Excel table names: a letter first, then letters, digits and underscores.
    static func tableName(_ sheet: String) -> String {
        let cleaned = String(sheet.map { $0.isLetter || $0.isNumber ? $0 : "_" })
        return cleaned.first?.isLetter == true ? cleaned : "T_" + cleaned
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
