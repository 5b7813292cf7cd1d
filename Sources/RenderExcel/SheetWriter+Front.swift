import Aggregate
import Formatting
import Normalise
import ReportSpec
import XlsxWriter

/// The cover with the symbols and abbreviations explained, the contents and the notes.
extension SheetWriter {
    func cover(revisedCells: [RevisedCell]) throws(XlsxError) {
        let sheet = try workbook.addWorksheet(named: plan.cover)
        let widths = [24.0, 80]
        let width = try columns(sheet, widths)
        let kind = audience == .internal ? "Interner Datenanhang" : "Tabellenanhang"
        var lines = [Line(spec.title, .title), Line([spec.subtitle, kind].filter { !$0.isEmpty }.joined(separator: " – "))]
        if let marking { lines.append(Line(marking, .warning)) }
        var row = try head(sheet, lines, width: width) + 1
        func field(_ label: String, _ value: String) throws(XlsxError) {
            guard !value.isEmpty else { return }
            try sheet.write(label, row: row, column: 0, format: formats.label)
            try sheet.write(value, row: row, column: 1, format: formats.wrapped)
            try fit(sheet, row: row, [(value, widths[1])])
            row += 1
        }
        try field("Beschreibung", audience == .internal ? internalDescription : text("annex_description"))
        try field("Herausgeber", [spec.author, spec.institution].filter { !$0.isEmpty }.joined(separator: ", "))
        try field("Stand", GermanFormat.date(iso: spec.date))
        try field("Quelle", model.sourceLine.hasPrefix("Quelle: ") ? String(model.sourceLine.dropFirst("Quelle: ".count)) : model.sourceLine)
        try field("Methode", text("annex_method"))
        try field("Hinweis zu den Daten", spec.dataNote)
        try field(
            "Bericht",
            audience == .internal
                ? "Der veröffentlichte Bericht und der Tabellenanhang „\(plan.publishedFile)“ liegen im Ordner über diesem." : text("annex_report"))
        try field("Kontakt", text("contact"))
        try field("Lizenz", audience == .internal ? "Nicht zur Weitergabe." : text("licence"))
        row += 1
        let symbols = Self.symbols(unit: unit, audience: audience, revised: !revisedCells.isEmpty, smallCells: model.smallCells.minimum)
        if !symbols.isEmpty {
            try sheet.write("Zeichenerklärung", row: row, column: 0, format: formats.heading)
            row += 1
            try table(
                sheet, rows: row...(row + symbols.count), columns: 0...1, name: "Zeichenerklaerung",
                headers: ["Zeichen", "Bedeutung"], columnWidths: widths)
            for (index, symbol) in symbols.enumerated() {
                try sheet.write(symbol.sign, row: row + 1 + index, column: 0, format: formats.symbol)
                try sheet.write(symbol.meaning, row: row + 1 + index, column: 1, format: formats.wrapped)
                try fit(sheet, row: row + 1 + index, [(symbol.meaning, widths[1])])
            }
            row += symbols.count + 2
        }
        if !spec.abbreviations.isEmpty {
            try sheet.write("Abkürzungen", row: row, column: 0, format: formats.heading)
            row += 1
            try table(
                sheet, rows: row...(row + spec.abbreviations.count), columns: 0...1, name: "Abkuerzungen",
                headers: ["Abkürzung", "Bedeutung"], columnWidths: widths)
            for (index, entry) in spec.abbreviations.enumerated() {
                try sheet.write(entry.term, row: row + 1 + index, column: 0, format: formats.symbol)
                try sheet.write(entry.meaning, row: row + 1 + index, column: 1, format: formats.wrapped)
                try fit(sheet, row: row + 1 + index, [(entry.meaning, widths[1])])
            }
            row += spec.abbreviations.count + 2
        }
        try sheet.writeLink(
            "internal:" + SheetNames.reference(plan.contents), text: "Weiter zum Inhalt", row: row, column: 0,
            format: formats.link)
        try sheet.setPage(page(landscape: false))
    }

    private var internalDescription: String {
        "Die Antworten jedes einzelnen der \(unit) in jeder Welle und die Hinweise der Datenprüfung. Sie gehören zum "
            + "Tabellenanhang „\(plan.publishedFile)“, der nur zusammengefasste Ergebnisse enthält."
    }

