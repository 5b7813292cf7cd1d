import Foundation

/// One figure an earlier publication stated (a row of the spec's `revisions.table`, the
/// columns of `published-figures.csv`). `Revisions` in the aggregate stage checks each
/// against the data; here it is only read.
package struct PublishedValue: Sendable, Hashable {
    package let source: String
    package let item: String
    package let year: String
    package let category: String
    package let value: String
    package let unit: String
    /// The table's line, for messages.
    package let line: Int

    package init(source: String, item: String, year: String, category: String, value: String, unit: String, line: Int) {
        self.source = source
        self.item = item
        self.year = year
        self.category = category
        self.value = value
        self.unit = unit
        self.line = line
    }

    /// Reads the published table; a malformed file is a spec error naming file and line.
    static func read(_ url: URL) throws(SpecErrors) -> [PublishedValue] {
        let table = try SpecTable.read(url, columns: ["source", "item", "year", "category", "value", "unit"], what: "the published figures")
        return table.rows.compactMap { row -> PublishedValue? in
            guard !row["item"].isEmpty else { return nil }
            return PublishedValue(
                source: row["source"], item: row["item"], year: row["year"], category: row["category"],
                value: row["value"], unit: row["unit"], line: row.line)
        }
    }
}
