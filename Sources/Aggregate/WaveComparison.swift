/// How often an item's category was given in two waves, compared so that a
/// unit taking part in one of them only is neither a decline nor a rise.
package struct WaveComparison: Sendable, Hashable {
    package let before: Int
    package let now: Int
    /// The units compared: the later wave's base, or the units in both waves when matched.
    package let base: Int
    /// Counted over the units that answered the item in both waves (the waves' participation
    /// differs); false: every answer of each wave.
    package let matched: Bool

    package var difference: Int { now - before }

    /// `category` in both waves over the units that answered in both: from the moves
    /// between the waves (`pairs`: one item, one pair of consecutive waves).
    package init(matching pairs: [Transition], category: String) {
        before = pairs.filter { $0.from == category }.reduce(0) { $0 + $1.count }
        now = pairs.filter { $0.to == category }.reduce(0) { $0 + $1.count }
        base = pairs.reduce(0) { $0 + $1.count }
        matched = true
    }

    package init(before: Int, now: Int, base: Int, matched: Bool = false) {
        self.before = before
        self.now = now
        self.base = base
        self.matched = matched
    }
}

extension ReportModel {
    /// `category` of `itemID` in `from` and `to` (consecutive waves); nil when the item was
    /// not asked in one of them. When the number of units answering differs between the
    /// waves, both counts come from the moves between them (`transitions`): the units in
    /// both waves only.
    package func comparison(of itemID: String, category: String, from: Int, to: Int) -> WaveComparison? {
        guard let before = counts(item: itemID, year: from), let now = counts(item: itemID, year: to) else { return nil }
        let answering = analysis.participation
        let differs = answering.first { $0.year == from }?.answering != answering.first { $0.year == to }?.answering
        guard differs else { return WaveComparison(before: before.count(category), now: now.count(category), base: now.base) }
        return WaveComparison(
            matching: transitions.filter { $0.itemID == itemID && $0.fromYear == from && $0.toYear == to },
            category: category)
    }
}
