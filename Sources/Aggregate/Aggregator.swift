import Concurrency
import Formatting
import Normalise
import ReportSpec

/// Computes the report model: series per figure, tables, transitions.
package struct Aggregator: Sendable {
    package let data: NormalisedData
    package let spec: ReportSpec

    package init(data: NormalisedData, spec: ReportSpec) {
        self.data = data
        self.spec = spec
    }

    var catalogue: Catalogue { data.catalogue }

    package func model() -> ReportModel {
        let index = AnswerIndex(data.answers)
        let years = catalogue.waves.map(\.year)
        let transitions = transitions(index)
        var model = ReportModel(
            spec: spec, catalogue: catalogue, years: years, regionCount: catalogue.regions.count,
            figures: spec.figures.map { figure($0, index) },
            tables: spec.tables.map { table($0, index) },
            transitions: transitions, itemCounts: itemCounts(index))
        model.analysis = analysis(index, transitions: transitions) { model.counts(item: $0, year: $1) }
        if let published = spec.published {
            model.revisions = Revisions.check(
                published.rows, publication: published.publication, model: model,
                questionCounts: model.questionCounts(wave: catalogue.waves.last?.number ?? 0))
        }
        return model
    }

    func figure(_ figure: ReportSpec.Figure, _ index: AnswerIndex) -> FigureSeries {
        let years = figure.years ?? catalogue.waves.map(\.year)
        guard let item = catalogue.item(figure.item) else {
            return FigureSeries(
                number: figure.number, itemID: figure.item, kind: figure.kind, caption: figure.caption ?? "",
                question: "", categories: [], categoryItemIDs: [], years: years, points: [])
        }
        var points: [SeriesPoint] = []
        let labels: [String]
        var optionIDs: [String] = []
        switch figure.kind {
        case .status:
            labels = catalogue.answerCategories(of: item.type)
            for year in years {
                let wave = catalogue.wave(year: year)
                let asked = wave.map { item.headers[$0.number] != nil } ?? false
                let answers = index.answers(item: item.id, year: year)
                for category in labels {
                    points.append(
                        SeriesPoint(
                            year: year, category: category, asked: asked,
                            count: answers.count(value: category), base: answers.count))
                }
            }
        case .options:
            let options = catalogue.options(of: item.id)
            labels = options.map(\.shortTitle)
            optionIDs = options.map(\.id)
            for year in years {
                let wave = catalogue.wave(year: year)
                for option in options {
                    let asked = wave.map { option.headers[$0.number] != nil } ?? false
                    let answers = index.answers(item: option.id, year: year)
                    points.append(
                        SeriesPoint(
                            year: year, category: option.shortTitle, asked: asked,
                            count: answers.count(value: catalogue.selectedCategory), base: answers.count))
                }
            }
        }
        return FigureSeries(
            number: figure.number, itemID: item.id, kind: figure.kind,
            caption: figure.caption ?? item.question, question: item.question,
            categories: labels, categoryItemIDs: optionIDs, years: years, points: points)
    }

    func table(_ table: ReportSpec.Table, _ index: AnswerIndex) -> ReportTable {
        let (number, title) = (table.number, table.title)
        let year = table.year ?? catalogue.waves.last?.year ?? 0
        switch table.kind {
        case .options(let itemID):
            let options = catalogue.options(of: itemID)
            let previousYear = catalogue.waves.last { $0.year < year }.flatMap { wave in
                options.contains { $0.headers[wave.number] != nil } ? wave.year : nil
            }
            func counted(_ option: CatalogueItem, _ year: Int) -> (count: Int, base: Int) {
                let answers = index.answers(item: option.id, year: year)
                return (answers.count(value: catalogue.selectedCategory), answers.count)
            }
            let rows = options.map { option -> OptionsTable.Row in
                let now = counted(option, year)
                let wave = previousYear.flatMap { catalogue.wave(year: $0) }
                let before = wave.flatMap { option.headers[$0.number] != nil ? counted(option, $0.year) : nil }
                return OptionsTable.Row(option: option.shortTitle, itemID: option.id, count: now.count, base: now.base, previous: before)
            }
            return .options(OptionsTable(number: number, title: title, itemID: itemID, year: year, previousYear: previousYear, rows: rows))
        case .themeSummary(let themes):
            return .themeSummary(themeSummary(number: number, title: title, themes: themes, year: year, index))
        case .freeText(let items):
            let headings = table.headings
            let participants = participantCount(year: year, index)
            let columns = items.enumerated().map { position, id -> FreeTextTable.Column in
                let coded = codedText(id, year: year, participants: participants, index)
                let heading = position < headings.count ? headings[position] : (catalogue.item(id)?.shortTitle ?? id)
                return FreeTextTable.Column(itemID: id, heading: heading, entries: coded.entries, respondents: coded.respondents)
            }
            return .freeText(FreeTextTable(number: number, title: title, year: year, columns: columns))
        }
    }

    /// Pools the main items with an answer scale of each theme. Where they all share one
    /// scale (RÜMSA's Status items), the rows are its categories; where a theme mixes scales,
    /// answers are pooled by their role in the spec's scales (positive, partly, negative,
    /// neutral, no answer), so that "stimme eher zu" and "trifft zu" count together.
    func themeSummary(number: Int, title: String, themes: [String], year: Int, _ index: AnswerIndex) -> ThemeSummaryTable {
        let previousYear = catalogue.waves.last { $0.year < year }?.year
        func items(_ theme: String, _ year: Int) -> [CatalogueItem] {
            guard let wave = catalogue.wave(year: year) else { return [] }
            return catalogue.items.filter {
                $0.theme == theme && ($0.type == .status || $0.type == .scale) && $0.parentID == nil && $0.headers[wave.number] != nil
            }
        }
        let years = [year] + (previousYear.map { [$0] } ?? [])
        let types = Set(themes.flatMap { theme in years.flatMap { items(theme, $0).map(\.type) } })
        let byRole = types.count > 1
        let roles: [String: AnswerScale.Role] = Dictionary(
            spec.scales.flatMap(\.categories).map { ($0.label, $0.role) },
            uniquingKeysWith: { first, _ in first })
        func role(_ answer: String, _ type: ItemType) -> AnswerScale.Role {
            if let role = roles[answer] { return role }
            if answer == catalogue.missingCategory { return .missing }
            return catalogue.answerCategories(of: type).first == answer ? .positive : .negative
        }
        // The roles the themes' scales have, in role order; "no answer" keeps its catalogue name.
        let present = Set(types.flatMap { type in catalogue.answerCategories(of: type).map { role($0, type) } })
        // Pooled rows are named by the spec (`pooled`) or by their categories, keyed by role.
        let scaleNames = Set(types.map(\.rawValue))
        func label(_ role: AnswerScale.Role) -> String {
            role == .missing ? catalogue.missingCategory : spec.pooledLabel(role, scaleNames: scaleNames)
        }
        let presentRoles = AnswerScale.Role.allCases.filter(present.contains)
        let rows: [String] = byRole ? presentRoles.map(label) : catalogue.answerCategories(of: types.first ?? .status)
        let keys: [String]? = byRole ? presentRoles.map(\.rawValue) : nil
        func row(_ answer: String, _ type: ItemType) -> String {
            guard byRole else { return answer }
            return label(role(answer, type))
        }
        func pooled(_ theme: String, _ year: Int) -> (counts: [String: Int], total: Int, items: [String]) {
            let items = items(theme, year)
            var counts: [String: Int] = [:]
            var total = 0
            let values = index.table.values
            for item in items {
                for (code, n) in index.answers(item: item.id, year: year).valueCounts() {
                    counts[row(values[Int(code)], item.type), default: 0] += n
                    total += n
                }
            }
            return (counts, total, items.map(\.id))
        }
        let columns = themes.map { theme -> ThemeSummaryTable.Column in
            let now = pooled(theme, year)
            let before = previousYear.map { pooled(theme, $0) }
            let cells = rows.map { category -> ThemeSummaryTable.Cell in
                let share = Ratio.share(now.counts[category] ?? 0, of: now.total) ?? Ratio(0, 1)
                var change: Ratio?
                if let before, let previous = Ratio.share(before.counts[category] ?? 0, of: before.total) {
                    change = share - previous
                }
                return ThemeSummaryTable.Cell(count: now.counts[category] ?? 0, total: now.total, share: share, change: change)
            }
            return ThemeSummaryTable.Column(
                theme: theme, title: spec.themeTitle(theme), itemIDs: now.items, cells: cells,
                previousTotal: before?.total)
        }
        return ThemeSummaryTable(
            number: number, title: title, year: year, previousYear: previousYear,
            categories: rows, columns: columns, roleKeys: keys)
    }

    /// For every categorical item and every pair of consecutive waves in which it was asked,
    /// how many regions moved from which category to which.
    func transitions(_ index: AnswerIndex) -> [Transition] {
        let waves = catalogue.waves
        let items = catalogue.items.filter { $0.type == .status || $0.type == .scale || $0.type == .option }
        let regionKeyCount = (index.regionKeys.max() ?? -1) + 1
        let values = index.table.values
        let regionKeys = index.regionKeys
        let slot = index.categorySlot
        let code = index.categoryCodes
        // Items are independent: counted on all cores, joined in catalogue order.
        return ParallelMap.map(items) { item -> [Transition] in
            var result: [Transition] = []
            let cats = catalogue.answerCategories(of: item.type)
            for (earlier, later) in zip(waves, waves.dropFirst())
            where item.headers[earlier.number] != nil && item.headers[later.number] != nil {
                // Each region's earlier value code, by region key (the first answer wins).
                let none = UInt32.max
                var before = [UInt32](repeating: none, count: regionKeyCount)
                index.answers(item: item.id, year: earlier.year).forEach { region, value in
                    let key = regionKeys[Int(region)]
                    if before[key] == none { before[key] = value }
                }
                // Category pairs in a dense matrix, anything else (free text) in a dictionary.
                let k = index.categoryCount
                var matrix = [Int](repeating: 0, count: k * k)
                var other: [UInt64: Int] = [:]
                index.answers(item: item.id, year: later.year).forEach { region, value in
                    let from = before[regionKeys[Int(region)]]
                    guard from != none else { return }
                    let f = slot[Int(from)]
                    let t = slot[Int(value)]
                    if f >= 0, t >= 0 {
                        matrix[f * k + t] += 1
                    } else {
                        other[UInt64(from) << 32 | UInt64(value), default: 0] += 1
                    }
                }
                var counts: [String: [String: Int]] = [:]
                for cell in matrix.indices where matrix[cell] > 0 {
                    counts[values[Int(code[cell / k])], default: [:]][values[Int(code[cell % k])], default: 0] += matrix[cell]
                }
                for (pair, n) in other {
                    counts[values[Int(pair >> 32)], default: [:]][values[Int(pair & 0xFFFF_FFFF)], default: 0] += n
                }
                for from in cats {
                    for to in cats {
                        if let n = counts[from]?[to], n > 0 {
                            result.append(
                                Transition(
                                    itemID: item.id, fromYear: earlier.year, toYear: later.year,
                                    from: from, to: to, count: n))
                        }
                    }
                }
            }
            return result
        }.flatMap { $0 }
    }

    func itemCounts(_ index: AnswerIndex) -> [ItemWaveCounts] {
        var result: [ItemWaveCounts] = []
        for item in catalogue.items where item.type.categoryTableKey != nil {
            for wave in catalogue.waves where item.headers[wave.number] != nil {
                let answers = index.answers(item: item.id, year: wave.year)
                var counts: [String: Int] = [:]
                for (code, n) in answers.valueCounts() { counts[index.table.values[Int(code)], default: 0] += n }
                result.append(ItemWaveCounts(itemID: item.id, year: wave.year, base: answers.count, counts: counts))
            }
        }
        return result
    }
}
