import Aggregate
import Formatting
import Normalise
import ReportSpec
import Foundation

/// Everything the report template can say, computed from the report model. Numbers are
/// formatted here (German conventions), words that depend on the data are offered as flags
/// (`trend.up`, `ja.all`, …) so the template chooses the wording and never does arithmetic.
package struct ReportContext {
    let model: ReportModel
    let data: NormalisedData
    /// With the spec's unit, a count's forms depend on (count, base) alone; a report asks
    /// for the same few pairs hundreds of times (each wave of each item), so each pair is
    /// formatted once.
    private let countTexts: CountTextMemo
    /// Revisions the template gave no place (no footnote printed them): the data chapter
    /// states them instead (`revisions.unplaced`), so that no difference goes unnoted.
    var unfootnoted: [Revisions.Revision] = []

    package init(model: ReportModel, data: NormalisedData) {
        self.model = model
        self.data = data
        countTexts = CountTextMemo(unit: model.spec.unit, population: model.regionCount)
    }

    private var spec: ReportSpec { model.spec }
    private var catalogue: Catalogue { model.catalogue }

    package func build() -> TemplateValue {
        var root = TemplateObject()
        root.set("meta", meta())
        root.set("yaml", yaml())
        root.set("survey", survey())
        root.set("themes", spec.themes.map { theme -> TemplateObject in
            var o = TemplateObject()
            o.set("code", theme.code)
            o.set("title", theme.title)
            o.set("anchor", "thema-" + TemplateKey.item(theme.code).lowercased())
            return o
        })
        var figures = TemplateObject()
        for figure in model.figures { figures.set(TemplateKey.numbered("f", figure.number), self.figure(figure)) }
        root.set("fig", figures)
        root.set("figures", model.figures.map { figure -> TemplateObject in
            var o = TemplateObject()
            o.set("number", String(figure.number))
            o.set("anchor", Self.anchor(figure))
            o.set("caption", GermanTypography.text(figure.caption))
            return o
        })
        var tables = TemplateObject()
        for table in model.tables { tables.set(TemplateKey.numbered("t", table.number), self.table(table)) }
        root.set("tab", tables)
        root.set("tables", model.tables.map { table -> TemplateObject in
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
        root.set("abbreviations", spec.abbreviations.map { entry -> TemplateObject in
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

    // MARK: Meta

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
        o.set("nDative", GermanFormat.integer(model.regionCount) + " " + spec.unit.dativePlural)
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
        o.set("latestAnsweringDative", latest.map { GermanFormat.integer($0.answering) + " " + spec.unit.dativePlural } ?? "–")
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
            "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
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
        o.set("waves", waves.map { wave -> TemplateObject in
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

    // MARK: Items and figures

    /// A categorical item across waves: latest, previous and first wave, trend of the first
    /// category ("ja"), since when all said it, and who moved between the last two waves.
    func categorical(_ item: CatalogueItem) -> TemplateObject {
        var o = TemplateObject()
        o.set("id", item.id)
        o.set("title", item.shortTitle)
        o.set("question", GermanTypography.text(item.question))
        let asked = catalogue.waves.filter { item.headers[$0.number] != nil }
        let categories = catalogue.answerCategories(of: item.type)
        let lead = categories.first ?? ""
        let keys = categories.map(TemplateKey.category)
        func wave(_ year: Int) -> TemplateObject {
            let counts = model.counts(item: item.id, year: year)
            let base = counts?.base ?? 0
            var w = TemplateObject()
            w.set("year", String(year))
            w.set("base", GermanFormat.integer(base))
            for (category, key) in zip(categories, keys) {
                w.set(key, count(counts?.count(category) ?? 0, base, year: year))
            }
            if item.type == .scale, categories.count >= 4 {
                w.set("topTwo", count((counts?.count(categories[0]) ?? 0) + (counts?.count(categories[1]) ?? 0), base, year: year))
            }
            w.set("lead", count(counts?.count(lead) ?? 0, base, year: year))
            return w
        }
        o.set("asked", !asked.isEmpty)
        guard let latest = asked.last else { return o }
        o.set("latest", wave(latest.year))
        o.set("first", wave(asked[0].year))
        let previous = catalogue.waves.last { $0.number < latest.number }
        let previousAsked = previous.map { item.headers[$0.number] != nil } ?? false
        o.set("hasPrevious", previousAsked)
        // Lists are always present (empty when there is nothing to list), so a template may
        // use them without first asking whether a previous wave exists.
        o.set("transitions", [TemplateObject]())
        o.set("hasTransitions", false)
        o.set("oneTransition", false)
        if let previous, previousAsked {
            o.set("previous", Self.comparable(wave(previous.year), keys: keys + ["topTwo", "lead"],
                                              participationDiffers: answering(previous.year) != answering(latest.year)))
            // Over the units in both waves when participation differs (`WaveComparison`).
            let comparison = model.comparison(of: item.id, category: lead, from: previous.year, to: latest.year)
            let now = comparison?.now ?? 0, before = comparison?.before ?? 0, matched = comparison?.matched ?? false
            var trend = TemplateObject()
            trend.set("matched", matched)
            // Whom a matched comparison is over: "zwölf Arbeitsbündnisse" (in both waves).
            trend.set("matchedUnits", matched ? spec.unit.count(comparison?.base ?? 0) : "")
            trend.set("up", now > before)
            trend.set("down", now < before)
            trend.set("same", now == before)
            trend.set("difference", GermanFormat.integer(abs(now - before)))
            // A difference in a count: "eines weniger", "zwei mehr" (the count as a pronoun).
            trend.set("differenceWord", spec.unit.pronoun(abs(now - before)))
            trend.set("units", spec.unit.count(abs(now - before)))
            trend.set("unitsDative", spec.unit.count(abs(now - before), .dative))
            trend.set("one", abs(now - before) == 1)
            // Verb agreement: "ist das ein Arbeitsbündnis weniger", "sind das zwei …".
            trend.set("sg", abs(now - before) <= 1)
            o.set("trend", trend)
            let moves = model.transitions.filter {
                $0.itemID == item.id && $0.fromYear == previous.year && $0.toYear == latest.year && $0.from != $0.to
            }
            o.set("hasTransitions", !moves.isEmpty)
            o.set("oneTransition", moves.count == 1)
            // All changed answers as one statement, grouped by the answer moved to: "Zu „ja“
            // wechselten zwei aus „in Erarbeitung“ und eines aus „keine Angabe“; zu „nein“
            // wechselte eines aus „ja“" (the figure has the counts; this says who moved where).
            var targets: [String] = []
            for move in moves where !targets.contains(move.to) { targets.append(move.to) }
            let clauses = targets.map { target -> String in
                let sources = moves.filter { $0.to == target }
                let verb = sources.count == 1 && sources[0].count == 1 ? "wechselte" : "wechselten"
                return "zu „\(target)“ \(verb) " + GermanNoun.list(sources.map { spec.unit.pronoun($0.count) + " aus „\($0.from)“" })
            }
            var changed = TemplateObject()
            changed.set("units", spec.unit.count(moves.reduce(0) { $0 + $1.count }))
            changed.set("sg", moves.reduce(0) { $0 + $1.count } == 1)
            changed.set("moves", CountText.capitalised(clauses.joined(separator: "; ")))
            o.set("changed", changed)
            o.set("transitions", moves.map { move -> TemplateObject in
                var t = TemplateObject()
                t.set("from", move.from)
                t.set("to", move.to)
                t.set("count", GermanFormat.integer(move.count))
                t.set("units", spec.unit.count(move.count))
                t.set("Units", CountText.capitalised(spec.unit.count(move.count)))
                t.set("one", move.count == 1)
                return t
            })
        }
        // Since when every region (the whole population) gave the lead answer, without a break.
        var since: Int?
        for wave in asked.reversed() {
            let counts = model.counts(item: item.id, year: wave.year)
            guard let counts, counts.base == model.regionCount, counts.count(lead) == counts.base else { break }
            since = wave.year
        }
        var allSince = TemplateObject()
        allSince.set("exists", since != nil)
        allSince.set("year", since.map(String.init) ?? "")
        allSince.set("sinceFirst", since == asked.first?.year)
        o.set("allSince", allSince)
        // "2017 erst in einem, 2018 in vier, seit 2020 in zehn Arbeitsbündnissen": every wave
        // the item was asked in, as a sentence part after which the verb follows.
        // A wave in which not every unit took part says so: "2022 in neun von zwölf".
        let points = asked.map { wave in
            let answered = answering(wave.year)
            return GermanNoun.HistoryPoint(year: wave.year, count: model.counts(item: item.id, year: wave.year)?.count(lead) ?? 0,
                                           of: answered < model.regionCount ? answered : nil)
        }
        o.set("history", spec.unit.history(points, all: model.regionCount))
        // The same in two tenses: "gibt es seit 2019 in zwölf …; zuvor waren es 2017 erst sieben".
        let split = spec.unit.splitHistory(points, all: model.regionCount)
        o.set("historyNow", split.now)
        o.set("historyEarlier", split.earlier)
        o.set("hasHistoryEarlier", split.hasEarlier)
        o.set("historyEarlierVerb", split.earlierIsSingular ? "war" : "waren")
        o.set("hasHistory", asked.count > 1)
        o.set("firstYear", asked.first.map { String($0.year) } ?? "")
        o.set("askedSinceFirstWave", asked.first?.number == catalogue.waves.first?.number)
        // Values the publication stated in its text; those of a figure or table are
        // footnoted there (figureRevisionNote, the table's caption).
        // Only values of the years the item's sentences show (the latest wave, the one before);
        // an older year's revision is stated in the data chapter (`revisions.unplaced`).
        let shown = Set([latest.year] + (previousAsked ? [previous?.year].compactMap { $0 } : []))
        o.set("revisionNote", revisionNote {
            $0.item == item.id && !Self.isFigureOrTable($0.source) && Self.years(in: $0.year).isSubset(of: shown)
        })
        o.set("nonResponse", count(model.counts(item: item.id, year: latest.year)?.count(catalogue.missingCategory) ?? 0,
                                   model.counts(item: item.id, year: latest.year)?.base ?? 0))
        return o
    }

    /// How many units took part in the wave of `year` (all of them when unknown).
    func answering(_ year: Int) -> Int {
        model.analysis.participation.first { $0.year == year }?.answering ?? model.regionCount
    }

    /// The previous wave's counts with `compared` and `comparedAlone` beside `units` and
    /// `alone`: the same words when both waves had the same units, and the count with its
    /// base when not ("12 der 13 Arbeitsbündnisse"), so that "ein Jahr zuvor waren es …"
    /// never sets twelve of 13 against eleven of 12 as if they were alike.
    static func comparable(_ wave: TemplateObject, keys: [String], participationDiffers: Bool) -> TemplateObject {
        var wave = wave
        for key in keys {
            guard case .object(var fields) = wave[key] ?? .flag(false) else { continue }
            fields["compared"] = participationDiffers ? fields["ofAllUnits"] : fields["units"]
            fields["comparedAlone"] = participationDiffers ? fields["ofBase"] : fields["alone"]
            wave[key] = .object(fields)
        }
        return wave
    }

    /// A multiple-choice question in its latest wave: options by frequency.
    func options(_ item: CatalogueItem) -> TemplateObject {
        var o = TemplateObject()
        o.set("id", item.id)
        o.set("question", GermanTypography.text(item.question))
        let options = catalogue.options(of: item.id)
        guard let latest = catalogue.waves.last(where: { wave in options.contains { $0.headers[wave.number] != nil } }) else {
            o.set("asked", false)
            return o
        }
        o.set("asked", true)
        o.set("year", String(latest.year))
        let rows = options.map { option -> (String, Int, Int) in
            let counts = model.counts(item: option.id, year: latest.year)
            return (option.shortTitle, counts?.count(catalogue.selectedCategory) ?? 0, counts?.base ?? 0)
        }
        o.set("base", count(rows.first?.2 ?? 0, rows.first?.2 ?? 0))
        let byFrequency = rows.enumerated().sorted { a, b in
            a.element.1 != b.element.1 ? a.element.1 > b.element.1 : a.offset < b.offset
        }.map(\.element)
        o.set("byFrequency", byFrequency.map { label, chosen, base -> TemplateObject in
            var r = TemplateObject()
            r.set("label", label)
            r.set("latest", count(chosen, base))
            return r
        })
        // Groups for running text: the options everybody chose, the others with their counts,
        // and the most and least frequent (ties together).
        let base = rows.first?.2 ?? 0
        let everyone = byFrequency.filter { $0.1 == base && base > 0 }
        let rest = byFrequency.filter { !($0.1 == base && base > 0) }
        o.set("everyone", GermanNoun.list(everyone.map { "„\($0.0)“" }))
        o.set("hasEveryone", !everyone.isEmpty)
        o.set("rest", GermanNoun.list(rest.map { "„\($0.0)“ (\(GermanFormat.countOf($0.1, $0.2)))" }))
        o.set("hasRest", !rest.isEmpty)
        // Options chosen more or less often than in the wave before (when it was asked then).
        if let previous = catalogue.waves.last(where: { $0.number < latest.number }) {
            // As for an item's trend: over the units in both waves when participation differs.
            var matched = false
            let changes = options.compactMap { option -> (String, Int, Int)? in
                guard option.headers[previous.number] != nil,
                      let c = model.comparison(of: option.id, category: catalogue.selectedCategory, from: previous.year, to: latest.year)
                else { return nil }
                matched = matched || c.matched
                return c.before == c.now ? nil : (option.shortTitle, c.before, c.now)
            }
            o.set("changesMatched", matched)
            func listed(_ list: [(String, Int, Int)]) -> String {
                // "(zwölf statt elf)": the count now, then before (not a third "von … auf …").
                GermanNoun.list(list.map { "„\($0.0)“ (\(GermanNoun.word($0.2)) statt \(GermanNoun.word($0.1)))" })
            }
            o.set("previousYear", String(previous.year))
            o.set("rose", listed(changes.filter { $0.2 > $0.1 }))
            o.set("hasRisen", changes.contains { $0.2 > $0.1 })
            o.set("fell", listed(changes.filter { $0.2 < $0.1 }))
            o.set("hasFallen", changes.contains { $0.2 < $0.1 })
        }
        if let most = byFrequency.first?.1, let least = byFrequency.last?.1 {
            o.set("most", GermanNoun.list(byFrequency.filter { $0.1 == most }.map { "„\($0.0)“" }))
            o.set("mostCount", GermanNoun.word(most))
            o.set("least", GermanNoun.list(byFrequency.filter { $0.1 == least }.map { "„\($0.0)“" }))
            o.set("leastCount", GermanNoun.word(least))
        }
        return o
    }

    func figure(_ figure: FigureSeries) -> TemplateObject {
        var o = figure.kind == .status
            ? (catalogue.item(figure.itemID).map(categorical) ?? TemplateObject())
            : (catalogue.item(figure.itemID).map(options) ?? TemplateObject())
        o.set("number", String(figure.number))
        o.set("anchor", Self.anchor(figure))
        o.set("caption", GermanTypography.text(figure.caption))
        o.set("block", MarkdownBlocks.figure(figure, unit: spec.unitPlural))
        o.set("figureRevisionNote", revisionNote { $0.source == "Abbildung \(figure.number)" })
        return o
    }

    func table(_ table: ReportTable) -> TemplateObject {
        var o = TemplateObject()
        o.set("number", String(table.number))
        o.set("anchor", Self.anchor(table))
        o.set("title", table.title)
        // A revised value of a theme summary is footnoted in its cell; other revisions of a
        // table's values where the text names the table (pandoc 2.17 reads notes in cells,
        // not in a table caption).
        let source = "Tabelle \(table.number)"
        let model = model
        let inCell: (Revisions.Published) -> Bool = { row in
            if case .themeSummary = table { return Revisions.themeCode(row.item, model: model) != nil }
            return false
        }
        o.set("block", MarkdownBlocks.table(table, model: model) { theme, category in
            revisionNote { $0.source == source && inCell($0) && Revisions.themeCode($0.item, model: model) == theme && $0.category == category }
        })
        o.set("revisionNote", revisionNote { $0.source == source && !inCell($0) })
        return o
    }

    /// Tabelle 4 for the prose: per theme the shares and changes, and the theme with the
    /// largest gain of the lead answer.
    func themeSummary(_ table: ThemeSummaryTable) -> TemplateObject {
        var o = TemplateObject()
        o.set("year", String(table.year))
        o.set("previousYear", table.previousYear.map(String.init) ?? "")
        o.set("number", String(table.number))
        o.set("anchor", "tab-" + (table.number < 10 ? "0" : "") + String(table.number))
        o.set("themes", table.columns.map { column -> TemplateObject in
            var t = TemplateObject()
            t.set("code", column.theme)
            t.set("title", column.title)
            t.set("items", String(column.itemIDs.count))
            t.set("itemTitles", GermanNoun.list(column.itemIDs.map { "„\(catalogue.item($0)?.shortTitle ?? $0)“" }))
            t.set("answers", GermanFormat.integer(column.cells.first?.total ?? 0))
            // A theme's share the publication stated in its text ("rund 83 Prozent").
            t.set("revisionNote", revisionNote {
                Revisions.themeCode($0.item, model: model) == column.theme && !Self.isFigureOrTable($0.source)
            })
            if let total = column.cells.first?.total, total > 0 {
                t.set("oneAnswerPoints", GermanFormat.decimal(Ratio(100, total).rounded(scale: 1, decimals: 1), decimals: 1))
            }
            let drivers = model.analysis.themeDrivers.first { $0.theme == column.theme }
            // A pooled table's rows are keyed by role (`positive`), others by category (`ja`).
            func key(_ index: Int) -> String { table.roleKeys?[index] ?? TemplateKey.category(table.categories[index]) }
            for (index, category) in table.categories.enumerated() {
                let key = key(index)
                let out = (drivers?.flows ?? []).filter { $0.from == category }
                let into = (drivers?.flows ?? []).filter { $0.to == category }
                var d = TemplateObject()
                d.set("outTotal", spec.unit.count(out.reduce(0) { $0 + $1.count }))
                d.set("hasOut", !out.isEmpty)
                d.set("out", GermanNoun.list(out.map { "\(Self.answers.count($0.count)) zu „\($0.to)“" }))
                d.set("outSg", out.count == 1 && out[0].count == 1)
                d.set("into", GermanNoun.list(into.map { "\(Self.answers.count($0.count)) aus „\($0.from)“" }))
                d.set("intoSg", into.count == 1 && into[0].count == 1)
                d.set("hasInto", !into.isEmpty)
                let items = drivers?.changes[category] ?? []
                d.set("items", GermanNoun.list(items.map { change in
                    "„\(catalogue.item(change.itemID)?.shortTitle ?? change.itemID)“ (von \(GermanNoun.word(change.before)) auf \(GermanNoun.word(change.now)))"
                }))
                d.set("hasItems", !items.isEmpty)
                // Which questions moved the category, up and down, each with its figure: a
                // statement for the reader, the counts stay in the figures.
                let rose = items.filter { $0.now > $0.before }, fell = items.filter { $0.now < $0.before }
                d.set("rose", GermanNoun.list(rose.map { namedWithFigure($0.itemID) }))
                d.set("fell", GermanNoun.list(fell.map { namedWithFigure($0.itemID) }))
                d.set("hasRose", !rose.isEmpty)
                d.set("hasFell", !fell.isEmpty)
                t.set(key + "Drivers", d)
            }
            for (index, (category, cell)) in zip(table.categories, column.cells).enumerated() {
                var c = TemplateObject()
                c.set("share", GermanFormat.percent(cell.share))
                c.set("shareRounded", GermanFormat.percent(cell.share, decimals: 0))
                c.set("hasChange", cell.change != nil)
                if let change = cell.change {
                    let tenths = change.rounded(scale: 100, decimals: 1)
                    c.set("change", GermanFormat.percentagePoints(change))
                    // For running text: "1,0 Prozentpunkte" (the direction is said in words).
                    c.set("changeWords", GermanFormat.decimal(abs(tenths), decimals: 1) + " Prozentpunkte")
                    c.set("changeWordsDative", GermanFormat.decimal(abs(tenths), decimals: 1) + " Prozentpunkten")
                    c.set("up", tenths > 0)
                    c.set("down", tenths < 0)
                    c.set("same", tenths == 0)
                }
                // When the two years had different participants, the same change over the
                // units in both: a unit that sat a year out moves the share without anyone
                // changing an answer ("+0,4 PP" that is "−0,9 PP" among the twelve).
                c.set("matched", false)
                if let previous = table.previousYear, answering(previous) != answering(table.year) {
                    let comparisons = column.itemIDs.compactMap { model.comparison(of: $0, category: category, from: previous, to: table.year) }
                    let before = comparisons.reduce(0) { $0 + $1.before }, now = comparisons.reduce(0) { $0 + $1.now }
                    let base = comparisons.reduce(0) { $0 + $1.base }
                    if base > 0, comparisons.allSatisfy(\.matched) {
                        let tenths = Ratio((now - before) * 100, base).rounded(scale: 1, decimals: 1)
                        c.set("matched", true)
                        c.set("matchedUnitsDative", spec.unit.count(comparisons.map(\.base).max() ?? 0, .dative))
                        c.set("matchedChangeWords", GermanFormat.decimal(abs(tenths), decimals: 1) + " Prozentpunkte")
                        c.set("matchedChange", GermanFormat.percentagePoints(Ratio(now - before, base)))
                        c.set("matchedUp", tenths > 0)
                        c.set("matchedDown", tenths < 0)
                        c.set("matchedSame", tenths == 0)
                    }
                }
                t.set(key(index), c)
            }
            return t
        })
        // What one answer moves a theme's share by, from the smallest theme to the largest:
        // "zwischen 0,6 und 1,0 Prozentpunkten".
        let points = table.columns.compactMap { column -> Int? in
            guard let total = column.cells.first?.total, total > 0 else { return nil }
            return Ratio(100, total).rounded(scale: 1, decimals: 1)
        }
        if let low = points.min(), let high = points.max() {
            o.set("oneAnswerPointsLow", GermanFormat.decimal(low, decimals: 1))
            o.set("oneAnswerPointsHigh", GermanFormat.decimal(high, decimals: 1))
            o.set("oneAnswerPointsSame", low == high)
        }
        let lead = table.categories.first ?? ""
        let gains = table.columns.compactMap { column -> (String, Ratio)? in
            guard let index = table.categories.firstIndex(of: lead), let change = column.cells[index].change else { return nil }
            return (column.title, change)
        }
        if let best = gains.max(by: { $0.1.value < $1.1.value }) {
            var g = TemplateObject()
            g.set("title", best.0)
            g.set("change", GermanFormat.percentagePoints(best.1))
            g.set("up", best.1.value > 0)
            o.set("largestLeadGain", g)
        }
        return o
    }

    /// A question's short title with the figure that shows it: "„Keine Förderlücken“
    /// (Abbildung 7)"; without a figure the title alone.
    func namedWithFigure(_ itemID: String) -> String {
        let name = "„" + (catalogue.item(itemID)?.shortTitle ?? itemID) + "“"
        guard let figure = model.figures.first(where: { $0.itemID == itemID }) else { return name }
        return name + " (Abbildung \(figure.number))"
    }

    /// Whether a published value's source is a figure or table ("Abbildung 5", "Tabelle 4").
    /// The years a published value is about: "2021", "2020 vs 2021", "2020→2021".
    static func years(in text: String) -> Set<Int> {
        Set(text.split { !$0.isNumber }.compactMap { Int($0) })
    }

    static func isFigureOrTable(_ source: String) -> Bool {
        source.hasPrefix("Abbildung ") || source.hasPrefix("Tabelle ")
    }

    /// What pooled answers are counted in: "eine Antwort", "zwei Antworten".
    static let answers = GermanNoun(singular: "Antwort", plural: "Antworten", gender: .feminine)
    /// What the questionnaire asks: "einer Frage", "vier Fragen".
    static let questions = GermanNoun(singular: "Frage", plural: "Fragen", gender: .feminine)

    // MARK: Free text, analysis, revisions

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
                group.labels.count == 1 ? spec.unit.pronoun(group.count) + " " + group.labels[0]
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
    func analysis() -> TemplateObject {
        let analysis = model.analysis
        var o = TemplateObject()
        let complete = analysis.participation.allSatisfy { $0.answering == $0.population }
        o.set("participationComplete", complete && !analysis.participation.isEmpty)
        // Consecutive waves with the same participation as one run: "alle 13 … in den Jahren
        // 2017 bis 2021 und 12 der 13 … im Jahr 2022", not the same phrase for every year.
        var runs: [[ReportAnalysis.Participation]] = []
        for p in analysis.participation {
            if let last = runs.last?.last, last.answering == p.answering, last.population == p.population {
                runs[runs.count - 1].append(p)
            } else {
                runs.append([p])
            }
        }
        o.set("participationRuns", runs.enumerated().map { index, run -> TemplateObject in
            var r = TemplateObject()
            r.set("firstYear", String(run.first?.year ?? 0))
            r.set("lastYear", String(run.last?.year ?? 0))
            r.set("single", run.count == 1)
            r.set("two", run.count == 2)
            r.set("beforeLast", index == runs.count - 2)
            r.set("answering", count(run.first?.answering ?? 0, run.first?.population ?? 0))
            return r
        })
        // The waves in which not every unit answered, for a summary that says so.
        let incomplete = analysis.participation.filter { $0.answering < $0.population }
        o.set("incompleteWaves", incomplete.map { p -> TemplateObject in
            var w = TemplateObject()
            w.set("year", String(p.year))
            w.set("answering", count(p.answering, p.population))
            return w
        })
        o.set("otherWavesComplete", incomplete.count < analysis.participation.count && !incomplete.isEmpty)
        o.set("participation", analysis.participation.map { p -> TemplateObject in
            var w = TemplateObject()
            w.set("year", String(p.year))
            w.set("answering", count(p.answering, p.population))
            return w
        })
        func title(_ id: String) -> String { catalogue.item(id)?.shortTitle ?? id }
        o.set("questionnaireChanges", analysis.questionnaireChanges.filter { !$0.added.isEmpty || !$0.dropped.isEmpty }
            .map { change -> TemplateObject in
                var c = TemplateObject()
                c.set("year", String(change.year))
                c.set("added", GermanNoun.list(change.added.map { "„\($0.shortTitle)“" }))
                c.set("addedCount", GermanNoun.word(change.added.count))
                c.set("hasAdded", !change.added.isEmpty)
                c.set("oneAdded", change.added.count == 1)
                c.set("dropped", GermanNoun.list(change.dropped.map { "„\($0.shortTitle)“" }))
                c.set("droppedCount", GermanNoun.word(change.dropped.count))
                c.set("hasDropped", !change.dropped.isEmpty)
                c.set("oneDropped", change.dropped.count == 1)
                return c
            })
        func changes(_ list: [ReportAnalysis.ItemChange]) -> [TemplateObject] {
            list.map { change -> TemplateObject in
                var c = TemplateObject()
                c.set("title", title(change.itemID))
                c.set("id", change.itemID)
                c.set("fromYear", String(change.fromYear))
                c.set("toYear", String(change.toYear))
                // After "von": "von einem auf zwölf", "von keinem auf zwei".
                c.set("before", spec.unit.pronoun(change.before, .dative))
                c.set("now", GermanNoun.word(change.now))
                c.set("difference", spec.unit.count(abs(change.difference)))
                // "eines weniger", "zwei mehr".
                c.set("differenceWord", spec.unit.pronoun(abs(change.difference)))
                c.set("named", namedWithFigure(change.itemID))
                let figure = model.figures.first { $0.itemID == change.itemID }
                c.set("hasFigure", figure != nil)
                c.set("figure", figure.map { String($0.number) } ?? "")
                c.set("up", change.difference > 0)
                c.set("down", change.difference < 0)
                return c
            }
        }
        o.set("gains", changes(analysis.latestChanges.filter { $0.difference > 0 }))
        o.set("losses", changes(analysis.latestChanges.filter { $0.difference < 0 }))
        o.set("hasLosses", analysis.latestChanges.contains { $0.difference < 0 })
        // A loss of one unit is within what the reading notes say not to over-read: the
        // summary names the larger ones and only counts the others.
        let large = analysis.latestChanges.filter { $0.difference <= -2 }
        let small = analysis.latestChanges.filter { $0.difference == -1 }
        o.set("largeLosses", changes(large))
        o.set("hasLargeLosses", !large.isEmpty)
        o.set("hasSmallLosses", !small.isEmpty)
        o.set("smallLossQuestions", Self.questions.count(small.count, .dative))
        o.set("smallLossFurtherQuestions", small.count == 1 ? "einer weiteren Frage" : GermanNoun.word(small.count) + " weiteren Fragen")
        o.set("oneUnit", spec.unit.count(1))
        // When participation differs between the last two waves, the changes are over the
        // units that answered in both ("von zwölf auf elf" among them): the text says so.
        let matched = analysis.latestChanges.first { $0.matched }
        o.set("changesMatched", matched != nil)
        o.set("matchedUnits", matched.map { spec.unit.count($0.base) } ?? "")
        let overallGains = Array(analysis.overallChanges.filter { $0.difference > 0 }.prefix(3))
        o.set("largestOverallGains", changes(overallGains))
        // Since the first wave, too: over the units that answered in both compared waves.
        o.set("overallMatched", overallGains.contains { $0.matched })
        let missing = analysis.nonResponse.filter { $0.year == model.lastYear }
        o.set("nonResponse", missing.map { item -> TemplateObject in
            var m = TemplateObject()
            m.set("title", title(item.itemID))
            m.set("id", item.itemID)
            m.set("count", count(item.count, item.base))
            m.set("figure", model.figures.first { $0.itemID == item.itemID }.map { String($0.number) } ?? "")
            m.set("hasFigure", model.figures.contains { $0.itemID == item.itemID })
            return m
        })
        o.set("hasNonResponse", !missing.isEmpty)
        o.set("nonResponseItems", GermanNoun.word(missing.count))
        o.set("nonResponseAnswers", GermanNoun.word(missing.reduce(0) { $0 + $1.count }))
        o.set("allStatusCount", GermanNoun.word(model.catalogue.items.filter {
            $0.type == .status && $0.parentID == nil && $0.headers[catalogue.waves.last?.number ?? 0] != nil
                && model.counts(item: $0.id, year: model.lastYear).map { c in c.count(catalogue.answerCategories(of: .status).first ?? "") == c.base && c.base == model.regionCount } == true
        }.count))
        return o
    }

    /// The spec's published figures against the data: how many were reproduced, and every
    /// revision with its reason.
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
        o.set("list", revisions.revisions.map { revision -> TemplateObject in
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
        o.set("unplaced", unplaced.map { revision -> TemplateObject in
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
        var text = "\(label): \(CountText.capitalised(publication)) steht für \(what) \(published); "
            + "die Daten ergeben \(display(revision.current, decimals: decimals))"
        // "um 15 Prozent": a relative change the publication may have meant in points.
        if let points = revision.inPoints {
            text += " (in Prozentpunkten: \(GermanFormat.decimal(Revisions.rounded(points, 1), decimals: 1, signed: true))\(GermanFormat.unitSpace)PP)"
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

    /// With `year`: a base of everyone who took part that year is said to be so.
    private func count(_ count: Int, _ base: Int, year: Int? = nil) -> TemplateValue {
        countTexts.value(count: count, base: base, baseIsParticipants: year.map { answering($0) == base } ?? false)
    }

}
