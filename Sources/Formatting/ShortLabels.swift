/// Short forms of answer labels for tight legends: a label of up to six characters stays,
/// a longer one becomes the initials of its words ("in Erarbeitung" → "i. E.", "keine Angabe"
/// → "k. A.", "trifft nicht zu" → "t. n. z."). Labels that would collide keep more letters of
/// their first word, so every short form of a scale is distinct.
package enum ShortLabels {
    package static func make(_ labels: [String]) -> [String: String] {
        var result: [String: String] = [:]
        var used: [String: Int] = [:]
        for label in labels {
            var short = initials(label, letters: 1)
            var letters = 1
            while used[short] != nil, letters < label.count {
                letters += 1
                short = initials(label, letters: letters)
            }
            if used[short] != nil { short = label }
            used[short, default: 0] += 1
            result[label] = short
        }
        return result
    }

    static func initials(_ label: String, letters: Int) -> String {
        let words = label.split(separator: " ")
        guard label.count > 6, words.count > 1 else { return label.count > 6 && letters == 1 ? String(label.prefix(5)) + "." : label }
        return words.enumerated().map { index, word in
            (index == 0 ? String(word.prefix(letters)) : String(word.prefix(1))) + "."
        }.joined(separator: " ")
    }
}
