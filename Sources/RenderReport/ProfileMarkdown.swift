import Aggregate
import Formatting
import Foundation

/// A region's profile page in Markdown: title, the profile chart, and its latest answers
/// next to the share of all regions. Generated in Swift (one layout for every region);
/// every text from the data is escaped.
package enum ProfileMarkdown {
    package static func render(
        _ profile: RegionProfile, set: ProfileSet, unitPlural: String, sourceLine: String,
        dataNote: String, altText: String
    ) -> String {
        let md = { (text: String) in TextEscaping.markdownInline(text) }
        func quoted(_ s: String) -> String {
            "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        }
        let title = "Regionalprofil \(profile.name)"
        var out = "---\ntitle: \(quoted(title))\nsubtitle: \(quoted("AGS \(profile.ags)"))\nlang: de\n---\n\n"
        out += "> \(md(dataNote))\n\n"
        out += "![\(md(title)) (AGS \(md(profile.ags)))](\(profile.fileStem).svg){alt=\"\(MarkdownBlocks.attribute(altText))\"}\n\n"
        let latest = set.years.last.map(String.init) ?? ""
        out += "| Frage | Antwort \(latest) | Anteil \(md(set.positiveLabel)) aller \(md(unitPlural)) |\n|:---|:---|---:|\n"
        // A region without any answer in the latest wave did not take part in it.
        let tookPart = profile.participated.last ?? true
        for row in profile.rows {
            let answer = tookPart ? row.answers.last.flatMap { $0 } ?? "nicht erhoben" : "nicht teilgenommen"
            let total = row.distribution.reduce(0, +)
            let share = total > 0 ? GermanFormat.percent(Ratio(row.positive, total), decimals: 0) : "–"
            out += "| \(md(row.title)) | \(md(answer)) | \(share) |\n"
        }
        out += "\n*\(md(sourceLine))*\n"
        return out
    }
}
