import Aggregate
import Formatting

/// A figure's numbers as an HTML table, placed under the chart in a collapsed `<details>`:
/// screen-reader users and readers who want the numbers get every value with its base.
/// Not-asked waves say so ("nicht erhoben"); they are never shown as 0.
enum FigureDataTable {
    static func html(_ figure: FigureSeries, anchor: String, unitPlural: String) -> String {
        let text = TextEscaping.xmlText
        var out = "<details class=\"zahlen\" id=\"\(anchor)-zahlen\">\n"
        out += "<summary>Zahlen zu Abbildung \(figure.number)</summary>\n"
        out += HTMLPublisher.scrollFrame(labelledBy: "\(anchor)-zahlen-titel")
        out +=
            "<table class=\"zahlen\">\n<caption id=\"\(anchor)-zahlen-titel\">Abbildung \(figure.number): Anzahl \(text(unitPlural)) je Erhebungsjahr "
        out += "(Anteil an der Basis)</caption>\n<thead>\n<tr><th scope=\"col\">Jahr</th><th scope=\"col\">Basis (n)</th>"
        for category in figure.categories { out += "<th scope=\"col\">\(text(category))</th>" }
        out += "</tr>\n</thead>\n<tbody>\n"
        for year in figure.years {
            out += "<tr><th scope=\"row\">\(year)</th>"
            guard figure.asked(year: year), let base = figure.base(year: year) else {
                out += "<td>nicht erhoben</td>" + String(repeating: "<td>nicht erhoben</td>", count: figure.categories.count) + "</tr>\n"
                continue
            }
            out += "<td>\(GermanFormat.integer(base))</td>"
            for category in figure.categories {
                guard let point = figure.point(year: year, category: category), point.asked else {
                    out += "<td>nicht erhoben</td>"
                    continue
                }
                let share = point.share.map { " (" + GermanFormat.percent($0, decimals: 0) + ")" } ?? ""
                out += "<td>\(GermanFormat.integer(point.count))\(share)</td>"
            }
            out += "</tr>\n"
        }
        return out + "</tbody>\n</table>\n</div>\n</details>\n"
    }
}
