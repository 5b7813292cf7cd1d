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

    private static let words = ["null", "eins", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", "zehn",
                                "elf", "zwölf"]

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
            let article: String = switch (gender, grammaticalCase) {
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
    /// 2019"); "erst" marks a first value below the last one.
    package func history(_ points: [(year: Int, count: Int)], preposition: String = "in", all: Int? = nil) -> String {
        history(points.map { HistoryPoint(year: $0.year, count: $0.count) }, preposition: preposition, all: all)
    }

    /// As above; a wave in which only some units took part gives its count with them:
    /// "2021 in zehn und 2022 in neun von zwölf Arbeitsbündnissen", and is never merged with
    /// a neighbour of the same count.
    package func history(_ points: [HistoryPoint], preposition: String = "in", all: Int? = nil) -> String {
        guard let last = points.last else { return "" }
        var runs: [(first: Int, last: Int, count: Int, length: Int, of: Int?)] = []
        for point in points {
            if let previous = runs.last, previous.count == point.count, previous.of == nil, point.of == nil {
                runs[runs.count - 1] = (previous.first, point.year, point.count, previous.length + 1, nil)
            } else {
                runs.append((point.year, point.year, point.count, 1, point.of))
            }
        }
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
        var parts: [String] = []
        for (index, run) in runs.dropLast().enumerated() {
            let years = run.length == 1 ? "\(run.first)" : run.length == 2 ? "\(run.first) und \(run.last)" : "\(run.first) bis \(run.last)"
            let early = index == 0 && run.count < last.count ? "erst " : ""
            parts.append("\(years) \(early)\(preposition) \(amount(run.count, of: run.of, noun: false))")
        }
        let tail = runs[runs.count - 1]
        let since = tail.length == 1 ? "\(tail.first)" : "seit \(tail.first)"
        parts.append("\(since) \(preposition) \(amount(last.count, of: tail.of, noun: true))")
        return Self.list(parts)
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
