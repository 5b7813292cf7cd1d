import Normalise

/// Who is asked a follow-up: the question whose answer opens it and the answers that do
/// (catalogue `Bezug`, `Filterantwort`; without one, the first category of the parent's
/// scale). Decided here once, for every renderer: the annex's codebook, notes and base
/// lines, and the report's counts of who was asked (`ReportAnalysis.CodedText.asked`).
package struct ItemFilter: Sendable {
    package let parent: CatalogueItem
    package let answers: [String]
}

extension Catalogue {
    /// The filter that opens `item`; an option is asked as its multiple-choice question is.
    /// nil for a question every unit that took part was asked.
    package func filter(of item: CatalogueItem) -> ItemFilter? {
        let asked = item.type == .option ? item.parentID.flatMap { self.item($0) } ?? item : item
        guard let parent = asked.parentID.flatMap({ self.item($0) }) else { return nil }
        return ItemFilter(parent: parent, answers: openingAnswers(of: asked, parent: parent))
    }
}
