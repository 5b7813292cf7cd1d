import Aggregate
import Formatting
import Ingest
import Normalise
import ReportSpec
import XlsxWriter

/// The internal workbook's data sheets: every answer of every unit, and the validation
/// notes with the unit and the quoted text they concern.
extension SheetWriter {
    /// The columns of the answers sheet: 151 characters, which print across a landscape A4
    /// page at about 90 % (AF: print at a readable size). Tidy, as `responses.csv`: the wave
    /// is named by its year, a question by its ID, whose titles and wording stand once in
    /// the codebook beside it (at 400 units two columns fewer are a third less time).
    static let answerWidths = [7.0, 15, 30, 12, 90]

    /// The head of the answers sheet; its table starts two rows below.
    func answersHead(count: Int) -> [Line] {
        var lines = [Line("Antworten aller \(unit) je Welle und Frage", .title)]
        if let marking { lines.append(Line(marking, .warning)) }
        guard plan.answersListed else {
            lines.append(
                Line(
                    "Die \(GermanFormat.integer(count)) Antworten passen nicht auf ein Tabellenblatt (Excel fasst höchstens "
                        + "\(GermanFormat.integer(1_048_576)) Zeilen). Sie stehen vollständig in der Datei „\(plan.answersFile)“ "
                        + "(UTF-8, eine Zeile je Antwort), die zu diesem Anhang gehört.", .warning))
            lines.append(
                Line(
                    "Nicht gestellte Fragen haben keine Zeile; „\(model.catalogue.missingCategory)“ heißt: gefragt, aber nicht "
                        + "beantwortet."))
            return lines
        }
        lines.append(
            Line(
                Self.contentsLine(tables: 1, chart: false) + " Eine Zeile je Welle, \(spec.unitSingular) und Frage; "
                    + "Kurztitel und Wortlaut der Fragen stehen im Blatt „\(plan.codebook)“."))
        lines.append(Line("Hinweis zu den Daten: " + spec.dataNote))
        // Three cases kept apart: not asked, sat the wave out (both without a row), no answer.
        let absent = model.analysis.participation.filter { $0.answering < $0.population }
            .map { "\($0.year): \($0.answering) von \($0.population)" }
        let participation =
            absent.isEmpty
            ? ""
            : " \(unit), die an einer Welle nicht teilgenommen haben, haben in ihr keine Zeile "
                + "(teilgenommen haben " + absent.joined(separator: "; ") + ")."
        lines.append(
            Line(
                "Nicht gestellte Fragen haben keine Zeile; „\(model.catalogue.missingCategory)“ heißt: gefragt, "
                    + "aber nicht beantwortet." + participation))
        return lines
    }

