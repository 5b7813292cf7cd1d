import Aggregate
import Formatting
import Foundation
import Normalise
import ReportSpec

/// The `item` and `fig` namespaces: one object per categorical or multiple-choice item and per figure.
extension ReportContext {
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
            o.set(
                "previous",
                Self.comparable(
                    wave(previous.year), keys: keys + ["topTwo", "lead"],
                    participationDiffers: answering(previous.year) != answering(latest.year)))
            // Over the units in both waves when participation differs (`WaveComparison`).
            let comparison = model.comparison(of: item.id, category: lead, from: previous.year, to: latest.year)
            let now = comparison?.now ?? 0
            let before = comparison?.before ?? 0
            let matched = comparison?.matched ?? false
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
            o.set(
                "transitions",
                moves.map { move -> TemplateObject in
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
            return GermanNoun.HistoryPoint(
                year: wave.year, count: model.counts(item: item.id, year: wave.year)?.count(lead) ?? 0,
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
        o.set(
            "revisionNote",
            revisionNote {
                $0.item == item.id && !Self.isFigureOrTable($0.source) && Self.years(in: $0.year).isSubset(of: shown)
            })
        o.set(
            "nonResponse",
            count(
                model.counts(item: item.id, year: latest.year)?.count(catalogue.missingCategory) ?? 0,
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
        o.set(
            "byFrequency",
            byFrequency.map { label, chosen, base -> TemplateObject in
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
        var o =
            figure.kind == .status
            ? (catalogue.item(figure.itemID).map(categorical) ?? TemplateObject())
            : (catalogue.item(figure.itemID).map(options) ?? TemplateObject())
        o.set("number", String(figure.number))
        o.set("anchor", Self.anchor(figure))
        o.set("caption", GermanTypography.text(figure.caption))
        o.set("block", MarkdownBlocks.figure(figure, unit: spec.unitPlural))
        o.set("figureRevisionNote", revisionNote { $0.source == "Abbildung \(figure.number)" })
        return o
    }
}
