import Formatting
import Foundation
import Normalise
import ReportSpec

/// Figures an earlier publication stated, checked against the data, as statistical offices
/// do with revisions: each value is either reproduced or a revision with the published and
/// the current value and, where it can be told, why they differ.
///
/// The table (spec `revisions.table`) has the columns of `published-figures.csv`:
/// `source,item,year,category,value,unit,note`. `item` is a catalogue item (for a
/// multiple-choice question, `category` is the option's label), a theme as "<word> <code>"
/// (the theme summary), or `survey.mainQuestions` / `survey.subQuestions`; `year` is a year
/// or "<year> vs <year>" for a change; `category` may join categories with " + " (their sum);
/// `unit` is `count`, `percent` or `percentage points`; for a change of an item between
/// two years (year "2020 vs 2021") also `percent change` (of the earlier count) or `ratio`
/// (of the counts: "doppelt so viele" is 2); `mentions` counts the units that named
/// `category` in a free-text item (`*`: named anything; the missing category: asked but
/// wrote nothing); `listed` (value 1) is an entry of a published free-text table, checked
/// for whether any unit named it. A transition is given as year "2020→2021" and category
/// "ja → nein".
package struct Revisions: Sendable {
    /// A row of the published table (read with the spec, see `PublishedValue`).
    package typealias Published = PublishedValue

    package enum Reason: Sendable, Hashable {
        /// No whole number of answers out of the base gives the published value.
        case unreachable
        /// The publication's own count gives another value: "9 von 13 sind 69 %".
        case calculation(count: Int, base: Int)
        /// A count that differs; the data do not say why.
        case differentCount
        /// Some other difference.
        case differs
    }

    package struct Revision: Sendable, Hashable {
        package let published: Published
        /// The value from the data, at the published precision.
        package let current: Double
        package let decimals: Int
        package let reason: Reason
        /// For a published change "in Prozent": the same change in percentage points of
        /// the shares, which the publication may have meant.
        package var inPoints: Double? = nil
        package var publishedValue: Double { Double(published.value) ?? .nan }
    }

    /// The publication as the text names it ("im Abschlussbericht vom Januar 2022").
    package let publication: String
    /// Rows checked (those the data can answer).
    package let checked: Int
    package let reproduced: Int
    package let revisions: [Revision]
    /// Rows the data cannot answer (unknown item, wave not in the data).
    package let unmatched: [Published]
    /// Every value the publication states (checked or not).
    package var stated: Int { checked + unmatched.count }

    package func revisions(where predicate: (Published) -> Bool) -> [Revision] { revisions.filter { predicate($0.published) } }

    /// The revision of one published value, for marking its cell ("r"): an item's (or a
    /// theme's, `item` "<word> <code>") `category` in `year` ("2021", or "2021 vs 2020" for a
    /// change), as `unit` (`count`, `percent`, `percentage points`).
    package func revision(item: String, year: String, category: String, unit: String) -> Revision? {
        revisions.first { revision in
            let p = revision.published
            return p.item == item && p.category == category && p.unit == unit && Self.sameYears(p.year, year)
        }
    }

    /// "2021 vs 2020" and "2020 vs 2021" name the same change.
    static func sameYears(_ a: String, _ b: String) -> Bool {
        func years(_ text: String) -> [Int] {
            text.components(separatedBy: " vs ").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }.sorted()
        }
        return years(a) == years(b) && !years(a).isEmpty
    }
}

