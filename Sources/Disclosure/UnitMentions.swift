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
    /// Hashes of those first words, for a pass over a record that makes no strings.
    let startHashes: Set<UInt64>

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
            let name = Self.words(region.name)
            let key = Self.words(region.ags)
            if !name.isEmpty, !phrases.contains(name.joined(separator: " ")) {
                starts[name[0], default: []].append((index, name))
            }
            let countLike = key.count == 1 && key[0].allSatisfy(\.isNumber) && key[0].count <= countDigits
            if !key.isEmpty, !countLike { starts[key[0], default: []].append((index, key)) }
        }
        self.units = units
        // One-word names and keys by their word, longer names by their first two words.
        self.startHashes = Set(
            starts.values.joined().map { entry in
                entry.phrase.count == 1
                    ? Self.hash(Array(entry.phrase[0].utf8))
                    : Self.pairHash(Self.hash(Array(entry.phrase[0].utf8)), Array(entry.phrase[1].utf8))
            })
        self.answered = AnsweredIndex(table)
        self.values = table.values
        self.starts = starts
    }

    /// Folded words: letters and digits, lowercased ("Halle (Saale)" → "halle", "saale").
    package static func words(_ text: String) -> Phrase {
        var words: Phrase = []
        forEachWord(text) { words.append($0) }
        return words
    }

    /// FNV-1a of a folded word's bytes.
    static func hash(_ bytes: [UInt8]) -> UInt64 {
        bytes.reduce(0xCBF2_9CE4_8422_2325) { ($0 ^ UInt64($1)) &* 0x100_0000_01B3 }
    }

    /// Whether `text` may name a unit: a folded word whose hash is a one-word name's or a
    /// key's, or two consecutive words whose hash is a longer name's first two ("Sachsen-Anhalt"
    /// is not "Anhalt-Bitterfeld"). No string is made; a hit is then checked word by word.
    static func anyWord(of text: String, in hashes: Set<UInt64>) -> Bool {
        var hit = false
        var previous: UInt64?
        forEachWordBytes(text) { bytes in
            let single = hash(bytes)
            if hashes.contains(single) {
                hit = true
                return false
            }
            if let previous, hashes.contains(pairHash(previous, bytes)) {
                hit = true
                return false
            }
            previous = single
            return true
        }
        return hit
    }

    /// The hash of "<first> <second>" from the first word's hash and the second's bytes.
    static func pairHash(_ first: UInt64, _ second: [UInt8]) -> UInt64 {
        second.reduce((first ^ 0x20) &* 0x100_0000_01B3) { ($0 ^ UInt64($1)) &* 0x100_0000_01B3 }
    }

    /// Calls `body` with each folded word of `text` as a string.
    static func forEachWord(_ text: String, _ body: (String) -> Void) {
        forEachWordBytes(text) {
            body(String(decoding: $0, as: UTF8.self))
            return true
        }
    }

    /// Calls `body` with the UTF-8 bytes of each folded word of `text` until it returns
    /// false, reading the bytes directly (ASCII without a table lookup): the published files
    /// of a large survey are megabytes.
    static func forEachWordBytes(_ text: String, _ body: ([UInt8]) -> Bool) {
        var text = text
        text.withUTF8 { bytes in
            var current: [UInt8] = []
            current.reserveCapacity(32)
            var going = true
            func flush() {
                if !current.isEmpty {
                    if going { going = body(current) }
                    current.removeAll(keepingCapacity: true)
                }
            }
            var index = 0
            let count = bytes.count
            while index < count, going {
                let byte = bytes[index]
                if byte < 0x80 {
                    if (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) {
                        current.append(byte)
                    } else if byte >= 0x41 && byte <= 0x5A {
                        current.append(byte + 0x20)
                    } else if byte == 0x2E, let last = current.last, last >= 0x30 && last <= 0x39, index + 1 < count,
                        bytes[index + 1] >= 0x30 && bytes[index + 1] <= 0x39
                    {
                        // "0.1138", "1.048.576": one number, not a key among its digits (only
                        // the point: in a CSV a comma separates fields).
                        current.append(byte)
                    } else {
                        flush()
                    }
                    index += 1
                    continue
                }
                // A multi-byte scalar: decoded, then a letter or digit (any script) or a separator.
                let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
                var value = UInt32(byte) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
                var offset = 1
                while offset < length, index + offset < count {
                    value = value << 6 | (UInt32(bytes[index + offset]) & 0x3F)
                    offset += 1
                }
                index += length
                guard let scalar = Unicode.Scalar(value) else {
                    flush()
                    continue
                }
                if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                    current.append(contentsOf: scalar.properties.lowercaseMapping.utf8)
                } else {
                    flush()
                }
            }
            flush()
        }
    }

    /// A unit named in `record` together with one of its own answers: the unit and the
    /// answer, or nil.
    func leak(in record: String) -> (unit: String, answer: String)? {
        // Most records name no unit: one pass that only hashes the words.
        guard Self.anyWord(of: record, in: startHashes) else { return nil }
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
