/// Step 4 of a wave: the filter logic. An item is asked of a region only when every
/// asked ancestor's answer opens it (the catalogue's `Filterantwort`, default its positive
/// answer). An answer given although the filter was closed is not counted; it is a note,
/// unless it says nothing (empty, "keine Angabe", or the type's empty category).
struct FilterGate {
    let catalogue: Catalogue
    let wave: WaveDefinition

    /// Why an item was not asked: the gating item and the answer it got.
    struct Closed: Equatable {
        let parent: String
        let parentAnswer: String
    }

    /// An ancestor that gates an item in this wave (asked in it, not a multiple-choice
    /// question), with the answers of it that open the way down.
    struct Step {
        let parent: CatalogueItem
        /// The parent's categories that open the child below it (the catalogue's
        /// `Filterantwort`, default the positive answer), resolved once per wave.
        let opening: Set<String>
    }

    /// The gating ancestors of `item`, nearest first; computed once per item and wave.
    func steps(of item: CatalogueItem) -> [Step] {
        var steps: [Step] = []
        var current = item
        while let parentID = current.parentID, let parent = catalogue.item(parentID), steps.count < 32 {
            if parent.type != .multipleChoice, parent.headers[wave.number] != nil {
                // Every category an answer to the parent can be parsed as.
                var categories = catalogue.answerCategories(of: parent.type) + [catalogue.missingCategory]
                if let table = parent.type.categoryTableKey, let empty = catalogue.emptyCategory(forTable: table) { categories.append(empty) }
                let child = current
                steps.append(Step(parent: parent, opening: Set(categories.filter { catalogue.opens(child, parent: parent, answer: $0) })))
            }
            current = parent
        }
        return steps
    }

    /// Nil when the item was asked of this region. `answer(i)` is the region's answer to
    /// `steps[i].parent` (nil: not in the sheet).
    func closed(_ steps: [Step], answer: (Int) -> ParsedAnswer?) -> Closed? {
        for (index, step) in steps.enumerated() {
            switch answer(index) {
            case .category(let category) where step.opening.contains(category): continue
            case .category(let answer), .text(let answer), .unknown(let answer):
                return Closed(parent: step.parent.id, parentAnswer: answer)
            case nil: return Closed(parent: step.parent.id, parentAnswer: catalogue.missingCategory)
            }
        }
        return nil
    }

    /// `closed` for one item with the answers by item ID (for tests and single lookups).
    func closed(_ item: CatalogueItem, answers: [String: ParsedAnswer]) -> Closed? {
        let steps = steps(of: item)
        return closed(steps) { answers[steps[$0].parent.id] }
    }

    /// The text to name in an "answer outside the filter" note, or nil when the answer says
    /// nothing and so contradicts no filter. `cellText` is the cell as typed.
    func contradiction(_ answer: ParsedAnswer, type: ItemType, cellText: String?) -> String? {
        switch answer {
        case .category(let category):
            if category == catalogue.missingCategory { return nil }
            if let table = type.categoryTableKey, catalogue.emptyCategory(forTable: table) == category { return nil }
            return cellText ?? category
        case .text(let text), .unknown(let text):
            return text
        }
    }

    /// The item whose answer gates this one: the parent, or for an option the
    /// multiple-choice question's parent.
    func gateItem(of item: CatalogueItem) -> CatalogueItem? {
        guard let parentID = item.parentID, let parent = catalogue.item(parentID) else { return nil }
        if parent.type == .multipleChoice {
            return parent.parentID.flatMap { catalogue.item($0) } ?? parent
        }
        return parent
    }
}
