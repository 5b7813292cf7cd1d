import Foundation
import Normalise

/// The units of a survey as words, and what each of them answered: what a published text
/// must not put side by side. Words are compared in lower case and whole, so
/// "Harz" is found in „Landkreis Harz:“ but not in „Harzgerode“.
///
/// Two kinds of mention are not taken for a unit, because published text holds them for
/// other reasons: a key of digits no longer than the largest count a table can hold (at
/// 10,800 units "10800" is a base, not a key), and a name that is a phrase of the
/// catalogue's own words (a municipality called "Wald" in a survey that asks about forests).
package struct UnitMentions: Sendable {
    /// A phrase as words ("halle", "saale").
    package typealias Phrase = [String]

    struct Unit: Sendable {
        let name: String
        let key: String
    }

    let units: [Unit]
    /// What each unit answered, built the first time a unit is named (at 10,800 units the
    /// index takes a second, and a clean report never needs it).
    let answered: AnsweredIndex
    /// The distinct answers of the table (categories and free text).
    let values: [String]
    /// The first word of every unit's name and key → (unit, the whole phrase).
    let starts: [String: [(unit: Int, phrase: Phrase)]]

    package init(answers table: AnswerTable, vocabulary: [String] = []) {
        // Digits of the largest count: the number of answers.
        let countDigits = String(table.count).count
        // Every run of up to eight words of the vocabulary, for a set lookup per name.
        var phrases: Set<String> = []
        for text in vocabulary {
            let words = Self.words(text)
            for start in words.indices {
                for end in start..<min(words.count, start + 8) { phrases.insert(words[start...end].joined(separator: " ")) }
            }
        }
        var units: [Unit] = []
        var starts: [String: [(unit: Int, phrase: Phrase)]] = [:]
        for (index, region) in table.regions.enumerated() {
            units.append(Unit(name: region.name, key: region.ags))
            let name = Self.words(region.name), key = Self.words(region.ags)
            if !name.isEmpty, !phrases.contains(name.joined(separator: " ")) {
                starts[name[0], default: []].append((index, name))
            }
            let countLike = key.count == 1 && key[0].allSatisfy(\.isNumber) && key[0].count <= countDigits
            if !key.isEmpty, !countLike { starts[key[0], default: []].append((index, key)) }
        }
        self.units = units
        self.answered = AnsweredIndex(table)
        self.values = table.values
        self.starts = starts
    }

    /// Folded words: letters and digits, lowercased ("Halle (Saale)" → "halle", "saale").
    /// Read by Unicode scalar, ASCII without a table lookup: the published files of a large
    /// survey are megabytes of text.
    package static func words(_ text: String) -> Phrase {
        var words: Phrase = []
        var current = String.UnicodeScalarView()
        let scalars = Array(text.unicodeScalars)
        for (index, scalar) in scalars.enumerated() {
            let value = scalar.value
            if value < 0x80 {
                if (value >= 0x61 && value <= 0x7A) || (value >= 0x30 && value <= 0x39) {
                    current.append(scalar)
                } else if value == 0x2E, let last = current.last, last.properties.numericType != nil,
                          index + 1 < scalars.count, (0x30...0x39).contains(scalars[index + 1].value) {
                    // "0.1138", "1.048.576": one number, not a key among its digits (only the point:
                    // in a CSV a comma separates fields).
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
            for code in answered.codes(of: unitIndex) {
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

/// Each unit's distinct answers (codes into the table's values), built once on first use.
final class AnsweredIndex: @unchecked Sendable {
    private let table: AnswerTable
    private let lock = NSLock()
    private var byUnit: [[UInt32]]?

    init(_ table: AnswerTable) { self.table = table }

    func codes(of unit: Int) -> [UInt32] {
        lock.lock()
        defer { lock.unlock() }
        if byUnit == nil {
            var sets = Array(repeating: Set<UInt32>(), count: table.regions.count)
            for i in table.indices { sets[Int(table.regionCodes[i])].insert(table.valueCodes[i]) }
            byUnit = sets.map { $0.sorted() }
        }
        return unit < (byUnit?.count ?? 0) ? byUnit?[unit] ?? [] : []
    }
}
