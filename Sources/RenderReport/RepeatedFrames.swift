import Formatting

/// Sentence frames a reader notices when they recur: "x der 13 Arbeitsbündnisse (y %)",
/// "2017 erst in …, seit 2019 in …", "„Label“ (sechs)", "Von „A“ zu „B“ wechselte …". A
/// generated text that uses one frame more often than `budget` reads as machine-made,
/// whatever its numbers; the count goes to the editor's checklist and a test holds the
/// shipped reports to the budget.
package struct RepeatedFrames: Sendable {
    package struct Frame: Sendable, Equatable {
        /// What the frame looks like, for the editor ("x der 13 Arbeitsbündnisse (y %)").
        package let name: String
        package let count: Int
        /// 1-based lines of the rendered text where it occurs (a line once per occurrence).
        package let lines: [Int]
    }

    /// At most this many uses of one frame in one report.
    package static let budget = 5

    package let frames: [Frame]
    package var overBudget: [Frame] { frames.filter { $0.count > Self.budget } }

    /// Counts each frame in `text`, a report about `unit` over `population` units.
    package init(text: String, unit: GermanNoun, population: Int) {
        // A count in words or up to three digits; a four-digit year ("„Titel“ (2021)") is not one.
        let number = "(?:" + (0...12).map(GermanNoun.word).joined(separator: "|") + "|ein|einem|einer|eines|keinem|keiner|keines|[0-9]{1,3})"
        let units = "(?:\(unit.plural)|\(unit.dativePlural))"
        let total = GermanFormat.integer(population)
        let patterns: [(String, String)] = [
            ("x der \(total) \(unit.plural) (y %)", "\\S+ der \(total) \(units) \\([0-9]+.?%"),
            ("Verlauf „2017 erst in …“", "[0-9]{4} (?:erst|noch) (?:in )?\(number)\\b"),
            ("Verlauf „seit 2019 in …“", "seit [0-9]{4} in (?:allen )?\(number) \(units)"),
            ("Verlauf „zuvor waren es …“", "(?:; z|\\. Z)uvor (?:waren|war) es"),
            ("„Bezeichnung“ (Anzahl)", "“ \\(\(number)\\)"),
            ("Von „A“ zu „B“ wechselte …", "[Vv]on „[^“]+“ zu „"),
            ("von x auf y", "von \(number) auf \(number)\\b"),
            ("ein Jahr zuvor", "[Ee]in Jahr zuvor"),
            ("fehlt die Angabe", "fehlt die Angabe"),
            ("gegenüber <Jahr>", "gegenüber [0-9]{4}"),
            ("nach eigener Einschätzung", "nach eigener Einschätzung"),
            ("Die Zahl in Klammern …", "[Dd]ie Zahl in Klammern"),
        ]
        let lineStarts =
            [0] + text.utf8.indices.filter { text.utf8[$0] == UInt8(ascii: "\n") }.map { text.utf8.distance(from: text.utf8.startIndex, to: $0) + 1 }
        frames = patterns.compactMap { name, pattern -> Frame? in
            guard let regex = try? Regex(pattern) else { return nil }
            let lines = text.matches(of: regex).map { match -> Int in
                let offset = text.utf8.distance(from: text.utf8.startIndex, to: match.range.lowerBound)
                return (lineStarts.lastIndex { $0 <= offset } ?? 0) + 1
            }
            return Frame(name: name, count: lines.count, lines: lines)
        }
    }
}
