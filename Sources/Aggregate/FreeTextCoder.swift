import Foundation

/// Splits free-text answers into distinct entries, the way an analyst codes them.
///
/// Answers list several points separated by line breaks, `;` or `, ` and often start them
/// with `- `. Line breaks and semicolons always separate. A comma separates only where
/// every resulting piece is also given as an entry of its own somewhere else (in any wave),
/// so "Evaluation, Monitoring, Controlling" stays one entry while "Qualitätszirkel,
/// Öffentlichkeitsarbeit" becomes two: the data decides, not a guess about commas.
package struct FreeTextCoder: Sendable {
    private let vocabulary: Set<String>

    /// `corpus`: every answer given to the item (all waves), to learn which pieces stand alone.
    package init(corpus: [String]) {
        var vocabulary: Set<String> = []
        var seen: Set<String> = []
        // Answers repeat (many units name the same thing): each distinct text once.
        for answer in corpus where seen.insert(answer).inserted { vocabulary.formUnion(Self.hardSplit(answer)) }
        self.vocabulary = vocabulary
    }

    /// The distinct entries of one answer, in order.
    package func entries(of answer: String) -> [String] {
        var result: [String] = []
        for piece in Self.hardSplit(answer) {
            for entry in decompose(piece) where !result.contains(entry) { result.append(entry) }
        }
        return result
    }

    /// Splits at line breaks and semicolons; trims list markers and spaces.
    static func hardSplit(_ answer: String) -> [String] {
        answer.split(whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == ";" })
            .map { piece -> String in
                // Native trimming: Foundation's bridged trimmingCharacters was a tenth of the
                // aggregate stage.
                var text = piece.drop(while: \.isWhitespace)
                while let first = text.first, first == "-" || first == "–" || first == "•" {
                    text = text.dropFirst().drop(while: \.isWhitespace)
                }
                while let last = text.last, last.isWhitespace { text = text.dropLast() }
                return String(text)
            }
            .filter { !$0.isEmpty }
    }

    /// A piece split at `, ` into the fewest parts that each stand alone in some answer,
    /// or the piece itself when no such split exists.
    private func decompose(_ piece: String) -> [String] {
        let parts = piece.components(separatedBy: ", ")
        let n = parts.count
        guard n > 1 else { return [piece] }
        var best: [Int: [String]] = [n: []]
        for start in stride(from: n - 1, through: 0, by: -1) {
            for end in (start + 1)...n where !(start == 0 && end == n) {
                let candidate = parts[start..<end].joined(separator: ", ")
                guard vocabulary.contains(candidate), let rest = best[end] else { continue }
                let option = [candidate] + rest
                if option.count < (best[start]?.count ?? .max) { best[start] = option }
            }
        }
        return best[0] ?? [piece]
    }
}
