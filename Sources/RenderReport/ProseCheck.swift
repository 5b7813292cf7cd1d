import Formatting

/// What the rendered prose is checked against: the spec's unit and the population size.
package struct ProseRules: Sendable {
    package let unit: GermanNoun
    /// The number of units in the survey ("der 13 Arbeitsbündnisse").
    package let population: Int

    package init(unit: GermanNoun, population: Int) {
        self.unit = unit
        self.population = population
    }
}

/// House rules for German report prose that a template can break with any data, checked on
/// the rendered text so that the run fails (with the template line) instead of printing it:
///
/// 1. No count at the start of a sentence ("4 Arbeitsbündnisse bauen …"); a year may start one.
/// 2. No two numbers side by side ("2019 6 von 13", "2019 8."): a word goes between them.
/// 3. One word for the unit: "x der 13 Regionen" where the spec's unit is "Arbeitsbündnisse"
///    mixes two names for the same thing.
///
/// Only prose is checked: tables, figure lines, captions, attributes and YAML are not prose.
enum ProseCheck {
    struct Finding: Equatable {
        /// UTF-8 offset into the rendered text.
        let offset: Int
        let message: String
    }

    /// Abbreviations whose period does not end a sentence.
    static let abbreviations: Set<String> = [
        "z. B", "B", "bspw", "u. a", "a", "ca", "Nr", "vgl", "S", "bzw", "Abb", "Tab", "ggf",
        "inkl", "insb", "d. h", "h", "etc", "Dr", "Prof",
    ]

