import Foundation
import Normalise
import ReportSpec

/// Splits free-text answers into distinct entries, the way an analyst codes them, and maps
/// them to the categories of the institute's coding table (`FreeTextCoding`).
///
/// Answers list several points separated by line breaks, `;` or `, ` and often start them
/// with `- `. Line breaks and semicolons always separate. A comma separates only where
/// every resulting piece stands alone: given as an entry of its own somewhere else (in any
/// wave), or listed in the coding table. So "Evaluation, Monitoring, Controlling" stays one
/// entry while "Qualitätszirkel, Öffentlichkeitsarbeit" becomes two: the data and the
/// institute decide, not a guess about commas. An answer or piece the table lists counts
/// for the table's categories; one it does not list counts as written.
package struct FreeTextCoder: Sendable {
    private let vocabulary: Set<String>
    private let item: String
    private let coding: FreeTextCoding

    /// `corpus`: every answer given to the item (all waves), to learn which pieces stand alone.
    package init(corpus: [String], item: String = "", coding: FreeTextCoding = .none) {
        // Folded (spaces and case), as the coding table matches.
        var vocabulary = Set(coding.answers(item: item).map(\.folded))
        var seen: Set<String> = []
        // Answers repeat (many units name the same thing): each distinct text once.
        for answer in corpus where seen.insert(answer).inserted { vocabulary.formUnion(Self.hardSplit(answer).map(\.folded)) }
        self.vocabulary = vocabulary
        self.item = item
        self.coding = coding
    }

    /// The distinct entries (categories) of one answer, in order.
    package func entries(of answer: String) -> [String] {
        let whole = coding.categories(of: answer, item: item)
        if !whole.isEmpty { return whole }
        var result: [String] = []
        func add(_ entries: [String]) {
            for entry in entries where !result.contains(entry) { result.append(entry) }
        }
        for piece in Self.hardSplit(answer) {
            let coded = coding.categories(of: piece, item: item)
            if !coded.isEmpty {
                add(coded)
                continue
            }
            for entry in decompose(piece) {
                let categories = coding.categories(of: entry, item: item)
                add(categories.isEmpty ? [entry] : categories)
            }
        }
        return result
    }

    /// Whether an entry the table does not code reads as a sentence ("Wir nutzen YouConnect
    /// für die gemeinsame Fallarbeit."), not as the name of a category: it ends with a
    /// full stop, an exclamation or a question mark and has four words or more.
    package static func readsAsSentence(_ entry: String) -> Bool {
        guard let last = entry.last, ".!?".contains(last) else { return false }
        // "z. B." or "usw." at the end of a short label is not a sentence.
        return entry.split(whereSeparator: \.isWhitespace).count >= 4 && !entry.hasSuffix("usw.") && !entry.hasSuffix("u. a.")
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
                guard vocabulary.contains(candidate.folded), let rest = best[end] else { continue }
                let option = [candidate] + rest
                if option.count < (best[start]?.count ?? .max) { best[start] = option }
            }
        }
        return best[0] ?? [piece]
    }
}
