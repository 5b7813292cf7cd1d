import Aggregate
import Formatting
import Foundation
import Normalise
import ReportSpec

/// The `revisions` namespace: figures an earlier publication stated, checked against the data.
extension ReportContext {
    func revisions() -> TemplateObject {
        var o = TemplateObject()
        guard let revisions = model.revisions else {
            o.set("exists", false)
            return o
        }
        o.set("exists", true)
        o.set("publication", revisions.publication)
        o.set("checked", GermanFormat.integer(revisions.checked))
        o.set("stated", GermanFormat.integer(revisions.stated))
        // A later report's data no longer answer every value the publication stated.
        o.set("allChecked", revisions.unmatched.isEmpty)
        o.set("reproduced", GermanFormat.integer(revisions.reproduced))
        o.set("revised", GermanNoun.word(revisions.revisions.count))
        o.set("none", revisions.revisions.isEmpty)
        o.set("one", revisions.revisions.count == 1)
        o.set(
            "list",
            revisions.revisions.map { revision -> TemplateObject in
                var r = TemplateObject()
                r.set("text", Self.revisionText(revision, publication: revisions.publication, catalogue: catalogue))
                return r
            })
        // A revised value about the questionnaire of an earlier year has no sentence in a
        // later report to hang its footnote on (`survey.revisionNote` is for the latest
        // wave's questionnaire): the check states it where it counts it.
        let unplaced = revisions.revisions.filter {
            ($0.published.item.hasPrefix("survey.") && $0.published.year != String(model.lastYear)) || unfootnoted.contains($0)
        }
        o.set("hasUnplaced", !unplaced.isEmpty)
        o.set(
            "unplaced",
            unplaced.map { revision -> TemplateObject in
                var r = TemplateObject()
                r.set("text", Self.revisionText(revision, publication: revisions.publication, catalogue: catalogue))
                return r
            })
        return o
    }

    /// Inline pandoc footnotes for the revisions a predicate selects ("" when none).
    func revisionNote(_ predicate: (Revisions.Published) -> Bool) -> String {
        guard let revisions = model.revisions else { return "" }
        return revisions.revisions(where: predicate).map {
            "^[" + TextEscaping.markdownInline(Self.revisionText($0, publication: revisions.publication, catalogue: catalogue)) + "]"
        }.joined()
    }

    /// A revision note: what the publication stated, what the data give, and a reason only
    /// where the data prove one (a share that whole answers cannot give, a share that does
    /// not follow from the publication's own count). A count that differs gets no guessed
    /// cause: the data do not say why.
    package static func revisionText(_ revision: Revisions.Revision, publication: String, catalogue: Catalogue) -> String {
        let row = revision.published
        // A ratio of 1.5 must not print as "2" beside the published "doppelt".
        let decimals = row.unit == "ratio" ? max(revision.decimals, 1) : revision.decimals
        func display(_ value: Double, decimals: Int) -> String {
            let scaled = Revisions.rounded(value, decimals)
            switch row.unit {
            case "percent", "percent change":
                return GermanFormat.decimal(scaled, decimals: decimals, signed: row.unit == "percent change") + GermanFormat.unitSpace + "%"
            case "percentage points":
                return GermanFormat.decimal(scaled, decimals: decimals, signed: true) + GermanFormat.unitSpace + "PP"
            // "doppelt so viele" is "das 2,0-Fache"; the data's "das 1,5-Fache".
            case "ratio": return "das " + GermanFormat.decimal(scaled, decimals: decimals) + "-Fache"
            default: return GermanFormat.decimal(scaled, decimals: decimals)
            }
        }
        // "2021 gegenüber 2020": the later year first, however the table wrote it.
        let years = row.year.components(separatedBy: " vs ").map { $0.trimmingCharacters(in: .whitespaces) }
        let period = years.count == 2 ? years.sorted(by: >).joined(separator: " gegenüber ") : row.year
        let name = "„" + (catalogue.item(row.item)?.shortTitle ?? row.item) + "“"
        let what: String
        switch (row.item, row.unit) {
        case ("survey.mainQuestions", _): what = "die Zahl der Hauptfragen (\(period))"
        case ("survey.subQuestions", _): what = "die Zahl der Unterfragen (\(period))"
        case (_, "mentions") where row.category == "*": what = "die Zahl der Antwortenden bei \(name) (\(period))"
        case (_, "mentions"): what = "die Zahl der Nennungen von „\(row.category)“ bei \(name) (\(period))"
        case (_, "percent change"): what = "die Veränderung von „\(row.category)“ bei \(name) in Prozent (\(period))"
        case (_, "ratio"): what = "die Zahl der Antworten „\(row.category)“ bei \(name) (\(period))"
        default: what = "„\(row.category)“ bei \(name) (\(period))"
        }
        // "Revision" only where the data prove the published value wrong (it cannot come
        // from whole counts, or does not follow from the publication's own count); any
        // other difference is an "Abweichung": the data do not say which value is right.
        let label: String
        switch revision.reason {
        case .unreachable, .calculation: label = "Revision"
        case .differentCount, .differs: label = "Abweichung"
        }
        if row.unit == "listed" {
            // A published entry the data do not have (or the reverse, published as 0).
            let found = revision.current > 0
            return "\(label): \(CountText.capitalised(publication)) steht in \(row.source) bei \(name) (\(period)) der Eintrag „\(row.category)“; "
                + (found ? "die Daten enthalten ihn." : "in den Daten nennt ihn niemand.")
        }
        let published = (row.unit == "ratio" ? "" : "der Wert ") + display(revision.publishedValue, decimals: decimals)
        var text =
            "\(label): \(CountText.capitalised(publication)) steht für \(what) \(published); "
            + "die Daten ergeben \(display(revision.current, decimals: decimals))"
        // "um 15 Prozent": a relative change the publication may have meant in points.
        if let points = revision.inPoints {
            text +=
                " (in Prozentpunkten: \(GermanFormat.decimal(Revisions.rounded(points, 1), decimals: 1, signed: true))\(GermanFormat.unitSpace)PP)"
        }
        text += "."
        switch revision.reason {
        case .unreachable: text += " Aus den zugrunde liegenden Fallzahlen kann der veröffentlichte Wert rechnerisch nicht entstehen."
        case .calculation(let count, let base):
            text += " Das sind \(GermanFormat.countOf(count, base)), wie auch dort genannt; der veröffentlichte Anteil folgt nicht aus dieser Zahl."
        case .differentCount, .differs: break
        }
        return text
    }
}
