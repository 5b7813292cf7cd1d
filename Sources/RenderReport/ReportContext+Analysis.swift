import Aggregate
import Formatting
import Foundation
import Normalise
import ReportSpec

/// The `analysis` namespace: findings across items, as flags and counts.
extension ReportContext {
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
        o.set(
            "participationRuns",
            runs.enumerated().map { index, run -> TemplateObject in
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
        o.set(
            "incompleteWaves",
            incomplete.map { p -> TemplateObject in
                var w = TemplateObject()
                w.set("year", String(p.year))
                w.set("answering", count(p.answering, p.population))
                return w
            })
        o.set("otherWavesComplete", incomplete.count < analysis.participation.count && !incomplete.isEmpty)
        o.set(
            "participation",
            analysis.participation.map { p -> TemplateObject in
                var w = TemplateObject()
                w.set("year", String(p.year))
                w.set("answering", count(p.answering, p.population))
                return w
            })
        func title(_ id: String) -> String { catalogue.item(id)?.shortTitle ?? id }
        o.set(
            "questionnaireChanges",
            analysis.questionnaireChanges.filter { !$0.added.isEmpty || !$0.dropped.isEmpty }
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
        o.set(
            "nonResponse",
            missing.map { item -> TemplateObject in
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
        o.set(
            "allStatusCount",
            GermanNoun.word(
                model.catalogue.items.filter {
                    $0.type == .status && $0.parentID == nil && $0.headers[catalogue.waves.last?.number ?? 0] != nil
                        && model.counts(item: $0.id, year: model.lastYear).map { c in
                            c.count(catalogue.answerCategories(of: .status).first ?? "") == c.base && c.base == model.regionCount
                        } == true
                }.count))
        return o
    }

    /// The spec's published figures against the data: how many were reproduced, and every
    /// revision with its reason.
}
