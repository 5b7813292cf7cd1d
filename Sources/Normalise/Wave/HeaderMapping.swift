import Ingest

/// Step 1 of a wave: the header row → the region column and one column per item the
/// catalogue names for this wave. Headers match after folding case and spaces.
struct HeaderMapping {
    let regionColumn: Int
    /// The catalogue's items asked in this wave, in catalogue order.
    let items: [CatalogueItem]
    /// Item ID → column, for the items whose header was found.
    let columnOfItem: [String: Int]

    /// Nil when the region column is missing: then the header row is wrong, and every other
    /// header message would only be noise, so only that one is reported.
    static func map(_ sheet: Sheet, wave: WaveDefinition, catalogue: Catalogue, issues: inout WaveIssues) -> HeaderMapping? {
        let mapping = map(
            header: sheet.row(wave.headerRow), head: sheet.rows.prefix(Self.headRows), hiddenColumns: sheet.hiddenColumns,
            wave: wave, catalogue: catalogue, issues: &issues)
        if mapping != nil { mergedCellNotes(sheet.mergedRanges, wave: wave, issues: &issues) }
        return mapping
    }

    /// How many of a sheet's first rows are searched for a misplaced header row.
    static let headRows = 50

    /// The mapping from the header row alone: `head` (the sheet's first rows) only serves
    /// to say where the region header stands when it is not in the header row.
    static func map(
        header: Row?, head: ArraySlice<Row>, hiddenColumns: Set<Int>, wave: WaveDefinition, catalogue: Catalogue,
        issues: inout WaveIssues
    ) -> HeaderMapping? {
        var headerText: [Int: String] = [:]
        for cell in header?.cells ?? [] {
            let text = cell.value.text.whitespaceFolded
            if !text.isEmpty { headerText[cell.reference.column] = text }
        }
        let headers = headerText.sorted { $0.key < $1.key }
        let wanted = wave.regionColumnHeader.folded
        guard let regionColumn = headers.first(where: { $0.value.folded == wanted })?.key else {
            let foundIn = head.first { row in row.cells.contains { $0.value.text.folded == wanted } }?.index
            issues.add(
                .error, .regionColumnMissing(header: wave.regionColumnHeader, row: wave.headerRow, foundInRow: foundIn),
                wave.headerRow, 1)
            return nil
        }
        var columnByHeader: [String: Int] = [:]
        for (column, text) in headers {
            if let other = columnByHeader[text.folded] {
                issues.add(
                    .error, .duplicateHeader(text, other: CellReference(row: wave.headerRow, column: other).description),
                    wave.headerRow, column)
            } else {
                columnByHeader[text.folded] = column
            }
        }
        let items = catalogue.items.filter { $0.headers[wave.number] != nil }
        var columnOfItem: [String: Int] = [:]
        var missing: [(item: CatalogueItem, header: String)] = []
        for item in items {
            guard let header = item.headers[wave.number] else { continue }
            if let column = columnByHeader[header.folded] {
                columnOfItem[item.id] = column
            } else {
                missing.append((item, header))
            }
        }
        // A renamed header ("F09" exported as "F9"): name the catalogue cell to change and
        // the most similar header that no item claims.
        let mapped = Set(columnOfItem.values).union([regionColumn])
        let unclaimed = headers.filter { !mapped.contains($0.key) }
        for (item, header) in missing {
            // Each unclaimed header's distance once; the nearest, first by column on a tie.
            var closest: (key: Int, value: String)?
            var nearest = max(2, header.count / 3) + 1
            for (column, text) in unclaimed {
                let distance = Self.distance(text.folded, header.folded)
                if distance < nearest { (closest, nearest) = ((column, text), distance) }
            }
            let cell = "\(CatalogueReader.SheetName.items) › W\(wave.number) \(wave.year) › row \(item.row)"
            issues.add(
                .error, .headerNotFound(header, catalogueCell: cell, closest: closest?.value),
                wave.headerRow, closest?.key ?? 1, item: item.id)
        }
        for (column, text) in unclaimed {
            issues.add(.note, .unmappedColumn(text), wave.headerRow, column)
        }
        for column in hiddenColumns.sorted() {
            if let text = headerText[column] { issues.add(.note, .hiddenColumn(text), wave.headerRow, column) }
        }
        return HeaderMapping(regionColumn: regionColumn, items: items, columnOfItem: columnOfItem)
    }

    /// Edit distance (insertions, deletions, substitutions) between two short headers.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }

    /// Merged cells from the header row down (in a worksheet part they follow the rows).
    static func mergedCellNotes(_ ranges: [CellRange], wave: WaveDefinition, issues: inout WaveIssues) {
        for range in ranges where range.last.row >= wave.headerRow {
            issues.add(.note, .mergedCells(range.description), at: range.first)
        }
    }
}