    /// Every symbol a workbook uses, with its meaning.
    static func symbols(unit: String, audience: ReportSpec.Audience, revised: Bool, smallCells: Int?) -> [(sign: String, meaning: String)] {
        if audience == .internal {
            return [("–", "Angabe entfällt (bei Hinweisen ohne Frage, Region oder Ort)")]
        }
        var symbols: [(sign: String, meaning: String)] = [
            (notAsked, "Frage in dieser Welle nicht gestellt (nicht erhoben); kein Wert, auch nicht null"),
            (zero, "Genau null (nichts vorhanden)"),
        ]
        if let smallCells {
            symbols.append(
                (
                    withheld,
                    "Wert geheim gehalten: weniger als \(smallCells) \(unit) stehen hinter ihm (oder er ließe sich "
                        + "aus einem solchen Wert errechnen)"
                ))
        }
        if revised {
            symbols.append(
                (
                    SheetWriter.revised,
                    "Berichtigter Wert: weicht von einer früheren Veröffentlichung ab (siehe Hinweis "
                        + "\(Note.revisions.rawValue))"
                ))
        }
        symbols += [
            ("n", "Basis: Zahl der befragten \(unit) (bei gefilterten Fragen nur die, denen die Frage gestellt wurde)"),
            ("PP", "Prozentpunkte: Differenz zweier Anteile"),
            ("%", "Anteil an der Basis; gespeichert als Dezimalzahl, angezeigt in Prozent"),
            ("[Hinweis n]", "Verweis auf Hinweis n im Tabellenblatt „Hinweise“"),
        ]
        return symbols
    }

    func contents() throws(XlsxError) {
        let sheet = try workbook.addWorksheet(named: plan.contents)
        let widths = [16.0, 16, 80]
        let width = try columns(sheet, widths)
        var lines = [
            Line("Inhalt", .title),
            Line(
                "Dieses Tabellenblatt enthält eine Tabelle: die Tabellenblätter dieses Anhangs; "
                    + "ein Klick auf den Blattnamen öffnet das Blatt."),
        ]
        if let marking { lines.append(Line(marking, .warning)) }
        let top = try head(sheet, lines, width: width) + 1
        var entries: [(String, String, String)] = [("Deckblatt", plan.cover, "Titel, Herausgeber, Stand, Zeichenerklärung")]
        if audience == .published {
            entries.append(("Hinweise", plan.notes, "Nummerierte Hinweise, auf die die Blätter verweisen"))
            for figure in model.figures {
                entries.append(("Abbildung \(figure.number)", plan.figures[figure.number] ?? "", figure.caption))
            }
            for table in model.tables { entries.append(("Tabelle \(table.number)", plan.tables[table.number] ?? "", table.title)) }
            entries.append(("Codebuch", plan.codebook, "Alle Fragen mit Wortlaut, Typ, Filter und Wellen"))
        } else {
            entries.append(
                (
                    "Daten", plan.answers,
                    plan.answersListed
                        ? "Antworten aller \(unit) je Welle und Frage"
                        : "Antworten aller \(unit) je Welle und Frage: zu viele für ein Tabellenblatt, vollständig in der Datei „\(plan.answersFile)“"
                ))
            entries.append(("Codebuch", plan.codebook, "Alle Fragen mit Kurztitel, Wortlaut, Typ, Filter und Wellen"))
            entries.append(("Prüfung", plan.validation, "Hinweise der Datenprüfung zu den Eingangsdaten"))
        }
        try table(
            sheet, rows: top...(top + entries.count), columns: 0...2, name: "Inhalt", headers: ["Nr.", "Tabellenblatt", "Inhalt"],
            columnWidths: widths)
        for (index, entry) in entries.enumerated() {
            let row = top + 1 + index
            try sheet.write(entry.0, row: row, column: 0, format: formats.text)
            try sheet.writeLink("internal:" + SheetNames.reference(entry.1), text: entry.1, row: row, column: 1, format: formats.link)
            try sheet.write(entry.2, row: row, column: 2, format: formats.wrapped)
            try fit(sheet, row: row, [(entry.2, widths[2])])
        }
        try sheet.freezePanes(row: top + 1)
        try sheet.setPage(page(landscape: false, repeatRows: top...top))
    }