extension Revisions {
    /// Checks every published value against the model.
    static func check(_ rows: [Published], publication: String, model: ReportModel, questionCounts: (main: Int, sub: Int)) -> Revisions {
        var checked = 0
        var reproduced = 0
        var revisions: [Revision] = []
        var unmatched: [Published] = []
        let catalogue = model.catalogue
        for row in rows {
            guard let published = Double(row.value) else {
                unmatched.append(row)
                continue
            }
            let decimals = row.value.split(separator: ".").dropFirst().first?.count ?? 0
            let years = row.year.components(separatedBy: " vs ").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
            var current: Double?
            var points: Double?
            var reason = Reason.differs
            switch (row.item, row.unit) {
            case ("survey.mainQuestions", "count"):
                current = Double(questionCounts.main)
                reason = .differentCount
            case ("survey.subQuestions", "count"):
                current = Double(questionCounts.sub)
                reason = .differentCount
            default:
                let transition = row.year.components(separatedBy: "→").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
                let moves = row.category.components(separatedBy: " → ")
                if transition.count == 2, moves.count == 2, row.unit == "count" {
                    // "2020→2021", "ja → nein": how many units moved between two waves.
                    current = Double(
                        model.transitions.first {
                            $0.itemID == row.item && $0.fromYear == transition[0] && $0.toYear == transition[1]
                                && $0.from == moves[0] && $0.to == moves[1]
                        }?.count ?? 0)
                    reason = .differentCount
                } else if row.unit == "listed", years.count == 1 {
                    // An entry of a published free-text table: 1 when some unit named it.
                    (current, reason) = (mentions(row, year: years[0], model: model).map { $0 > 0 ? 1 : 0 }, .differs)
                } else if row.unit == "mentions", years.count == 1 {
                    // How many units named something in a free-text answer: "*" for anyone,
                    // the missing category for those asked who wrote nothing, else a
                    // category as the institute's coding reads the published label.
                    (current, reason) = (mentions(row, year: years[0], model: model), .differentCount)
                } else if ["percentage points", "percent change", "ratio"].contains(row.unit), years.count == 2,
                    themeCode(row.item, model: model) == nil, let (itemID, category) = itemAndCategory(row, catalogue: catalogue),
                    let earlier = model.counts(item: itemID, year: years.min() ?? 0),
                    let later = model.counts(item: itemID, year: years.max() ?? 0)
                {
                    // An item's change between two waves: in percentage points of the shares,
                    // in percent of the earlier count, or as the ratio of the counts.
                    let before = category.components(separatedBy: " + ").reduce(0) { $0 + earlier.count($1) }
                    let after = category.components(separatedBy: " + ").reduce(0) { $0 + later.count($1) }
                    switch row.unit {
                    case "percentage points" where earlier.base > 0 && later.base > 0:
                        current = (Double(after) / Double(later.base) - Double(before) / Double(earlier.base)) * 100
                    case "percent change" where before > 0:
                        current = Double(after - before) / Double(before) * 100
                        if earlier.base > 0 && later.base > 0 {
                            points = (Double(after) / Double(later.base) - Double(before) / Double(earlier.base)) * 100
                        }
                    case "ratio" where before > 0: current = Double(after) / Double(before)
                    default: break
                    }
                    reason = .differs
                } else if let theme = themeCode(row.item, model: model) {
                    (current, reason) = themeValue(
                        theme, years: years, category: row.category, unit: row.unit,
                        published: published, decimals: decimals, model: model)
                } else if let (itemID, category) = itemAndCategory(row, catalogue: catalogue), years.count == 1,
                    let counts = model.counts(item: itemID, year: years[0])
                {
                    // "sehr hoch + eher hoch": the published sum of several categories.
                    let count = category.components(separatedBy: " + ").reduce(0) { $0 + counts.count($1) }
                    switch row.unit {
                    case "count":
                        current = Double(count)
                        reason = .differentCount
                    case "percent":
                        current = counts.base > 0 ? Double(count) * 100 / Double(counts.base) : nil
                        let publishedCount = rows.first {
                            $0.item == row.item && $0.year == row.year && $0.category == row.category && $0.unit == "count"
                        }.flatMap { Int($0.value) }
                        if let publishedCount, publishedCount == count {
                            reason = .calculation(count: count, base: counts.base)
                        } else if !reachable(published, decimals: decimals, bases: [counts.base]) {
                            reason = .unreachable
                        }
                    default: break
                    }
                }
            }
            guard let current else {
                unmatched.append(row)
                continue
            }
            checked += 1
            // "doppelt so viele" is 2 exactly: a ratio of 1.5 must not round to it.
            let precision = row.unit == "ratio" ? max(decimals, 2) : decimals
            if rounded(current, precision) == rounded(published, precision) {
                reproduced += 1
            } else {
                revisions.append(Revision(published: row, current: current, decimals: decimals, reason: reason, inPoints: points))
            }
        }
        return Revisions(publication: publication, checked: checked, reproduced: reproduced, revisions: revisions, unmatched: unmatched)
    }

