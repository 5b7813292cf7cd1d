import Formatting
import Normalise
import ReportSpec

/// What the report's text says about the data beyond single figures, computed here so that
/// the interpretation follows the data: who took part in each wave, how the questionnaire
/// changed, which items moved, what drove each theme's change, where answers are missing,
/// and the coded free-text answers ranked by how many units gave them.
package struct ReportAnalysis: Sendable {
    /// Units that answered in a wave, against the population.
    package struct Participation: Sendable, Hashable {
        package let year: Int
        package let answering: Int
        package let population: Int
    }

    /// Questions (main questions and free-text follow-ups; options count with their
    /// question) first asked, or no longer asked, in a wave.
    package struct QuestionnaireChange: Sendable {
        package let year: Int
        package let added: [CatalogueItem]
        package let dropped: [CatalogueItem]
    }

    /// The lead answer's count of a main status item in two waves.
    package struct ItemChange: Sendable, Hashable {
        package let itemID: String
        package let fromYear: Int
        package let toYear: Int
        package let before: Int
        package let now: Int
        package let base: Int
        /// Counted over the units that answered the item in both waves only, because the
        /// waves' participation differs: a unit that did not take part is then neither a
        /// decline nor a rise. False: every answer of each wave (the same units).
        package var matched: Bool = false
        package var difference: Int { now - before }
    }

    /// Answers that moved from one category to another between two waves, pooled.
    package struct Flow: Sendable, Hashable {
        package let from: String
        package let to: String
        package let count: Int
    }

    /// What lies behind a theme's change in the theme summary (a `themeSummary` table).
    package struct ThemeDrivers: Sendable {
        package let theme: String
        /// Pooled moves between the categories, largest first.
        package let flows: [Flow]
        /// Items whose count of a category changed, per category.
        package let changes: [String: [ItemChange]]
    }

    /// Missing answers ("keine Angabe") of an item in the latest wave it was asked.
    package struct NonResponse: Sendable, Hashable {
        package let itemID: String
        package let year: Int
        package let count: Int
        package let base: Int
    }

    /// A free-text item's answers in one wave, coded into entries.
    package struct CodedText: Sendable {
        package let itemID: String
        package let year: Int
        /// Units that answered with text (not "keine Angabe").
        package let respondents: Int
        /// Entries with the number of units naming them, most frequent first.
        package let entries: [FreeTextTable.Entry]
        /// Units that were asked: those that took part in the wave and, for a follow-up,
        /// whose answer to the question above opens it (`Bezug`, `Filterantwort`).
        package let asked: Int
        /// Entries that read as sentences and that the coding table does not code: the
        /// editor's to code (`FreeTextCoder.readsAsSentence`).
        package var uncodedSentences: [String] = []
    }

    package let participation: [Participation]
    package let questionnaireChanges: [QuestionnaireChange]
    /// Main status items of the themes, latest wave against the one before (lead answer).
    package let latestChanges: [ItemChange]
    /// The same items from the first wave they were asked to the latest.
    package let overallChanges: [ItemChange]
    package let themeDrivers: [ThemeDrivers]
    package let nonResponse: [NonResponse]
    package let freeTexts: [String: CodedText]

    package func freeText(_ itemID: String) -> CodedText? { freeTexts[itemID] }

    package static let empty = ReportAnalysis(
        participation: [], questionnaireChanges: [], latestChanges: [], overallChanges: [],
        themeDrivers: [], nonResponse: [], freeTexts: [:])
}

extension Aggregator {
    /// Per wave (number), the units (keys) that answered anything.
    func answeringRegions() -> [Int: Set<String>] {
        // Regions with at least one answer, per wave: one pass over the answers, not one per wave.
        // Marked on codes first, then the distinct (wave, AGS) pairs counted.
        let table = data.answers
        var seen = Array(repeating: [Bool](repeating: false, count: table.regions.count), count: table.waves.count)
        for i in table.indices { seen[Int(table.waveCodes[i])][Int(table.regionCodes[i])] = true }
        var answeringRegions: [Int: Set<String>] = [:]
        for (wave, regions) in seen.enumerated() {
            for (region, answered) in regions.enumerated() where answered {
                answeringRegions[table.waves[wave].number, default: []].insert(table.regions[region].ags)
            }
        }
        return answeringRegions
    }

    /// Per wave, how many units answered anything, of all the catalogue lists.
    func participation(_ answeringRegions: [Int: Set<String>]) -> [ReportAnalysis.Participation] {
        catalogue.waves.map { wave -> ReportAnalysis.Participation in
            .init(year: wave.year, answering: answeringRegions[wave.number]?.count ?? 0, population: catalogue.regions.count)
        }
    }