    /// `text` with every byte in `ranges` (UTF-8 offsets at character boundaries) replaced
    /// by "x": quoted text keeps its length, so findings keep their offsets, but holds no
    /// digit, space or full stop for a rule to find.
    static func masking(_ ranges: [Range<Int>], in text: String) -> String {
        guard !ranges.isEmpty else { return text }
        var bytes = Array(text.utf8)
        for range in ranges where range.lowerBound >= 0 && range.upperBound <= bytes.count {
            for i in range { bytes[i] = UInt8(ascii: "x") }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func findings(in text: String, rules: ProseRules) -> [Finding] {
        var findings: [Finding] = []
        var offset = 0
        var inFrontMatter = false
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            defer { offset += line.utf8.count + 1 }
            if line == "---" {
                if index == 0 || inFrontMatter { inFrontMatter.toggle() }
                continue
            }
            guard !inFrontMatter, isProse(line) else { continue }
            findings += check(String(line), at: offset, rules: rules)
        }
        return findings
    }

    static func isProse(_ line: Substring) -> Bool {
        let trimmed = line.drop { $0 == " " }
        for prefix in ["|", "![", ":::", "Table:", "[]{#", "<", "```"] where trimmed.hasPrefix(prefix) { return false }
        return !trimmed.isEmpty
    }

    private static func check(_ line: String, at lineOffset: Int, rules: ProseRules) -> [Finding] {
        var findings: [Finding] = []
        let scalars = Array(line.unicodeScalars)
        var utf8Offsets: [Int] = []
        utf8Offsets.reserveCapacity(scalars.count + 1)
        var running = 0
        for scalar in scalars {
            utf8Offsets.append(running)
            running += scalar.utf8.count
        }
        utf8Offsets.append(running)
        func finding(_ index: Int, _ message: String) -> Finding {
            Finding(offset: lineOffset + utf8Offsets[index], message: message)
        }
        // An ASCII scalar with a numeric type is one of 0…9.
        func isDigit(_ i: Int) -> Bool { i < scalars.count && ("0"..."9").contains(scalars[i]) }
        /// The number token starting at `i`: digits with narrow-space groups and a decimal part.
        func numberEnd(_ i: Int) -> Int {
            var j = i
            while j < scalars.count {
                if isDigit(j) {
                    j += 1
                    continue
                }
                if (scalars[j] == "\u{202F}" || scalars[j] == ",") && isDigit(j + 1) {
                    j += 1
                    continue
                }
                break
            }
            return j
        }
        func token(_ i: Int) -> String { String(String.UnicodeScalarView(scalars[i..<numberEnd(i)])) }

        // 1. Sentence starts.
        var starts: [Int] = []
        var i = 0
        // Markdown markers before the first word: quote, list bullet, emphasis.
        while i < scalars.count, [">", "-", "*", " ", "_"].contains(scalars[i]) { i += 1 }
        starts.append(i)
        for j in 0..<scalars.count where [".", "!", "?"].contains(scalars[j]) {
            var k = j + 1
            while k < scalars.count, ["\"", "“", "”", "“", ")", "*", "_"].contains(scalars[k]) { k += 1 }
            guard k < scalars.count, scalars[k] == " " else { continue }
            if scalars[j] == "." {
                // The word before the period, and the two words ("z. B"), read backwards.
                var start = j
                while start > 0, scalars[start - 1] != " ", scalars[start - 1] != "(" { start -= 1 }
                let word = String(String.UnicodeScalarView(scalars[start..<j]))
                var twoStart = start > 0 ? start - 1 : 0
                while twoStart > 0, scalars[twoStart - 1] != " " { twoStart -= 1 }
                let twoWords = String(String.UnicodeScalarView(scalars[twoStart..<j]))
                if abbreviations.contains(word) || abbreviations.contains(twoWords) || word.allSatisfy(\.isNumber) { continue }
            }
            while k < scalars.count, [" ", "*", "_", "„"].contains(scalars[k]) { k += 1 }
            starts.append(k)
        }
        for start in starts where isDigit(start) || (start + 1 < scalars.count && ["+", "−"].contains(scalars[start]) && isDigit(start + 1)) {
            let number = token(isDigit(start) ? start : start + 1)
            let isYear = number.count == 4 && (number.hasPrefix("19") || number.hasPrefix("20")) && isDigit(start)
            if !isYear {
                findings.append(finding(start, "a count at the start of a sentence ('\(number) …'); begin with a word (a year may begin one)"))
            }
        }

        // 2. Two numbers side by side.
        i = 0
        while i < scalars.count {
            guard isDigit(i), i == 0 || !isDigit(i - 1) else {
                i += 1
                continue
            }
            let end = numberEnd(i)
            var k = end
            while k < scalars.count, scalars[k] == " " || scalars[k] == "\u{00A0}" { k += 1 }
            if k > end, isDigit(k) {
                findings.append(finding(i, "two numbers side by side ('\(token(i)) \(token(k))'); put words between them"))
            }
            i = end
        }

        // 3. The unit's name in "x der 13 …", "alle 13 …".
        let population = GermanFormat.integer(rules.population)
        let allowed: Set<String> = [rules.unit.plural, rules.unit.dativePlural]
        // Words as scalar ranges; only a possible "der"/"alle…" and its two successors are
        // made into strings.
        var words: [Range<Int>] = []
        var wordStart: Int?
        for index in 0...scalars.count {
            if index == scalars.count || scalars[index] == " " || scalars[index] == "\u{00A0}" {
                if let start = wordStart { words.append(start..<index) }
                wordStart = nil
            } else if wordStart == nil {
                wordStart = index
            }
        }
        func text(_ word: Range<Int>) -> String { String(String.UnicodeScalarView(scalars[word])) }
        let leads: Set<String> = ["der", "alle", "allen", "aller"]
        for w in words.indices where w + 2 < words.count && (3...5).contains(words[w].count) {
            let word = text(words[w])
            guard leads.contains(word), text(words[w + 1]) == population else { continue }
            let noun = String(text(words[w + 2]).prefix { $0.isLetter || $0 == "-" })
            guard let first = noun.first, first.isUppercase, !allowed.contains(noun) else { continue }
            findings.append(
                finding(
                    words[w].lowerBound,
                    "'\(word) \(population) \(noun)': the unit is called '\(rules.unit.plural)' "
                        + "(spec 'unit'); use one name throughout"))
        }
        return findings
    }
}