    /// Units that named `row.category` in their free-text answer to `row.item` in `year`.
    static func mentions(_ row: Published, year: Int, model: ReportModel) -> Double? {
        guard let coded = model.analysis.freeText(row.item), coded.year == year else { return nil }
        switch row.category {
        case "*": return Double(coded.respondents)
        case model.catalogue.missingCategory: return Double(coded.asked - coded.respondents)
        default:
            // The published label read through the institute's coding: "YouConnect der
            // Bundesagentur für Arbeit" counts as "YouConnect".
            let categories = FreeTextCoder(corpus: [], item: row.item, coding: model.spec.coding).entries(of: row.category)
            guard categories.count == 1, let category = categories.first else { return nil }
            let key = category.folded
            return Double(coded.entries.first { $0.text.folded == key }?.regions ?? 0)
        }
    }

    package static func rounded(_ value: Double, _ decimals: Int) -> Int {
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = value * scale
        // Half away from zero, with a tolerance for binary fractions (0.5 stored as 0.49999…).
        return Int((abs(scaled) + 0.5 + 1e-9).rounded(.down)) * (scaled < 0 ? -1 : 1)
    }

    /// "Themenbereich III" → "III" when the last word is a theme code of the spec.
    package static func themeCode(_ item: String, model: ReportModel) -> String? {
        guard let last = item.split(separator: " ").last.map(String.init), item.contains(" ") else { return nil }
        return model.spec.themes.contains { $0.code == last } ? last : nil
    }

    static func itemAndCategory(_ row: Published, catalogue: Catalogue) -> (String, String)? {
        guard let item = catalogue.item(row.item) else { return nil }
        if item.type == .multipleChoice {
            guard let option = catalogue.options(of: item.id).first(where: { $0.shortTitle == row.category }) else { return nil }
            return (option.id, catalogue.selectedCategory)
        }
        return (item.id, row.category)
    }

    static func themeValue(
        _ theme: String, years: [Int], category: String, unit: String, published: Double, decimals: Int,
        model: ReportModel
    ) -> (Double?, Reason) {
        guard
            let table = model.tables.lazy.compactMap({ table -> ThemeSummaryTable? in
                if case .themeSummary(let t) = table, t.columns.contains(where: { $0.theme == theme }) { return t }
                return nil
            }).first, let cell = table.cell(theme: theme, category: category),
            let column = table.columns.first(where: { $0.theme == theme })
        else { return (nil, .differs) }
        switch unit {
        case "percent" where years == [table.year]:
            let reason: Reason = reachable(published, decimals: decimals, bases: [cell.total]) ? .differs : .unreachable
            return (cell.share.value * 100, reason)
        case "percentage points" where years == [table.year] + (table.previousYear.map { [$0] } ?? []):
            guard let change = cell.change, let previousTotal = column.previousTotal else { return (nil, .differs) }
            let reason: Reason = reachable(published, decimals: decimals, bases: [cell.total, previousTotal]) ? .differs : .unreachable
            return (change.value * 100, reason)
        default:
            return (nil, .differs)
        }
    }

    /// Whether whole counts out of `bases` can give `value` (a share in percent for one base,
    /// a difference of two shares in percentage points for two), at the given precision.
    ///
    /// Linear in the bases: for each numerator of the first base only the few numerators of
    /// the second that come near the target are tried (a full double loop took seconds on
    /// pooled bases of a hundred thousand answers).
    static func reachable(_ value: Double, decimals: Int, bases: [Int]) -> Bool {
        let target = rounded(value, decimals)
        /// Numerators of `base` whose share (in percent) lies within a rounding step of `share`.
        func near(_ share: Double, base: Int) -> ClosedRange<Int>? {
            let centre = share / 100 * Double(base)
            let slack = Double(base) / 100 + 1  // more than one step of the least precision
            let low = max(0, Int((centre - slack).rounded(.down)))
            let high = min(base, Int((centre + slack).rounded(.up)))
            return low <= high ? low...high : nil
        }
        switch bases.count {
        case 1:
            let base = bases[0]
            guard base > 0, let candidates = near(value, base: base) else { return false }
            return candidates.contains { rounded(Double($0) * 100 / Double(base), decimals) == target }
        case 2:
            let (a, b) = (bases[0], bases[1])
            guard a > 0, b > 0 else { return false }
            for k in 0...a {
                // k/a − j/b = value/100  ⇒  j/b = k/a − value/100
                guard let candidates = near((Double(k) / Double(a)) * 100 - value, base: b) else { continue }
                for j in candidates where rounded((Double(k) / Double(a) - Double(j) / Double(b)) * 100, decimals) == target {
                    return true
                }
            }
            return false
        default:
            return true
        }
    }
}
