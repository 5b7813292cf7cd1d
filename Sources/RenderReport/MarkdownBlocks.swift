import Aggregate
import Formatting
import ReportSpec

/// The figure and table blocks of the report, as Markdown (pandoc flavour). Every text from
/// the data is escaped; the numbers come from the model.
enum MarkdownBlocks {
    /// `![Abbildung 4: …](abbildungen/abb04.svg){#abb-04 width="100%" alt="…"}` (text width in
    /// every format). The source line is part
    /// of the figure itself (the SVG draws it), so it is not repeated under the caption.
    static func figure(_ figure: FigureSeries, unit: String) -> String {
        let caption = TextEscaping.markdownInline("Abbildung \(figure.number): \(GermanTypography.text(figure.caption))")
        let alt = attribute(altText(figure, unit: unit))
        return "![\(caption)](\(OutputLayout.figure(figure.fileStem))){#\(ReportContext.anchor(figure)) width=\"100%\" alt=\"\(alt)\"}"
    }

    /// The data in words, for readers who cannot see the chart.
    static func altText(_ figure: FigureSeries, unit: String) -> String {
        let kind = figure.kind == .status ? "Gestapeltes Balkendiagramm" : "Gruppiertes Balkendiagramm"
        return "\(kind), Anzahl \(unit) je Erhebungsjahr. " + figure.dataSentence(unitPlural: unit)
    }

    /// Pandoc attribute values: backslash and double quote escaped, no line breaks.
    static func attribute(_ text: String) -> String {
        // By scalar: a "\r\n" is one Character, and its "\n" must go too.
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out.append(contentsOf: "\\\\".unicodeScalars)
            case "\"": out.append(contentsOf: "\\\"".unicodeScalars)
            case "\n": out.append(" ")
            default: out.append(scalar)
            }
        }
        return String(out)
    }

    /// `cellNote(theme, category)`: a footnote for a theme-summary cell whose value a
    /// publication stated otherwise ("" when none): the note stands at the value it revises.
    static func table(_ table: ReportTable, model: ReportModel, cellNote: (String, String) -> String = { _, _ in "" }) -> String {
        let anchor = "[]{#\(ReportContext.anchor(table))}\n\n"
        let caption = "\n\nTable: " + TextEscaping.markdownInline("Tabelle \(table.number): \(table.title)")
        let source = "\n\n*\(TextEscaping.markdownInline(model.sourceLine))*"
        return anchor + pipeTable(table, model: model, cellNote: cellNote) + caption + source
    }

    /// The line under a pipe table's header: a left-aligned label column and right-aligned
    /// value columns. The dashes give the columns' relative widths wherever pandoc lays the
    /// table out at full width (Word, and HTML for long rows), so the label column is wide
    /// enough that "Jugendgerichtshilfe" does not break inside the word.
    static func separator(labelWeight: Int, valueWeights: [Int]) -> String {
        "|:" + String(repeating: "-", count: labelWeight * 4) + "|"
            + valueWeights.map { String(repeating: "-", count: $0 * 4) + ":|" }.joined() + "\n"
    }

    private static func row(_ cells: [String]) -> String {
        "| " + cells.map { $0.isEmpty ? " " : $0 }.joined(separator: " | ") + " |\n"
    }

    private static func pipeTable(_ table: ReportTable, model: ReportModel, cellNote: (String, String) -> String) -> String {
        let md = { (text: String) in TextEscaping.markdownInline(text) }
        switch table {
        case .options(let t):
            // The answer options with their count in the wave before (where asked) and now.
            let heading = model.spec.tables.first { $0.number == t.number }?.headings.first ?? "Antwortoption"
            let previous = t.previousYear.map { [" \($0)"] } ?? []
            var out = row([md(heading)] + previous.map { "Anzahl" + $0 } + ["Anzahl \(t.year)", "Anteil \(t.year)"])
            out += separator(labelWeight: 8, valueWeights: Array(repeating: 3, count: previous.count + 2))
            for entry in t.rows {
                let before = t.previousYear == nil ? [] : [entry.previous.map { GermanFormat.countOf($0.count, $0.base) } ?? "nicht erhoben"]
                out += row(
                    [md(entry.option)] + before + [
                        GermanFormat.countOf(entry.count, entry.base),
                        entry.share.map { GermanFormat.percent($0, decimals: 0) } ?? "–",
                    ])
            }
            return String(out.dropLast())
        case .themeSummary(let t):
            var out = row(["Antwort"] + t.columns.map { md("\($0.theme). \($0.title)") })
            out += separator(labelWeight: 3, valueWeights: Array(repeating: 5, count: t.columns.count))
            for (i, category) in t.categories.enumerated() {
                out += row(
                    [md(category)]
                        + t.columns.map { column in
                            let cell = column.cells[i]
                            return GermanFormat.percent(cell.share) + (cell.change.map { " (" + GermanFormat.percentagePoints($0) + ")" } ?? "")
                                + cellNote(column.theme, category)
                        })
            }
            out += row(["Basis (Antworten)"] + t.columns.map { GermanFormat.integer($0.cells.first?.total ?? 0) })
            return String(out.dropLast())
        case .freeText(let t):
            var out = row(t.columns.map { md($0.heading) }) + "|" + String(repeating: ":---|", count: t.columns.count) + "\n"
            let depth = t.columns.map(\.entries.count).max() ?? 0
            for r in 0..<depth {
                out += row(
                    t.columns.map { column in
                        r < column.entries.count
                            ? TextEscaping.markdownInline(column.entries[r].text, verbatim: true)
                                + " (\(column.entries[r].regions))" : ""
                    })
            }
            // What the counts are out of: the units that wrote an answer in each column.
            out += row(t.columns.map { "Basis: " + GermanFormat.integer($0.respondents) + " " + md(model.spec.unitPlural) + " mit Angabe" })
            return String(out.dropLast())
        }
    }
}
