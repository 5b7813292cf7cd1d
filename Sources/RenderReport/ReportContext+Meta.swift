import Aggregate
import Formatting
import Foundation
import Normalise
import ReportSpec

/// The template's `meta`, `yaml` and `survey` namespaces: the report's own data and the survey's shape.
extension ReportContext {
    func meta() -> TemplateObject {
        var o = TemplateObject()
        o.set("title", spec.title)
        o.set("subtitle", spec.subtitle)
        o.set("author", spec.author)
        o.set("institution", spec.institution)
        o.set("date", GermanFormat.date(iso: spec.date))
        o.set("sourceLine", model.sourceLine)
        o.set("source", spec.source)
        o.set("dataNote", spec.dataNote)
        o.set("unit", spec.unitPlural)
        o.set("unitSingular", spec.unitSingular)
        o.set("unitDative", spec.unit.dativePlural)
        // The short name the spec declares for running text ("die Bündnisse"), or the unit.
        let short = spec.unitShort ?? spec.unitPlural
        o.set("unitShort", short)
        o.set("unitShortDative", GermanNoun(singular: short, plural: short, gender: spec.unit.gender).dativePlural)
        // "13 Arbeitsbündnissen", but "einer Kommune" and "keinem Landkreis": a survey of one
        // unit (a new survey's example) is counted in the singular.
        func dative(_ n: Int) -> String {
            n <= 1 ? spec.unit.count(n, .dative) : GermanFormat.integer(n) + " " + spec.unit.dativePlural
        }
        o.set("nDative", dative(model.regionCount))
        o.set("nWord", GermanNoun.word(model.regionCount))
        // With few units one unit is many percentage points: "7,7 Prozentpunkte" for 13.
        func points(_ units: Int) -> String {
            units > 0 ? GermanFormat.decimal(Ratio(100, units).rounded(scale: 1, decimals: 1), decimals: 1) : "–"
        }
        o.set("oneUnitPoints", points(model.regionCount))
        // The latest wave's shares are over the units that answered in it: with 12 of 13,
        // one unit is 8,3 points there, not 7,7.
        let latest = model.analysis.participation.last
        o.set("latestAnswering", latest.map { GermanFormat.integer($0.answering) } ?? "–")
        o.set("latestAnsweringDative", latest.map { dative($0.answering) } ?? "–")
        o.set("latestComplete", latest.map { $0.answering == $0.population } ?? true)
        o.set("oneUnitPointsLatest", points(latest?.answering ?? model.regionCount))
        o.set("n", GermanFormat.integer(model.regionCount))
        o.set("firstYear", String(model.firstYear))
        o.set("lastYear", String(model.lastYear))
        o.set("yearRange", GermanFormat.yearRange(model.firstYear, model.lastYear))
        o.set("annexFile", spec.annexFile)
        o.set("answerCount", GermanFormat.integer(data.answers.count))
        o.set("noteCount", GermanFormat.integer(data.notes.count))
        return o
    }

    /// Values for the YAML front matter, escaped for double-quoted YAML scalars.
    func yaml() -> TemplateObject {
        func quoted(_ s: String) -> String {
            "\""
                + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
                .replacingOccurrences(of: "\n", with: " ") + "\""
        }
        var o = TemplateObject()
        o.set("title", quoted(spec.title))
        o.set("subtitle", quoted(spec.subtitle))
        // The institution has its own line on the title page (`institution` in the house
        // style); repeating it in the author line printed it twice.
        o.set("author", quoted(spec.author.isEmpty ? spec.institution : spec.author))
        o.set("date", quoted(GermanFormat.date(iso: spec.date)))
        return o
    }

    func survey() -> TemplateObject {
        var o = TemplateObject()
        let waves = catalogue.waves
        o.set("waveCount", String(waves.count))
        o.set("waveCountWord", GermanNoun.word(waves.count))
        o.set(
            "waves",
            waves.map { wave -> TemplateObject in
                var w = TemplateObject()
                w.set("number", String(wave.number))
                w.set("year", String(wave.year))
                w.set("fieldStart", wave.fieldStart ?? "–")
                w.set("fieldEnd", wave.fieldEnd ?? "–")
                w.set("isLatest", wave.number == waves.last?.number)
                return w
            })
        if let latest = waves.last {
            let asked = catalogue.items.filter { $0.headers[latest.number] != nil }
            let main = asked.filter { $0.parentID == nil }
            o.set("latestWave", String(latest.number))
            o.set("latestYear", String(latest.year))
            let themes = Set(spec.themes.map(\.code))
            let options = asked.filter { $0.type == .option }.count
            o.set("mainQuestions", String(main.count))
            o.set("subQuestions", String(asked.count - main.count))
            o.set("optionQuestions", GermanNoun.word(options))
            o.set("followUpQuestions", GermanNoun.word(asked.count - main.count - options))
            o.set("statusQuestions", String(main.filter { $0.type == .status }.count))
            o.set("themeStatusQuestions", String(main.filter { $0.type == .status && themes.contains($0.theme) }.count))
            o.set("otherMainQuestions", GermanNoun.word(main.filter { !themes.contains($0.theme) }.count))
            // The sentence states the latest wave's questionnaire: a revised count of another
            // year does not belong to it (the 2021 note hung on the 2022 sentence).
            o.set("revisionNote", revisionNote { $0.item.hasPrefix("survey.") && $0.year == String(latest.year) })
        }
        return o
    }
}
