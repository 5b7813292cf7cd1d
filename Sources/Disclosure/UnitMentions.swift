import Normalise

/// The units of a survey as words, and what each of them answered: what a published text
/// must not put side by side. Words are compared in lower case and whole, so
/// "Harz" is found in „Landkreis Harz:“ but not in „Harzgerode“.
package struct UnitMentions: Sendable {
    /// A phrase as words ("halle", "saale").
    typealias Phrase = [String]

    struct Unit: Sendable {
        let name: String
        let key: String
        /// What the unit answered, in any wave (codes into the table's values).
        let answers: [UInt32]
    }

    let units: [Unit]
    /// The distinct answers of the table (categories and free text).
    let values: [String]
    /// The first word of every unit's name and key → (unit, the whole phrase).
    let starts: [String: [(unit: Int, phrase: Phrase)]]

    package init(answers table: AnswerTable) {
        var answered = Array(repeating: Set<UInt32>(), count: table.regions.count)
        for i in table.indices { answered[Int(table.regionCodes[i])].insert(table.valueCodes[i]) }
        var units: [Unit] = []
        var starts: [String: [(unit: Int, phrase: Phrase)]] = [:]
        for (index, region) in table.regions.enumerated() {
            units.append(Unit(name: region.name, key: region.ags, answers: answered[index].sorted()))
            for phrase in [Self.words(region.name), Self.words(region.ags)] where !phrase.isEmpty {
                starts[phrase[0], default: []].append((index, phrase))
            }
        }
        self.units = units
        self.values = table.values
        self.starts = starts
    }

    /// Folded words: letters and digits, lowercased ("Halle (Saale)" → "halle", "saale").
    /// Read by Unicode scalar, ASCII without a table lookup: the published files of a large
    /// survey are megabytes of text.
    static func words(_ text: String) -> Phrase {
        var words: Phrase = []
        var current = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                if (value >= 0x61 && value <= 0x7A) || (value >= 0x30 && value <= 0x39) {
                    current.append(scalar)
                } else if value >= 0x41 && value <= 0x5A {
                    current.append(Unicode.Scalar(value + 0x20) ?? scalar)
                } else if !current.isEmpty {
                    words.append(String(current))
                    current = String.UnicodeScalarView()
                }
            } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                current.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
            } else if !current.isEmpty {
                words.append(String(current))
                current = String.UnicodeScalarView()
            }
        }
        if !current.isEmpty { words.append(String(current)) }
        return words
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
            // Only a unit that is named has its answers looked for (the rare case).
            for code in unit.answers {
                let answer = Self.words(values[Int(code)])
                guard !answer.isEmpty else { continue }
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
