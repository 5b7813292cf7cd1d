import Formatting
import Ingest

/// A value read from a cell, before the filter logic is applied.
enum ParsedAnswer: Sendable, Equatable {
    /// One of the item type's categories (spellings and empty cells already mapped).
    case category(String)
    /// A free-text answer.
    case text(String)
    /// Not a spelling the catalogue knows for this item type.
    case unknown(String)
}

/// Step 3 of a wave: a cell → an answer as the item's type expects, using the catalogue's
/// categories and spellings. Answers repeat ("ja", "x"), so each spelling is parsed once per
/// item type.
struct AnswerParser {
    let catalogue: Catalogue
    /// Distinct results, numbered in order of first use, and where each (type, cell) went.
    private var results: [ParsedAnswer] = []
    private var cache: [Key: Int] = [:]

    private struct Key: Hashable {
        let type: ItemType
        let value: CellValue
    }

    init(catalogue: Catalogue) {
        self.catalogue = catalogue
    }

    /// The answer, and its number among this parser's distinct results (so that a caller
    /// can keep something per result in an array instead of hashing the answer again).
    mutating func parse(_ value: CellValue, type: ItemType) -> (answer: ParsedAnswer, number: Int) {
        let key = Key(type: type, value: value)
        if let known = cache[key] { return (results[known], known) }
        let fresh = Self.parse(value, type: type, catalogue: catalogue)
        cache[key] = results.count
        results.append(fresh)
        return (fresh, results.count - 1)
    }

    private static func parse(_ value: CellValue, type: ItemType, catalogue: Catalogue) -> ParsedAnswer {
        let text: String
        switch value {
        case .date(let date): return .unknown(date.germanDescription)
        case .error(let code): return .unknown(code)
        default: text = value.text.trimmingWhitespace()
        }
        let isMissingSpelling = catalogue.category(forSpelling: text, table: ItemType.status.rawValue) == catalogue.missingCategory
        if let table = type.categoryTableKey {
            if text.isEmpty { return .category(catalogue.emptyCategory(forTable: table) ?? catalogue.missingCategory) }
            if let category = catalogue.category(forSpelling: text, table: table) { return .category(category) }
            // Missing-value spellings (k.A., -) apply to every categorical type.
            return isMissingSpelling ? .category(catalogue.missingCategory) : .unknown(text)
        }
        // Free text: empty or a missing-value spelling is "keine Angabe".
        if text.isEmpty || isMissingSpelling { return .category(catalogue.missingCategory) }
        // A leading apostrophe is Excel's mark for "this is text" (typed before "- …" so that
        // the list is not read as a formula); an export that writes it into the value has
        // not changed the answer.
        if text.hasPrefix("'"), text.dropFirst().first.map({ "-=+@".contains($0) }) == true {
            return .text(String(text.dropFirst()))
        }
        return .text(text)
    }

    /// The spellings an unknown answer is told to use instead.
    func expected(for type: ItemType) -> [String] {
        guard let table = type.categoryTableKey else { return [] }
        var spellings = catalogue.expectedSpellings(table: table)
        if table != ItemType.status.rawValue { spellings.append(catalogue.missingCategory) }
        return spellings
    }
}