    /// The model without figures, tables or analysis beyond participation: what the internal
    /// outputs need, available a stage earlier than `model()`, so that the internal
    /// workbook (the longest writer) need not wait for the aggregation.
    package func frame() -> ReportModel {
        let analysis = ReportAnalysis(
            participation: participation(answeringRegions()), questionnaireChanges: [], latestChanges: [], overallChanges: [],
            themeDrivers: [], nonResponse: [], freeTexts: [:])
        return ReportModel(
            spec: spec, catalogue: catalogue, years: catalogue.waves.map(\.year), regionCount: catalogue.regions.count,
            figures: [], tables: [], transitions: [], itemCounts: [], analysis: analysis)
    }

    func analysis(_ index: AnswerIndex, transitions: [Transition], counts: (String, Int) -> ItemWaveCounts?) -> ReportAnalysis {
        let waves = catalogue.waves
        let answeringRegions = answeringRegions()
        let participation = participation(answeringRegions)
        // A question is a main item or a follow-up that is not an option; a multiple-choice
        // question is asked when any of its options is.
        let questions = catalogue.items.filter { $0.type != .option }
        func asked(_ item: CatalogueItem, _ wave: WaveDefinition) -> Bool {
            item.type == .multipleChoice
                ? catalogue.options(of: item.id).contains { $0.headers[wave.number] != nil }
                : item.headers[wave.number] != nil
        }
        let changes = zip(waves, waves.dropFirst()).map { earlier, later in
            ReportAnalysis.QuestionnaireChange(
                year: later.year,
                added: questions.filter { asked($0, later) && !asked($0, earlier) },
                dropped: questions.filter { asked($0, earlier) && !asked($0, later) })
        }
        let themes = Set(spec.themes.map(\.code))
        let tracked = catalogue.items.filter { $0.type == .status && $0.parentID == nil && themes.contains($0.theme) }
        let lead = catalogue.answerCategories(of: .status).first ?? ""
        // Moves between consecutive waves per (item, earlier year): the units in both waves.
        var moves: [String: [Transition]] = [:]
        for t in transitions { moves["\(t.itemID)\u{1F}\(t.fromYear)", default: []].append(t) }
        func change(_ item: CatalogueItem, _ category: String, from: WaveDefinition, to: WaveDefinition) -> ReportAnalysis.ItemChange? {
            guard let before = counts(item.id, from.year), let now = counts(item.id, to.year) else { return nil }
            let consecutive = waves.firstIndex(of: from).map { $0 + 1 } == waves.firstIndex(of: to)
            if answeringRegions[from.number] != answeringRegions[to.number] {
                // Units came or went between the waves: compare the units in both only (from
                // the moves between consecutive waves, else from their answers in the two).
                let matched =
                    consecutive
                    ? WaveComparison(matching: moves["\(item.id)\u{1F}\(from.year)"] ?? [], category: category)
                    : matchedComparison(item.id, category, from: from.year, to: to.year, index)
                return .init(
                    itemID: item.id, fromYear: from.year, toYear: to.year, before: matched.before, now: matched.now,
                    base: matched.base, matched: true)
            }
            return .init(
                itemID: item.id, fromYear: from.year, toYear: to.year, before: before.count(category),
                now: now.count(category), base: now.base)
        }
        var latest: [ReportAnalysis.ItemChange] = []
        var overall: [ReportAnalysis.ItemChange] = []
        if let last = waves.last {
            let previous = waves.dropLast().last
            for item in tracked {
                if let previous, let c = change(item, lead, from: previous, to: last) { latest.append(c) }
                if let first = waves.first(where: { item.headers[$0.number] != nil }), first.number != last.number,
                    let c = change(item, lead, from: first, to: last)
                {
                    overall.append(c)
                }
            }
        }
        let byMagnitude: (ReportAnalysis.ItemChange, ReportAnalysis.ItemChange) -> Bool = {
            abs($0.difference) != abs($1.difference) ? abs($0.difference) > abs($1.difference) : $0.itemID < $1.itemID
        }
        // Theme drivers between the last two waves: pooled moves and item changes per category.
        var drivers: [ReportAnalysis.ThemeDrivers] = []
        if let last = waves.last, let previous = waves.dropLast().last {
            let categories = catalogue.answerCategories(of: .status)
            for theme in spec.themes.map(\.code) {
                let items = tracked.filter { $0.theme == theme }
                let ids = Set(items.map(\.id))
                var pooled: [String: Int] = [:]
                for t in transitions where ids.contains(t.itemID) && t.fromYear == previous.year && t.toYear == last.year && t.from != t.to {
                    pooled["\(t.from)\u{1F}\(t.to)", default: 0] += t.count
                }
                let flows = pooled.map { key, count -> ReportAnalysis.Flow in
                    let parts = key.split(separator: "\u{1F}", omittingEmptySubsequences: false).map(String.init)
                    return .init(from: parts[0], to: parts.count > 1 ? parts[1] : "", count: count)
                }.sorted { $0.count != $1.count ? $0.count > $1.count : ($0.from, $0.to) < ($1.from, $1.to) }
                var perCategory: [String: [ReportAnalysis.ItemChange]] = [:]
                for category in categories {
                    perCategory[category] = items.compactMap { change($0, category, from: previous, to: last) }
                        .filter { $0.difference != 0 }.sorted(by: byMagnitude)
                }
                drivers.append(.init(theme: theme, flows: flows, changes: perCategory))
            }
        }
        let missing = catalogue.missingCategory
        let nonResponse = catalogue.items.filter { $0.type == .status || $0.type == .scale }.compactMap { item -> ReportAnalysis.NonResponse? in
            guard let wave = waves.last(where: { item.headers[$0.number] != nil }), let c = counts(item.id, wave.year),
                c.count(missing) > 0
            else { return nil }
            return .init(itemID: item.id, year: wave.year, count: c.count(missing), base: c.base)
        }
        var freeTexts: [String: ReportAnalysis.CodedText] = [:]
        for item in catalogue.items where item.type == .freeText {
            guard let wave = waves.last(where: { item.headers[$0.number] != nil }) else { continue }
            freeTexts[item.id] = codedText(item.id, year: wave.year, participants: answeringRegions[wave.number]?.count ?? 0, index)
        }
        return ReportAnalysis(
            participation: participation, questionnaireChanges: changes,
            latestChanges: latest.filter { $0.difference != 0 }.sorted(by: byMagnitude),
            overallChanges: overall.sorted(by: byMagnitude), themeDrivers: drivers,
            nonResponse: nonResponse, freeTexts: freeTexts)
    }