    func answers(_ answers: AnswerTable) throws(XlsxError) {
        let sheet = try workbook.addWorksheet(named: plan.answers)
        let widths = Self.answerWidths
        let width = try columns(sheet, widths)
        let backLinkRow = try head(sheet, answersHead(count: answers.count), width: width)
        try backLink(sheet, row: backLinkRow)
        guard plan.answersListed else {
            return try sheet.setPage(page(landscape: true))
        }
        let top = backLinkRow + 2
        let headers = ["Jahr", spec.unitKey, spec.unitSingular, "Frage", "Antwort"]
        let last = top + max(answers.count, 1)
        try sheet.addTable(
            rows: top...last, columns: 0...(headers.count - 1), name: "Antworten",
            headers: headers, headerFormat: formats.header)
        // Every dictionary entry made a C string once; a row is then five cell calls.
        let keys = answers.regions.map { XlsxText($0.ags) }
        let regions = answers.regions.map { XlsxText($0.name) }
        let items = answers.items.map { XlsxText($0) }
        let values = answers.values.indices.map { answers.valueIsFreeText[$0] ? nil : XlsxText(answers.values[$0]) }
        // Free text that wraps gets a row as tall as it needs (measured once per text).
        var heights: [Int: Double] = [:]
        let textWidth = CellFit.points(columnWidth: widths[4])
        for i in answers.indices {
            let row = top + 1 + i
            let wave = answers.waves[Int(answers.waveCodes[i])]
            let region = Int(answers.regionCodes[i])
            let item = Int(answers.itemCodes[i])
            let value = Int(answers.valueCodes[i])
            // A free-text answer that wraps makes its row tall: then every cell of the row
            // stands at the top, beside it (other rows keep the default, which is smaller XML).
            var tall = false
            if values[value] == nil {
                let height: Double
                if let known = heights[value] {
                    height = known
                } else {
                    // Most answers fit one line: measured whole first, wrapped only when wider.
                    let text = answers.values[value]
                    let fits = !text.contains("\n") && FontMetrics.regular.width(text, size: 11) <= textWidth - 6
                    height = fits ? 0 : Double(CellFit.lines(text, width: textWidth).count) * CellFit.lineHeight(size: 11) + 2
                    heights[value] = height
                }
                if height > CellFit.lineHeight(size: 11) + 2 {
                    tall = true
                    try sheet.setRowHeight(row, height: height)
                }
            }
            let topAligned: XlsxFormat? = tall ? formats.text : nil
            try sheet.write(Double(wave.year), row: row, column: 0, format: formats.year)
            try sheet.write(keys[region], row: row, column: 1, format: topAligned)
            try sheet.write(regions[region], row: row, column: 2, format: topAligned)
            try sheet.write(items[item], row: row, column: 3, format: topAligned)
            // Always a string cell: free text starting with "=" stays text.
            if let category = values[value] {
                try sheet.write(category, row: row, column: 4)
            } else {
                try sheet.write(answers.values[value], row: row, column: 4, format: formats.wrapped)
            }
        }

        try sheet.freezePanes(row: top + 1)
        try sheet.ignoreNumbersStoredAsText(in: "A1:XFD1048576")
        // The print area is the table: nothing wider makes the page shrink.
        try sheet.setPage(page(landscape: true, repeatRows: top...top, printArea: (0...last, 0...(headers.count - 1))))
    }

    func validation(_ issues: [ValidationIssue]) throws(XlsxError) {
        let sheet = try workbook.addWorksheet(named: plan.validation)
        let headers = ["Art", "Ort (Datei › Blatt › Zelle)", "Frage", spec.unitSingular, "Hinweis"]
        let widths = [9.0, 46, 10, 22, 80]
        let width = try columns(sheet, widths)
        var lines = [Line("Hinweise der Datenprüfung zu den Eingangsdaten", .title)]
        if let marking { lines.append(Line(marking, .warning)) }
        lines.append(
            Line(
                Self.contentsLine(tables: 1, chart: false) + " Was beim Einlesen der Wellen auffiel, mit Datei, Blatt und "
                    + "Zelle; Fehler hätten den Bericht verhindert."))
        let backLinkRow = try head(sheet, lines, width: width)
        try backLink(sheet, row: backLinkRow)
        let top = backLinkRow + 2
        let rows: [[String]] =
            issues.isEmpty
            ? [["–", "–", "–", "–", "Keine Hinweise."]]
            : issues.map {
                [
                    $0.severity == .error ? "Fehler" : "Hinweis", $0.location?.description ?? "–", $0.item ?? "–",
                    $0.region ?? "–", $0.german,
                ]
            }
        try table(
            sheet, rows: top...(top + rows.count), columns: 0...(headers.count - 1), name: "Validierung", headers: headers,
            columnWidths: widths)
        for (i, values) in rows.enumerated() {
            for (c, value) in values.enumerated() {
                try sheet.write(value, row: top + 1 + i, column: c, format: formats.wrapped)
            }
            try fit(sheet, row: top + 1 + i, values.enumerated().map { ($0.element, widths[$0.offset]) })
        }
        try sheet.freezePanes(row: top + 1)
        try sheet.setPage(page(landscape: true, repeatRows: top...top))
    }
}
