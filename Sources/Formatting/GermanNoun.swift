/// A counted noun with what German grammar needs to count it: "ein Arbeitsbündnis",
/// "keine der 18 Kommunen", "in zwölf Arbeitsbündnissen", "keiner der 22 Landkreise".
/// The words come from the report spec (`unit`, `unit_singular`, `unit_gender`,
/// `unit_dative`); nothing about a particular survey is written here.
package struct GermanNoun: Sendable, Hashable {
    package enum Gender: String, Sendable, CaseIterable {
        case masculine = "m"
        case feminine = "f"
        case neuter = "n"
    }

    package enum Case: Sendable {
        case nominative
        case dative
    }

    package let singular: String
    package let plural: String
    /// Dative plural: "Arbeitsbündnissen", "Landkreisen", "Kommunen".
    package let dativePlural: String
    package let gender: Gender

    /// Without an explicit dative plural the regular one is formed: `-n` unless the plural
    /// already ends in -n or -s ("Kommunen", "Büros").
    package init(singular: String, plural: String, gender: Gender, dativePlural: String? = nil) {
        self.singular = singular
        self.plural = plural
        self.gender = gender
        self.dativePlural = dativePlural ?? ((plural.hasSuffix("n") || plural.hasSuffix("s")) ? plural : plural + "n")
    }

    /// The plural noun in a case.
    package func plural(_ grammaticalCase: Case) -> String { grammaticalCase == .dative ? dativePlural : plural }

    // MARK: Numbers

    private static let words = [
        "null", "eins", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", "zehn",
        "elf", "zwölf",
    ]

    /// A number standing alone: "eins" … "zwölf", larger ones in digits (DIN 5008 practice).
    package static func word(_ n: Int) -> String { (0..<words.count).contains(n) ? words[n] : GermanFormat.integer(n) }

    /// A number before this noun: "kein"/"keine", "ein"/"eine"/"einem"/"einer", "zwei" …
    /// "zwölf", then digits.
    package func cardinal(_ n: Int, _ grammaticalCase: Case = .nominative) -> String {
        switch n {
        case 0: return "kein" + article(grammaticalCase)
        case 1: return "ein" + article(grammaticalCase)
        default: return Self.word(n)
        }
    }

    /// The ending of "ein"/"kein" before the noun in the singular.
    private func article(_ grammaticalCase: Case) -> String {
        switch (gender, grammaticalCase) {
        case (.feminine, .nominative): return "e"
        case (.feminine, .dative): return "er"
        case (_, .nominative): return ""
        case (_, .dative): return "em"
        }
    }

    /// "ein Arbeitsbündnis", "zwei Arbeitsbündnisse", dative "zwei Arbeitsbündnissen",
    /// "kein Landkreis", "keine Kommune".
    package func count(_ n: Int, _ grammaticalCase: Case = .nominative) -> String {
        let noun = (n == 1 || n == 0) ? singular : plural(grammaticalCase)
        return cardinal(n, grammaticalCase) + " " + noun
    }

    /// A count standing for the noun, as in "2020 waren es zwei", "2020 war es noch keines":
    /// "keines"/"keiner"/"keine", "eines"/"einer"/"eine", then "zwei" … "zwölf", digits.
    package func pronoun(_ n: Int, _ grammaticalCase: Case = .nominative) -> String {
        n <= 1 ? one(grammaticalCase, none: n == 0) : Self.word(n)
    }

    /// The pronoun that stands for one of several: "eines"/"einer"/"eine" (nominative),
    /// "einem"/"einer" (dative); with `none` the negation "keines"/"keiner"/"keine".
    private func one(_ grammaticalCase: Case, none: Bool) -> String {
        let stem = none ? "kein" : "ein"
        switch (gender, grammaticalCase) {
        case (.masculine, .nominative): return stem + "er"
        case (.neuter, .nominative): return stem + "es"
        case (.feminine, .nominative): return stem + "e"
        case (.feminine, .dative): return stem + "er"
        case (_, .dative): return stem + "em"
        }
    }

    /// A part of all: "alle 13 Arbeitsbündnisse", "12 der 13 Arbeitsbündnisse", "eines der
    /// 13 Arbeitsbündnisse", "keine der 18 Kommunen"; dative "allen 13 Arbeitsbündnissen",
    /// "einem der 13 Arbeitsbündnisse", "keiner der 18 Kommunen". In this fixed pattern the
    /// part stays in digits (2 and more) so that it lines up with the base. nil for an empty
    /// base: nobody was asked, and a sentence over nobody says nothing. `attribute` stands
    /// before the noun: "alle 12 befragten Arbeitsbündnisse" when the base is not everyone.
    package func partitive(_ n: Int, of base: Int, _ grammaticalCase: Case = .nominative, attribute: String? = nil) -> String? {
        guard base > 0 else { return nil }
        // An attribute after "alle"/"der" is declined weakly: "befragten" in every case here.
        let total = GermanFormat.integer(base) + (attribute.map { " " + $0 } ?? "")
        if n == 1, base == 1 {
            // Not "alle 1 befragten Landkreise": "der einzige befragte Landkreis".
            let article: String =
                switch (gender, grammaticalCase) {
                case (.masculine, .nominative): "der einzige"
                case (.feminine, .nominative): "die einzige"
                case (.neuter, .nominative): "das einzige"
                case (.feminine, .dative): "der einzigen"
                case (_, .dative): "dem einzigen"
                }
            let weak = attribute.map { grammaticalCase == .nominative && $0.hasSuffix("en") ? String($0.dropLast()) : $0 }
            return article + (weak.map { " " + $0 } ?? "") + " " + singular
        }
        if n == base { return (grammaticalCase == .dative ? "allen " : "alle ") + total + " " + plural(grammaticalCase) }
        // Not "keine der 1 befragten Kommunen": none of one is no unit at all.
        if n == 0, base == 1 { return count(0, grammaticalCase) }
        switch n {
        case 0: return one(grammaticalCase, none: true) + " der " + total + " " + plural
        case 1: return one(grammaticalCase, none: false) + " der " + total + " " + plural
        default: return GermanFormat.integer(n) + " der " + total + " " + plural
        }
    }

    /// One wave of a history: the count, and the units that took part when not all did.
    package struct HistoryPoint: Sendable {
        package let year: Int
        package let count: Int
        package let of: Int?

        package init(year: Int, count: Int, of: Int? = nil) {
            self.year = year
            self.count = count
            self.of = of
        }
    }

    /// A history as a sentence part: "2017 erst in sieben, 2018 und 2019 in zehn, seit 2020 in
    /// allen 13 Arbeitsbündnissen" (dative, after "in"). Waves at the end with the same count
    /// become "seit"; earlier runs of equal counts are joined ("2018 und 2019", "2017 bis
    /// 2019"); "erst" ("only so far") marks the first value only when the series never falls
    /// afterwards, and a first zero is "noch in keinem".
    package func history(_ points: [(year: Int, count: Int)], preposition: String = "in", all: Int? = nil) -> String {
        history(points.map { HistoryPoint(year: $0.year, count: $0.count) }, preposition: preposition, all: all)
    }

    /// As above; a wave in which only some units took part gives its count with them:
    /// "2021 in zehn und 2022 in neun von zwölf Arbeitsbündnissen", and is never merged with
    /// a neighbour of the same count.
    package func history(_ points: [HistoryPoint], preposition: String = "in", all: Int? = nil) -> String {
        guard let last = points.last else { return "" }
        let runs = Self.runs(points)
        func amount(_ n: Int, of: Int?, noun: Bool) -> String {
            if let of {
                // "in neun von zwölf": the base belongs to this wave only, where "neun der 12
                // befragten Arbeitsbündnisse" at the end would read as the base of every year.
                return pronoun(n, .dative) + " von " + Self.word(of) + (noun ? " " + dativePlural : "")
            }
            if let all, n == all, n > 1 { return "allen " + Self.word(n) + (noun ? " " + dativePlural : "") }
            if n == 0 || n == 1 { return one(.dative, none: n == 0) + (noun ? " " + singular : "") }
            return Self.word(n) + (noun ? " " + dativePlural : "")
        }
        let rising = Self.neverFalls(points)
        var parts: [String] = []
        for (index, run) in runs.dropLast().enumerated() {
            let early = index == 0 && rising ? (run.count == 0 ? "noch " : "erst ") : ""
            parts.append("\(run.years) \(early)\(preposition) \(amount(run.count, of: run.of, noun: false))")
        }
        let tail = runs[runs.count - 1]
        let since = tail.length == 1 ? "\(tail.first)" : "seit \(tail.first)"
        parts.append("\(since) \(preposition) \(amount(last.count, of: tail.of, noun: true))")
        return Self.list(parts)
    }

    /// A history in two parts for a sentence in two tenses: the state that holds now, in the
    /// present ("seit 2019 in zwölf Arbeitsbündnissen", or "2021 in zehn Arbeitsbündnissen"
    /// when the last wave differs from the one before), and what came before, in the past, as
    /// counts that follow "waren es" ("erst sieben im Jahr 2017 und zehn im Jahr 2018"). "seit" with a state
    /// that lasts takes the present; the earlier waves are over.
    package struct SplitHistory: Sendable, Equatable {
        package let now: String
        package let earlier: String
        /// Whether "waren es" takes the singular: one earlier run of one or none ("war es
        /// 2017 erst eines").
        package let earlierIsSingular: Bool
        package var hasEarlier: Bool { !earlier.isEmpty }
    }

    package func splitHistory(_ points: [HistoryPoint], preposition: String = "in", all: Int? = nil) -> SplitHistory {
        let runs = Self.runs(points)
        guard let tail = runs.last else { return SplitHistory(now: "", earlier: "", earlierIsSingular: false) }
        let now = history([HistoryPoint(year: tail.first, count: tail.count, of: tail.of)], preposition: preposition, all: all)
        let rising = Self.neverFalls(points)
        // The count before its year ("zehn im Jahr 2018", "zwölf in den Jahren 2019 und
        // 2020"): "2021 13" would set two numbers side by side.
        // "waren es erst eines … und acht" does not agree: beside other counts, one or none
        // takes its noun ("erst ein Arbeitsbündnis im Jahr 2017 und acht im Jahr 2018").
        let several = runs.count > 2
        let earlier = runs.dropLast().enumerated().map { index, run -> String in
            let early = index == 0 && rising ? (run.count == 0 ? "noch " : "erst ") : ""
            let alone = several && run.count <= 1 ? count(run.count) : pronoun(run.count)
            let amount =
                run.of.map { pronoun(run.count) + " von " + Self.word($0) }
                ?? (all.map { run.count == $0 && $0 > 1 } == true ? "alle " + Self.word(run.count) : alone)
            return "\(early)\(amount) " + (run.length == 1 ? "im Jahr " : "in den Jahren ") + run.years
        }
        let singular = runs.count == 2 && (runs.first?.count ?? 2) <= 1
        return SplitHistory(now: (tail.length > 1 ? "seit " : "") + now, earlier: Self.list(earlier), earlierIsSingular: singular)
    }

    private struct Run {
        let first: Int
        var last: Int
        let count: Int
        var length: Int
        let of: Int?
        var years: String { length == 1 ? "\(first)" : length == 2 ? "\(first) und \(last)" : "\(first) bis \(last)" }
    }

    /// Consecutive waves with the same count (and everyone taking part) as one run.
    private static func runs(_ points: [HistoryPoint]) -> [Run] {
        var runs: [Run] = []
        for point in points {
            if var previous = runs.last, previous.count == point.count, previous.of == nil, point.of == nil {
                previous.last = point.year
                previous.length += 1
                runs[runs.count - 1] = previous
            } else {
                runs.append(Run(first: point.year, last: point.year, count: point.count, length: 1, of: point.of))
            }
        }
        return runs
    }

    /// Whether no wave has fewer than the one before and the last has more than the first:
    /// only then does "erst" fit the first value.
    private static func neverFalls(_ points: [HistoryPoint]) -> Bool {
        guard let first = points.first, let last = points.last, last.count > first.count else { return false }
        return zip(points, points.dropFirst()).allSatisfy { $0.count <= $1.count }
    }

    /// "A", "A und B", "A, B und C".
    package static func list(_ items: [String], conjunction: String = "und") -> String {
        switch items.count {
        case 0: return ""
        case 1: return items[0]
        default: return items.dropLast().joined(separator: ", ") + " \(conjunction) " + (items.last ?? "")
        }
    }
}
