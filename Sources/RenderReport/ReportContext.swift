import Aggregate
import Formatting
import Foundation
import Normalise
import ReportSpec

/// Everything the report template can say, computed from the report model. Numbers are
/// formatted here (German conventions), words that depend on the data are offered as flags
/// (`trend.up`, `ja.all`, …) so the template chooses the wording and never does arithmetic.
package struct ReportContext {
    let model: ReportModel
    let data: NormalisedData
    /// With the spec's unit, a count's forms depend on (count, base) alone; a report asks
    /// for the same few pairs hundreds of times (each wave of each item), so each pair is
    /// formatted once.
    let countTexts: CountTextMemo
    /// Revisions the template gave no place (no footnote printed them): the data chapter
    /// states them instead (`revisions.unplaced`), so that no difference goes unnoted.
    var unfootnoted: [Revisions.Revision] = []

    package init(model: ReportModel, data: NormalisedData) {
        self.model = model
        self.data = data
        countTexts = CountTextMemo(unit: model.spec.unit, population: model.regionCount)
    }

    var spec: ReportSpec { model.spec }
    var catalogue: Catalogue { model.catalogue }

    package func build() -> TemplateValue {
        var root = TemplateObject()
        root.set("meta", meta())
        root.set("yaml", yaml())
        root.set("survey", survey())
        root.set(
            "themes",
            spec.themes.map { theme -> TemplateObject in
                var o = TemplateObject()
                o.set("code", theme.code)
                o.set("title", theme.title)
                o.set("anchor", "thema-" + TemplateKey.item(theme.code).lowercased())
                return o
            })
        var figures = TemplateObject()
        for figure in model.figures { figures.set(TemplateKey.numbered("f", figure.number), self.figure(figure)) }
        root.set("fig", figures)
        root.set(
            "figures",
            model.figures.map { figure -> TemplateObject in
                var o = TemplateObject()
                o.set("number", String(figure.number))
                o.set("anchor", Self.anchor(figure))
                o.set("caption", GermanTypography.text(figure.caption))
                return o
            })
        var tables = TemplateObject()
        for table in model.tables { tables.set(TemplateKey.numbered("t", table.number), self.table(table)) }
        root.set("tab", tables)
        root.set(
            "tables",
            model.tables.map { table -> TemplateObject in
                var o = TemplateObject()
                o.set("number", String(table.number))
                o.set("anchor", Self.anchor(table))
                o.set("title", table.title)
                return o
            })
        var items = TemplateObject()
        for item in catalogue.items {
            switch item.type {
            case .status, .scale: items.set(TemplateKey.item(item.id), categorical(item))
            case .multipleChoice: items.set(TemplateKey.item(item.id), options(item))
            case .freeText: items.set(TemplateKey.item(item.id), freeText(item))
            case .option: continue
            }
        }
        root.set("item", items)
        if let summary = model.tables.compactMap({ if case .themeSummary(let t) = $0 { return t } else { return nil } }).first {
            root.set("summary", themeSummary(summary))
        }
        root.set("analysis", analysis())
        var texts = TemplateObject()
        for (name, text) in spec.texts { texts.set(name, text) }
        root.set("texts", texts)
        // A definition list in the report, the Zeichenerklärung's terms in the annex.
        root.set(
            "abbreviations",
            spec.abbreviations.map { entry -> TemplateObject in
                var a = TemplateObject()
                a.set("term", entry.term)
                a.set("meaning", entry.meaning)
                return a
            })
        // `{{#assessment.NAME}}…{{/assessment.NAME}}`: printed only while the data still show
        // what the assessment was written against (`AssessmentCheck`).
        var assessments = TemplateObject()
        for check in model.assessmentChecks { assessments.set(check.assessment.name, check.holds) }
        root.set("assessment", assessments)
        root.set("revisions", revisions())
        return root.value
    }

    static func anchor(_ figure: FigureSeries) -> String { figure.anchor }
    static func anchor(_ table: ReportTable) -> String { table.anchor }

    /// With `year`: a base of everyone who took part that year is said to be so.
    func count(_ count: Int, _ base: Int, year: Int? = nil) -> TemplateValue {
        countTexts.value(count: count, base: base, baseIsParticipants: year.map { answering($0) == base } ?? false)
    }
}
