import Foundation

/// Takes a unit's own name out of its free-text answer before the answer is coded and
/// published: whole words only, any case („Harz“ and „HARZ“, not „Harzgerode“).
package enum OwnName {
    package static let placeholder = "[Name entfernt]"

    package static func removed(from text: String, names: [String]) -> String {
        var result = text
        for name in names where !name.isEmpty {
            var searchStart = result.startIndex
            while let range = result.range(of: name, options: [.caseInsensitive], range: searchStart..<result.endIndex) {
                let before = range.lowerBound > result.startIndex ? result[result.index(before: range.lowerBound)] : nil
                let after = range.upperBound < result.endIndex ? result[range.upperBound] : nil
                let isWord = { (c: Character?) in c.map { $0.isLetter || $0.isNumber } ?? false }
                guard !isWord(before), !isWord(after) else {
                    searchStart = range.upperBound
                    continue
                }
                let offset = result.distance(from: result.startIndex, to: range.lowerBound)
                result.replaceSubrange(range, with: placeholder)
                searchStart = result.index(result.startIndex, offsetBy: offset + placeholder.count)
            }
        }
        return result
    }
}
