import Aggregate
import Formatting
import Foundation
import Normalise
import ReportSpec

/// Free-text items: entries, codes and counts.
extension ReportContext {
    /// A free-text item in the latest wave it was asked: its coded entries, most frequent
    /// first, each with how many units named it, and who answered at all.
    func freeText(_ item: CatalogueItem) -> TemplateObject {
        var o = TemplateObject()
        o.set("id", item.id)
        o.set("title", item.shortTitle)
        o.set("question", GermanTypography.text(item.question))
        guard let coded = model.analysis.freeText(item.id) else {
            o.set("asked", false)
            o.set("entries", [TemplateObject]())
            return o
        }
        o.set("asked", true)
        o.set("year", String(coded.year))
        // Free-text counts the publication stated ("3 Arbeitsbündnisse arbeiten mit …").
        o.set("revisionNote", revisionNote { $0.item == item.id })
        // Out of those asked: the wave's participants that the filter chain opens it for.
        o.set("respondents", count(coded.respondents, coded.asked, year: coded.year))
        let entries = coded.entries.enumerated().map { index, entry -> TemplateObject in
            var e = TemplateObject()
            e.set("text", quote: entry.text)
            e.set("count", count(entry.regions, coded.respondents))
            e.set("first", index == 0)
            return e
        }
        o.set("entries", entries)
        o.set("hasEntries", !entries.isEmpty)
        // "Beratung per Video (fünf), Telefon-Hotline (vier) und …" for running text.
        func mentions(_ list: ArraySlice<FreeTextTable.Entry>) -> String {
            GermanNoun.list(list.map { "„\($0.text)“ (\(GermanNoun.word($0.regions)))" })
        }
        o.set("top", quote: mentions(coded.entries.prefix(3)))
        o.set("all", quote: mentions(coded.entries[...]))
        // The count first, as a reader says it: "neun „YouConnect“, je drei „A“ und „B“ sowie
        // eines „C“" (after a verb of naming; ties share one "je").
        func ranked(_ list: ArraySlice<FreeTextTable.Entry>) -> String {
            var groups: [(count: Int, labels: [String])] = []
            for entry in list {
                if let last = groups.last, last.count == entry.regions {
                    groups[groups.count - 1].labels.append("„\(entry.text)“")
                } else {
                    groups.append((entry.regions, ["„\(entry.text)“"]))
                }
            }
            let parts = groups.map { group in
                group.labels.count == 1
                    ? spec.unit.pronoun(group.count) + " " + group.labels[0]
                    : "je " + spec.unit.pronoun(group.count) + " " + GermanNoun.list(group.labels)
            }
            return GermanNoun.list(parts, conjunction: groups.contains { $0.labels.count > 1 } && parts.count > 1 ? "sowie" : "und")
        }
        o.set("ranked", quote: ranked(coded.entries.prefix(3)))
        o.set("rankedAll", quote: ranked(coded.entries[...]))
        o.set("more", coded.entries.count > 3)
        return o
    }

    /// Findings across items: participation, questionnaire changes, the largest changes,
    /// missing answers.
}
