import ReportSpec

/// Disclosure control for published counts (spec `min_cell_size`), as statistical offices
/// practise it: a count of fewer than `minimum` units (but more than none) is withheld
/// and shown as "." ("Zahlenwert unbekannt oder geheim zu halten"). Where the counts of a
/// distribution add up to a published base, a second count is withheld with a single
/// small one, so that the base does not give it away by subtraction.
package struct SmallCells: Sendable, Hashable {
    /// nil: nothing is withheld.
    package let minimum: Int?

    package init(minimum: Int?) { self.minimum = minimum }

    /// Whether `count` is withheld on its own.
    package func isSmall(_ count: Int) -> Bool {
        guard let minimum else { return false }
        return count > 0 && count < minimum
    }

    /// The counts of one question's categories in one wave (they sum to the base): the
    /// indices to withhold.
    package func withheld(distribution counts: [Int]) -> Set<Int> {
        var withheld = Set(counts.indices.filter { isSmall(counts[$0]) })
        if withheld.count == 1, let other = counts.indices.filter({ !withheld.contains($0) }).min(by: { counts[$0] < counts[$1] }) {
            withheld.insert(other)
        }
        return withheld
    }

    /// The free-text entries named by enough units to be listed, and how many are not
    /// (they are counted in one line „weitere Nennungen“).
    package func split(_ entries: [FreeTextTable.Entry]) -> (shown: [FreeTextTable.Entry], hidden: Int) {
        let shown = entries.filter { !isSmall($0.regions) }
        return (shown, entries.count - shown.count)
    }

    /// A count out of `base` that stands alone (an option of a multiple choice): withheld
    /// when it, or the units that did not choose it, are too few.
    package func withheld(count: Int, base: Int) -> Bool { isSmall(count) || isSmall(base - count) }
}

extension FigureSeries {
    /// The points `small` withholds, as "year|category": per year the categories of a single
    /// answer as one distribution, the options of a multiple choice each on its own.
    package func withheld(by small: SmallCells) -> Set<String> {
        guard small.minimum != nil else { return [] }
        var keys: Set<String> = []
        for year in years where asked(year: year) {
            switch kind {
            case .status:
                let counts = categories.map { point(year: year, category: $0)?.count ?? 0 }
                for index in small.withheld(distribution: counts) { keys.insert("\(year)|\(categories[index])") }
            case .options:
                for category in categories {
                    if let point = point(year: year, category: category), point.asked, small.withheld(count: point.count, base: point.base) {
                        keys.insert("\(year)|\(category)")
                    }
                }
            }
        }
        return keys
    }
}
