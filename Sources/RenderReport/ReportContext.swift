import Aggregate
import Formatting
import Normalise

/// Everything the report template can say, computed from the report model. Numbers are
/// formatted here (German conventions), words that depend on the data are offered as flags
/// (`trend.up`, `ja.all`, …) so the template chooses the wording and never does arithmetic.
public struct ReportContext {
    let model: ReportModel
    let data: NormalisedData

    public init(model: ReportModel, data: NormalisedData) {
        self.model = model
        self.data = data
    }

    private var spec: ReportSpec { model.spec }
    private var catalogue: Catalogue { model.catalogue }

    public func build() -> TemplateValue {
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
            o.set("caption", figure.caption)
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
            case .option, .freeText: continue
            }
        }
        root.set("item", items)
        if let summary = model.tables.compactMap({ if case .themeSummary(let t) = $0 { return t } else { return nil } }).first {
            root.set("summary", themeSummary(summary))
        }
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
        o.set("author", quoted([spec.author, spec.institution].filter { !$0.isEmpty }.joined(separator: ", ")))
        o.set("date", quoted(GermanFormat.date(iso: spec.date)))
        return o
    }

    func survey() -> TemplateObject {
        var o = TemplateObject()
        let waves = catalogue.waves
        o.set("waveCount", String(waves.count))
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
            o.set("mainQuestions", String(main.count))
            o.set("subQuestions", String(asked.count - main.count))
            o.set("statusQuestions", String(main.filter { $0.type == .status }.count))
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
        o.set("question", item.question)
        let asked = catalogue.waves.filter { item.headers[$0.number] != nil }
        let categories = catalogue.answerCategories(of: item.type)
        let lead = categories.first ?? "ja"
        func wave(_ year: Int) -> TemplateObject {
            let counts = model.counts(item: item.id, year: year)
            let base = counts?.base ?? 0
            var w = TemplateObject()
            w.set("year", String(year))
            w.set("base", GermanFormat.integer(base))
            for category in categories {
                w.set(TemplateKey.category(category), count(counts?.count(category) ?? 0, base))
            }
            if item.type == .scale, categories.count >= 4 {
                w.set("topTwo", count((counts?.count(categories[0]) ?? 0) + (counts?.count(categories[1]) ?? 0), base))
            }
            w.set("lead", count(counts?.count(lead) ?? 0, base))
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
        if let previous, previousAsked {
            o.set("previous", wave(previous.year))
            let now = model.counts(item: item.id, year: latest.year)?.count(lead) ?? 0
            let before = model.counts(item: item.id, year: previous.year)?.count(lead) ?? 0
            var trend = TemplateObject()
            trend.set("up", now > before)
            trend.set("down", now < before)
            trend.set("same", now == before)
            trend.set("difference", GermanFormat.integer(abs(now - before)))
            trend.set("units", CountText.units(abs(now - before), singular: spec.unitSingular, plural: spec.unitPlural))
            trend.set("one", abs(now - before) == 1)
            o.set("trend", trend)
            let moves = model.transitions.filter {
                $0.itemID == item.id && $0.fromYear == previous.year && $0.toYear == latest.year && $0.from != $0.to
            }
            o.set("transitions", moves.map { move -> TemplateObject in
                var t = TemplateObject()
                t.set("from", move.from)
                t.set("to", move.to)
                t.set("count", GermanFormat.integer(move.count))
                t.set("units", CountText.units(move.count, singular: spec.unitSingular, plural: spec.unitPlural))
                t.set("Units", CountText.capitalised(CountText.units(move.count, singular: spec.unitSingular, plural: spec.unitPlural)))
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
        // "2017: 1, 2018: 4, 2019: 7" for the waves before the latest.
        let history = asked.dropLast().map { "\($0.year): \(GermanFormat.integer(model.counts(item: item.id, year: $0.year)?.count(lead) ?? 0))" }
        o.set("history", history.joined(separator: ", "))
        o.set("hasHistory", !history.isEmpty)
        return o
    }

    /// A multiple-choice question in its latest wave: options by frequency.
    func options(_ item: CatalogueItem) -> TemplateObject {
        var o = TemplateObject()
        o.set("id", item.id)
        o.set("question", item.question)
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
        return o
    }

    func figure(_ figure: FigureSeries) -> TemplateObject {
        var o = figure.kind == .status
            ? (catalogue.item(figure.itemID).map(categorical) ?? TemplateObject())
            : (catalogue.item(figure.itemID).map(options) ?? TemplateObject())
        o.set("number", String(figure.number))
        o.set("anchor", Self.anchor(figure))
        o.set("caption", figure.caption)
        o.set("block", MarkdownBlocks.figure(figure, unit: spec.unitPlural))
        return o
    }

    func table(_ table: ReportTable) -> TemplateObject {
        var o = TemplateObject()
        o.set("number", String(table.number))
        o.set("anchor", Self.anchor(table))
        o.set("title", table.title)
        o.set("block", MarkdownBlocks.table(table, model: model))
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
            for (category, cell) in zip(table.categories, column.cells) {
                var c = TemplateObject()
                c.set("share", GermanFormat.percent(cell.share))
                c.set("shareRounded", GermanFormat.percent(cell.share, decimals: 0))
                c.set("hasChange", cell.change != nil)
                if let change = cell.change {
                    let tenths = change.rounded(scale: 100, decimals: 1)
                    c.set("change", GermanFormat.percentagePoints(change))
                    c.set("up", tenths > 0)
                    c.set("down", tenths < 0)
                    c.set("same", tenths == 0)
                }
                t.set(TemplateKey.category(category), c)
            }
            return t
        })
        let lead = table.categories.first ?? "ja"
        let gains = table.columns.compactMap { column -> (String, Ratio)? in
            guard let index = table.categories.firstIndex(of: lead), let change = column.cells[index].change else { return nil }
            return (column.title, change)
        }
        if let best = gains.max(by: { $0.1.value < $1.1.value }) {
            var g = TemplateObject()
            g.set("title", best.0)
            g.set("change", GermanFormat.percentagePoints(best.1))
            o.set("largestLeadGain", g)
        }
        return o
    }

    private func count(_ count: Int, _ base: Int) -> TemplateValue {
        CountText(count: count, base: base, unitSingular: spec.unitSingular, unitPlural: spec.unitPlural).value
    }

}