    func notes(revisedCells: [RevisedCell]) throws(XlsxError) {
        let sheet = try workbook.addWorksheet(named: plan.notes)
        let widths = [12.0, 90]
        let width = try columns(sheet, widths)
        let top =
            try head(
                sheet,
                [
                    Line("Hinweise", .title),
                    Line(
                        "Dieses Tabellenblatt enthält eine Tabelle: die Hinweise, auf die die Titel der "
                            + "Tabellenblätter mit [Hinweis n] verweisen."),
                ], width: width) + 1
        var texts: [Note: String] = [
            .data: spec.dataNote,
            .base: "Nachfragen (Mehrfachauswahl, offene Fragen, Folgefragen) wurden nur den \(spec.unit.dativePlural) gestellt, "
                + "deren Antwort auf die übergeordnete Frage sie öffnet; welche Frage und welche Antworten das sind, steht im "
                + "Blatt „\(plan.codebook)“ (Spalten „Filter“ und „Öffnet bei“) und über jeder Tabelle. Ihre Basis (n) ist "
                + "deshalb kleiner als die Zahl aller \(unit) und kann von Jahr zu Jahr wechseln; sie steht je Jahr im Blatt. "
                + "Bei offenen Fragen ist die Basis die Zahl der \(unit), die mit Text geantwortet haben.",
            .notAsked: "„\(Self.notAsked)“: Die Frage oder Antwortoption wurde in dieser Welle nicht gestellt. Solche Jahre "
                + "gehen in keine Anteile ein; die Diagramme zeigen sie ohne Balken mit „nicht erhoben“.",
            .rounding: "Anteile sind ungerundet als Dezimalzahlen gespeichert und werden in Prozent mit einer Nachkommastelle "
                + "angezeigt; Veränderungen in Prozentpunkten sind aus den ungerundeten Anteilen berechnet. Der Bericht "
                + "rundet auf ganze Prozent.",
        ]
        if let revisions = model.revisions {
            var text =
                "Von \(revisions.checked) Werten, die \(revisions.publication) stehen, ergeben die Daten "
                + "\(revisions.reproduced) genau; \(revisions.revisions.count) weichen ab. Der Bericht erläutert jede Abweichung "
                + "in einer Fußnote."
            if !revisedCells.isEmpty {
                text +=
                    " In diesem Anhang stehen \(revisedCells.count == 1 ? "einer" : GermanNoun.word(revisedCells.count)) von ihnen, "
                    + "mit „\(Self.revised)“ bezeichnet:"
                for cell in revisedCells { text += "\n• " + cell.description }
            }
            texts[.revisions] = text
        }
        if let minimum = model.smallCells.minimum {
            texts[.smallCells] =
                "„\(Self.withheld)“: Zahlen, hinter denen weniger als \(minimum) \(unit) stehen, werden nicht "
                + "veröffentlicht, damit keine Antwort einer einzelnen Einheit erkennbar wird; dazu jeweils ein weiterer Wert, aus "
                + "dem sie sich errechnen ließen. Offene Antworten, die weniger als \(minimum) \(unit) nannten, sind zu einer Zeile "
                + "„weitere Nennungen“ zusammengefasst."
        }
        let notes = Note.allCases.compactMap { note in texts[note].map { (note.rawValue, $0) } }
        try table(
            sheet, rows: top...(top + notes.count), columns: 0...1, name: "Hinweise", headers: ["Nr.", "Hinweis"],
            columnWidths: widths)
        for (index, note) in notes.enumerated() {
            try sheet.write(Double(note.0), row: top + 1 + index, column: 0, format: formats.noteNumber)
            try sheet.write(note.1, row: top + 1 + index, column: 1, format: formats.wrapped)
            try fit(sheet, row: top + 1 + index, [(note.1, widths[1])])
        }
        try backLink(sheet, row: top + notes.count + 2)
        try sheet.setPage(page(landscape: false, repeatRows: top...top))
    }

    func codebook() throws(XlsxError) {
        let sheet = try workbook.addWorksheet(named: plan.codebook)
        // 165 characters: a landscape page at about 80 %; long texts wrap in their rows.
        let widths = [9.0, 15, 15, 9, 20, 26, 55, 16]
        let width = try columns(sheet, widths)
        var lines = [Line("Codebuch: Fragen des Fragenkatalogs", .title)]
        if let marking { lines.append(Line(marking, .warning)) }
        lines.append(
            Line(
                "Dieses Tabellenblatt enthält eine Tabelle: alle Fragen des Fragenkatalogs (\(model.catalogue.fileName)). "
                    + "„Filter“ nennt die Frage, deren Antwort die Frage öffnet, „Öffnet bei“ die Antworten, die sie öffnen."))
        var top = try head(sheet, lines, width: width)
        try backLink(sheet, row: top)
        top += 2
        let items = model.catalogue.items
        try table(
            sheet, rows: top...(top + max(items.count, 1)), columns: 0...7, name: "Codebuch",
            headers: ["ID", "Themenbereich", "Typ", "Filter", "Öffnet bei", "Kurztitel", "Wortlaut", "Erhoben in"],
            columnWidths: widths)
        for (index, item) in items.enumerated() {
            let row = top + 1 + index
            let waves = model.catalogue.waves.filter { wave in
                item.type == .multipleChoice
                    ? model.catalogue.options(of: item.id).contains { $0.headers[wave.number] != nil }
                    : item.headers[wave.number] != nil
            }
            let filter = filter(of: item)
            // Words, not "–": the dash means an exact zero in this annex.
            let opening = filter?.answers.map { "„\($0)“" }.joined(separator: " oder ") ?? "immer gestellt"
            let values = [
                item.id, item.theme, item.type.rawValue, filter?.parent.id ?? "kein Filter", opening, item.shortTitle,
                item.question, waves.isEmpty ? "in keiner Welle" : waves.map { String($0.year) }.joined(separator: ", "),
            ]
            for (c, value) in values.enumerated() {
                try sheet.write(value, row: row, column: c, format: formats.wrapped)
            }
            try fit(sheet, row: row, values.enumerated().map { ($0.element, widths[$0.offset]) })
        }
        try sheet.freezePanes(row: top + 1)
        try sheet.setPage(page(landscape: true, repeatRows: top...top))
    }
}
