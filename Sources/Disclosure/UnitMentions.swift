import Normalise

/// The units of a survey as words, and what each of them answered: what a published text
/// must not put side by side. Words are compared folded (case, diacritics) and whole, so
/// "Harz" is found in „Landkreis Harz:“ but not in „Harzgerode“.
package struct UnitMentions: Sendable {
    /// A phrase as words ("halle", "saale").
    typealias Phrase = [Substring]

    struct Unit: Sendable {
        let name: String
        let key: String
        /// What the unit answered, in any wave (categories and free text), as phrases.
        let answers: [Phrase]
    }

    let units: [Unit]
    /// The first word of every unit's name and key → (unit, the whole phrase).
    let starts: [Substring: [(unit: Int, phrase: Phrase)]]

    package init(answers table: AnswerTable) {
        var answered = Array(repeating: Set<UInt32>(), count: table.regions.count)
        for i in table.indices { answered[Int(table.regionCodes[i])].insert(table.valueCodes[i]) }
        let valuePhrases = table.values.map { Self.words($0) }
        var units: [Unit] = []
        var starts: [Substring: [(unit: Int, phrase: Phrase)]] = [:]
        for (index, region) in table.regions.enumerated() {
            let phrases = answered[index].sorted().map { valuePhrases[Int($0)] }.filter { !$0.isEmpty }
            units.append(Unit(name: region.name, key: region.ags, answers: phrases))
            for phrase in [Self.words(region.name), Self.words(region.ags)] where !phrase.isEmpty {
                starts[phrase[0], default: []].append((index, phrase))
            }
        }
        self.units = units
        self.starts = starts
    }

    /// Folded words: letters and digits, lowercased, without diacritics ("Köthen" → "kothen").
    static func words(_ text: String) -> Phrase {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            .split(whereSeparator: { !($0.isLetter || $0.isNumber) })
    }

    /// A unit named in `record` together with one of its own answers: the unit and the
    /// answer, or nil.
    func leak(in record: String) -> (unit: String, answer: String)? {
        let words = Self.words(record)
        guard !words.isEmpty else { return nil }
        var named: [Int: [Range<Int>]] = [:]
        for (position, word) in words.enumerated() {
            guard let candidates = starts[word] else { continue }
            for candidate in candidates where Self.matches(candidate.phrase, words, at: position) {
                named[candidate.unit, default: []].append(position..<(position + candidate.phrase.count))
            }
        }
        guard !named.isEmpty else { return nil }
        for (unitIndex, places) in named.sorted(by: { $0.key < $1.key }) {
            let unit = units[unitIndex]
            for answer in unit.answers {
                for position in words.indices where Self.matches(answer, words, at: position) {
                    let range = position..<(position + answer.count)
                    // The unit's own name is not its answer ("Ja" in a name).
                    if places.contains(where: { $0.overlaps(range) }) { continue }
                    return (unit.name, answer.joined(separator: " "))
                }
            }
        }
        return nil
    }

    private static func matches(_ phrase: Phrase, _ words: Phrase, at position: Int) -> Bool {
        guard position + phrase.count <= words.count else { return false }
        for (offset, word) in phrase.enumerated() where words[position + offset] != word { return false }
        return true
    }
}
