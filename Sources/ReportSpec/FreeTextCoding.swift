import Foundation

/// The institute's coding table for free-text answers (spec `coding`): which answers, or
/// pieces of answers, count for which category. "Wir nutzen YouConnect für die gemeinsame
/// Fallarbeit." and "YouConnect der Bundesagentur für Arbeit" are both "YouConnect"; an
/// answer that names two things is listed once per category. Nothing of this is guessed
/// in code: what the table does not list is counted as written. The aggregate stage
/// applies it (`FreeTextCoder`).
///
/// Columns: `item` (a free-text item id, or `*` for every item), `answer` (an answer or a
/// piece of one, as written; spaces and case do not matter), `category` (what it counts
/// for).
package struct FreeTextCoding: Sendable {
    package struct Rule: Sendable, Hashable {
        package let item: String
        package let answer: String
        package let category: String
        package let line: Int
    }

    package let file: String
    package let rules: [Rule]

    package static let none = FreeTextCoding(file: "", rules: [])

    package init(file: String, rules: [Rule]) {
        self.file = file
        self.rules = rules
    }

    static func read(_ url: URL) throws(SpecErrors) -> FreeTextCoding {
        let table = try SpecTable.read(url, columns: ["item", "answer", "category"], what: "the free-text coding table")
        var errors: [SpecError] = []
        let rules = table.rows.compactMap { row -> Rule? in
            if row["item"].isEmpty && row["answer"].isEmpty && row["category"].isEmpty { return nil }
            for column in ["item", "answer", "category"] where row[column].isEmpty {
                errors.append(
                    SpecError(
                        file: url.lastPathComponent, line: row.line,
                        "the column '\(column)' is empty; "
                            + "every row needs the item, the answer as written and the category it counts for"))
                return nil
            }
            return Rule(item: row["item"], answer: row["answer"], category: row["category"], line: row.line)
        }
        if !errors.isEmpty { throw SpecErrors(errors) }
        return FreeTextCoding(file: url.lastPathComponent, rules: rules)
    }
}
