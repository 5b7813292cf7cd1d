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

    /// Nil when the item was asked of this region.
    func closed(_ item: CatalogueItem, answers: [String: ParsedAnswer]) -> Closed? {
        var current = item
        var depth = 0
        while let parentID = current.parentID, let parent = catalogue.item(parentID), depth < 32 {
            depth += 1
            if parent.type != .multipleChoice, parent.headers[wave.number] != nil {
                // The parent was asked in this wave: it gates with its answer.
                switch answers[parent.id] {
                case .category(let category) where catalogue.opens(current, parent: parent, answer: category): break
                case .category(let answer), .text(let answer), .unknown(let answer):
                    return Closed(parent: parent.id, parentAnswer: answer)
                case nil: return Closed(parent: parent.id, parentAnswer: catalogue.missingCategory)
                }
            }
            current = parent
        }
        return nil
    }

    /// The text to name in an "answer outside the filter" note, or nil when the answer says
    /// nothing and so contradicts no filter. `cellText` is the cell as typed.
    func contradiction(_ answer: ParsedAnswer, item: CatalogueItem, cellText: String?) -> String? {
        switch answer {
        case .category(let category):
            if category == catalogue.missingCategory { return nil }
            if let table = item.type.categoryTableKey, catalogue.emptyCategory(forTable: table) == category { return nil }
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
