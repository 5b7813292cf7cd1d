/// The codebook: items, waves, regions and answer categories, read from the catalogue
/// workbook. Everything the normaliser knows about the survey comes from here.
package struct Catalogue: Sendable {
    package let fileName: String
    package let items: [CatalogueItem]
    package let waves: [WaveDefinition]
    package let regions: [Region]
    package let categories: [AnswerCategory]
    /// The catalogue's own notes (`Hinweise`), one line each.
    package let notes: [String]

    private let itemIndex: [String: Int]
    private let regionIndex: [String: Int]
    /// One shared key-and-name object per region for all its tidy answers (see `TidyAnswer`).
    private let answerRegions: [String: TidyAnswer.RegionName]
    private let categoryIndex: [String: [String: String]]
    private let emptyCategory: [String: String]

    package init(
        fileName: String, items: [CatalogueItem], waves: [WaveDefinition], regions: [Region],
        categories: [AnswerCategory], notes: [String]
    ) {
        self.fileName = fileName
        self.items = items
        self.waves = waves.sorted { $0.number < $1.number }
        self.regions = regions
        self.categories = categories
        self.notes = notes
        var itemIndex: [String: Int] = [:]
        for (i, item) in items.enumerated() where itemIndex[item.id] == nil { itemIndex[item.id] = i }
        self.itemIndex = itemIndex
        var regionIndex: [String: Int] = [:]
        for (i, region) in regions.enumerated() {
            for key in [region.ags, region.name] + region.spellings where regionIndex[key.folded] == nil {
                regionIndex[key.folded] = i
            }
        }
        self.regionIndex = regionIndex
        answerRegions = Dictionary(
            regions.map { ($0.ags, TidyAnswer.RegionName(ags: $0.ags, name: $0.name)) },
            uniquingKeysWith: { first, _ in first })
        var categoryIndex: [String: [String: String]] = [:]
        var emptyCategory: [String: String] = [:]
        for category in categories {
            for spelling in [category.name] + category.spellings {
                categoryIndex[category.type, default: [:]][spelling.folded] = category.name
            }
            if category.matchesEmpty, emptyCategory[category.type] == nil { emptyCategory[category.type] = category.name }
        }
        self.categoryIndex = categoryIndex
        self.emptyCategory = emptyCategory
    }

    /// The same catalogue with the waves up to `year` only (a spec's `last_year`).
    package func withWaves(through year: Int) -> Catalogue {
        Catalogue(
            fileName: fileName, items: items, waves: waves.filter { $0.year <= year }, regions: regions,
            categories: categories, notes: notes)
    }

    package func item(_ id: String) -> CatalogueItem? { itemIndex[id].map { items[$0] } }

    package func wave(year: Int) -> WaveDefinition? { waves.first { $0.year == year } }

    /// The shared answer region for a region of this catalogue.
    package func answerRegion(of region: Region) -> TidyAnswer.RegionName {
        answerRegions[region.ags].flatMap { $0.name == region.name ? $0 : nil } ?? TidyAnswer.RegionName(ags: region.ags, name: region.name)
    }

    /// Looks a region up by official name, known spelling or AGS code.
    package func region(matching text: String) -> Region? { regionIndex[text.folded].map { regions[$0] } }

    /// Options of a multiple-choice item, in catalogue order.
    package func options(of multipleChoiceID: String) -> [CatalogueItem] {
        items.filter { $0.type == .option && $0.parentID == multipleChoiceID }
    }

    /// Category names of a type in catalogue order (`Status` → ja, in Erarbeitung, nein, keine Angabe).
    package func categoryNames(type: String) -> [String] {
        categories.filter { $0.type == type }.map(\.name)
    }

    /// The categories an item type's answers fall into, in display order, the "no answer"
    /// category last (ja, in Erarbeitung, nein, keine Angabe). Empty for free text.
    package func answerCategories(of type: ItemType) -> [String] {
        guard let table = type.categoryTableKey else { return [] }
        var names = categoryNames(type: table)
        if !names.contains(missingCategory) { names.append(missingCategory) }
        return names
    }

    /// The Option category meaning "ticked": the one an empty cell does not stand for.
    package var selectedCategory: String {
        categories.first { $0.type == ItemType.option.rawValue && !$0.matchesEmpty }?.name ?? "ausgewählt"
    }

    /// The category that stands for "no answer" (the Status category spelled `(leer)`),
    /// used for every item type where an answer is missing.
    package var missingCategory: String { emptyCategory[ItemType.status.rawValue] ?? "keine Angabe" }

    /// The catalogue's item types that have categories, and what an empty cell means there.
    func emptyCategory(forTable table: String) -> String? { emptyCategory[table] }

    /// The category a spelling stands for in a category table, if known.
    func category(forSpelling text: String, table: String) -> String? { categoryIndex[table]?[text.folded] }

    /// Known spellings of a table, for "expected …" in messages.
    func expectedSpellings(table: String) -> [String] {
        categories.filter { $0.type == table }.flatMap { [$0.name] + $0.spellings }
            .reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
    }

    /// Whether `answer` to `parent` opens `item` (its filter): one of the item's
    /// `openingAnswers`, or by default the first category of the parent's scale. Spellings
    /// are compared folded, as answers are.
    package func opens(_ item: CatalogueItem, parent: CatalogueItem, answer: String) -> Bool {
        if !item.openingAnswers.isEmpty { return item.openingAnswers.contains { $0.folded == answer.folded } }
        return answerCategories(of: parent.type).first.map { $0.folded == answer.folded } ?? false
    }

    /// The answers that open `item`, for messages.
    package func openingAnswers(of item: CatalogueItem, parent: CatalogueItem) -> [String] {
        item.openingAnswers.isEmpty ? Array(answerCategories(of: parent.type).prefix(1)) : item.openingAnswers
    }

    /// Themes in catalogue order.
    package var themes: [String] {
        items.map(\.theme).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
    }
}