    /// `category` in two waves over the units that answered `item` in both.
    func matchedComparison(_ item: String, _ category: String, from: Int, to: Int, _ index: AnswerIndex) -> WaveComparison {
        let codes = Set(index.table.codes(of: category))
        var earlier: [UInt32: Bool] = [:]
        index.answers(item: item, year: from).forEach { region, value in earlier[region] = codes.contains(value) }
        var before = 0
        var now = 0
        var base = 0
        index.answers(item: item, year: to).forEach { region, value in
            guard let was = earlier[region] else { return }
            base += 1
            if was { before += 1 }
            if codes.contains(value) { now += 1 }
        }
        return WaveComparison(before: before, now: now, base: base, matched: true)
    }

    /// A free-text item's answers of one wave, coded into entries (see `FreeTextCoder`),
    /// most frequent first, ties in order of first mention.
    func codedText(_ itemID: String, year: Int, participants: Int, _ index: AnswerIndex) -> ReportAnalysis.CodedText {
        let corpus = catalogue.waves.flatMap { index.answers(item: itemID, year: $0.year).anonymisedFreeTexts }
        let coder = FreeTextCoder(corpus: corpus, item: itemID, coding: spec.coding)
        let answers = index.answers(item: itemID, year: year).anonymisedFreeTexts
        var unitsPerEntry: [String: Int] = [:]
        var order: [String] = []
        var coded: [String: [String]] = [:]
        for answer in answers {
            let entries = coded[answer] ?? coder.entries(of: answer)
            coded[answer] = entries
            for entry in entries {
                if unitsPerEntry[entry] == nil { order.append(entry) }
                unitsPerEntry[entry, default: 0] += 1
            }
        }
        let entries = order.map { FreeTextTable.Entry(text: $0, regions: unitsPerEntry[$0] ?? 0) }
            .enumerated().sorted { a, b in
                a.element.regions != b.element.regions ? a.element.regions > b.element.regions : a.offset < b.offset
            }.map(\.element)
        return .init(
            itemID: itemID, year: year, respondents: answers.count, entries: entries,
            asked: askedUnits(itemID, year: year, participants: participants, index),
            uncodedSentences: entries.map(\.text).filter(FreeTextCoder.readsAsSentence))
    }

    /// How many units answered anything in the wave of `year`.
    func participantCount(year: Int, _ index: AnswerIndex) -> Int {
        let table = index.table
        guard let wave = table.waves.firstIndex(where: { $0.year == year }) else { return 0 }
        var seen = [Bool](repeating: false, count: table.regions.count)
        for i in table.indices where Int(table.waveCodes[i]) == wave { seen[Int(table.regionCodes[i])] = true }
        return seen.filter { $0 }.count
    }

    /// How many units were asked `itemID` in `year`: the wave's participants, and for a
    /// follow-up those whose answer to its parent opens it. A parent without answers of its
    /// own (a multiple-choice question) leaves the wave's participants.
    func askedUnits(_ itemID: String, year: Int, participants: Int, _ index: AnswerIndex) -> Int {
        guard let item = catalogue.item(itemID), let filter = catalogue.filter(of: item) else { return participants }
        let parentAnswers = index.answers(item: filter.parent.id, year: year)
        guard !parentAnswers.isEmpty else { return participants }
        let opening = Set(filter.answers.map(\.folded))
        return Set(parentAnswers.filter { opening.contains($0.value.folded) }.map(\.regionAGS)).count
    }
}
