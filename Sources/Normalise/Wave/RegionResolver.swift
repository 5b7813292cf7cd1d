import Ingest

/// Step 2 of a wave: a data row's region cell → the catalogue's region, by any of its
/// spellings. An empty, unknown or repeated region is an error at its cell; a hidden row
/// is a note.
struct RegionResolver {
    let catalogue: Catalogue
    let column: Int
    /// Region AGS → the cell where it was first seen.
    private(set) var seen: [String: CellReference] = [:]

    init(catalogue: Catalogue, column: Int) {
        self.catalogue = catalogue
        self.column = column
    }

    /// Nil when the row has no usable region (the issue is recorded).
    mutating func resolve(_ row: Row, in sheet: Sheet, issues: inout WaveIssues) -> Region? {
        resolve(row, hiddenRows: sheet.hiddenRows, issues: &issues)
    }

    mutating func resolve(_ row: Row, hiddenRows: Set<Int>, issues: inout WaveIssues) -> Region? {
        let text = row.cell(column: column)?.value.text.whitespaceFolded ?? ""
        guard !text.isEmpty else {
            issues.add(.error, .emptyRegion, row.index, column)
            return nil
        }
        guard let region = catalogue.region(matching: text) else {
            issues.add(.error, .unknownRegion(text), row.index, column)
            return nil
        }
        if let first = seen[region.ags] {
            issues.add(.error, .duplicateRegion(region.name, firstCell: first.description), row.index, column, region: region.name)
            return nil
        }
        seen[region.ags] = CellReference(row: row.index, column: column)
        if row.isHidden || hiddenRows.contains(row.index) {
            issues.add(.note, .hiddenRow, row.index, column, region: region.name)
        }
        return region
    }

    /// The catalogue's regions without a row in this wave, in catalogue order.
    var missing: [Region] { catalogue.regions.filter { seen[$0.ags] == nil } }
}
