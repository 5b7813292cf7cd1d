import Ingest

/// Turns one wave's sheet into tidy answers, driven entirely by the catalogue.
struct WaveNormaliser {
    let catalogue: Catalogue
    let wave: WaveDefinition
    let fileName: String

    struct Result: Sendable {
        var answers: [TidyAnswer] = []
        var issues: [ValidationIssue] = []
        var summary: WaveSummary?
    }

    private struct ParseKey: Hashable {
        let type: ItemType
        let value: CellValue
    }

    /// A value read from a cell before filter logic is applied.
    private enum Parsed {
        case category(String)
        case text(String)
        case unknown(String)
    }

    func normalise(_ sheet: Sheet) -> Result {
        var result = Result()
        func location(_ row: Int, _ column: Int) -> CellLocation {
            CellLocation(file: fileName, sheet: sheet.name, reference: CellReference(row: row, column: column))
        }
        func issue(_ severity: ValidationIssue.Severity, _ kind: ValidationIssue.Kind, _ row: Int, _ column: Int,
                   item: String? = nil, region: String? = nil) {
            result.issues.append(.init(severity, kind, at: location(row, column), item: item, region: region))
        }

        // 1. Header row → columns. The region column is checked first: when it is missing,
        // the header row is wrong and every other header message would only be noise.
        let headerRow = sheet.row(wave.headerRow)
        var headerText: [Int: String] = [:]
        for cell in headerRow?.cells ?? [] {
            let text = cell.value.text.whitespaceFolded
            if !text.isEmpty { headerText[cell.reference.column] = text }
        }
        guard let regionColumn = headerText.sorted(by: { $0.key < $1.key })
            .first(where: { $0.value.folded == wave.regionColumnHeader.folded })?.key else {
            let foundIn = sheet.rows.prefix(50).first { row in
                row.cells.contains { $0.value.text.folded == wave.regionColumnHeader.folded }
            }?.index
            issue(.error, .regionColumnMissing(header: wave.regionColumnHeader, row: wave.headerRow, foundInRow: foundIn),
                  wave.headerRow, 1)
            return result
        }
        var columnByHeader: [String: Int] = [:]
        for (column, text) in headerText.sorted(by: { $0.key < $1.key }) {
            if let other = columnByHeader[text.folded] {
                issue(.error, .duplicateHeader(text, other: CellReference(row: wave.headerRow, column: other).description),
                      wave.headerRow, column)
            } else {
                columnByHeader[text.folded] = column
            }
        }
        let waveItems = catalogue.items.filter { $0.headers[wave.number] != nil }
        var columnOfItem: [String: Int] = [:]
        for item in waveItems {
            guard let header = item.headers[wave.number] else { continue }
            if let column = columnByHeader[header.folded] {
                columnOfItem[item.id] = column
            } else {
                issue(.error, .headerNotFound(header), wave.headerRow, 1, item: item.id)
            }
        }
        let mappedColumns = Set(columnOfItem.values).union([regionColumn])
        for (column, text) in headerText.sorted(by: { $0.key < $1.key }) where !mappedColumns.contains(column) {
            issue(.note, .unmappedColumn(text), wave.headerRow, column)
        }
        for column in sheet.hiddenColumns.sorted() {
            if let text = headerText[column] { issue(.note, .hiddenColumn(text), wave.headerRow, column) }
        }
        for range in sheet.mergedRanges where range.last.row >= wave.headerRow {
            result.issues.append(.init(.note, .mergedCells(range.description),
                                       at: CellLocation(file: fileName, sheet: sheet.name, reference: range.first)))
        }

        // 2. Data rows → regions and answers.
        var parseCache: [ParseKey: Parsed] = [:]
        var seenRegions: [String: CellReference] = [:]
        for row in sheet.rows where row.index >= wave.firstDataRow && !row.isBlank {
            let regionCell = row.cell(column: regionColumn)
            let regionText = regionCell?.value.text.whitespaceFolded ?? ""
            guard !regionText.isEmpty else {
                issue(.error, .emptyRegion, row.index, regionColumn)
                continue
            }
            guard let region = catalogue.region(matching: regionText) else {
                issue(.error, .unknownRegion(regionText), row.index, regionColumn)
                continue
            }
            let here = CellReference(row: row.index, column: regionColumn)
            if let first = seenRegions[region.ags] {
                issue(.error, .duplicateRegion(region.name, firstCell: first.description), row.index, regionColumn,
                      region: region.name)
                continue
            }
            seenRegions[region.ags] = here
            if row.isHidden || sheet.hiddenRows.contains(row.index) {
                issue(.note, .hiddenRow, row.index, regionColumn, region: region.name)
            }

            var parsed: [String: Parsed] = [:]
            for item in waveItems {
                guard let column = columnOfItem[item.id] else { continue }
                let value = row.cell(column: column)?.value ?? .empty
                // Answers repeat ("ja", "x"): parse each spelling once per item type.
                let key = ParseKey(type: item.type, value: value)
                if let known = parseCache[key] {
                    parsed[item.id] = known
                } else {
                    let fresh = parse(value, item: item)
                    parseCache[key] = fresh
                    parsed[item.id] = fresh
                }
            }
            for item in waveItems {
                guard let column = columnOfItem[item.id], let value = parsed[item.id] else { continue }
                let ref = location(row.index, column)
                if let (parent, parentAnswer) = filteredOut(item, parsed: parsed) {
                    if case .category(let category) = value, !isNegative(category, item: item) {
                        issue(.note, .answerOutsideFilter(row.cell(column: column)?.value.text ?? category,
                                                          parent: parent, parentAnswer: parentAnswer),
                              row.index, column, item: item.id, region: region.name)
                    } else if case .text(let text) = value {
                        issue(.note, .answerOutsideFilter(text, parent: parent, parentAnswer: parentAnswer),
                              row.index, column, item: item.id, region: region.name)
                    } else if case .unknown(let text) = value {
                        issue(.note, .answerOutsideFilter(text, parent: parent, parentAnswer: parentAnswer),
                              row.index, column, item: item.id, region: region.name)
                    }
                    continue
                }
                switch value {
                case .category(let category):
                    result.answers.append(answer(region, item, category, isFreeText: false, ref))
                case .text(let text):
                    result.answers.append(answer(region, item, text, isFreeText: true, ref))
                case .unknown(let text):
                    issue(.error, .unknownAnswer(text, expected: expected(for: item)), row.index, column,
                          item: item.id, region: region.name)
                }
            }
        }
        for region in catalogue.regions where seenRegions[region.ags] == nil {
            result.issues.append(.init(.note, .regionMissing(region.name),
                                       at: CellLocation(file: fileName, sheet: sheet.name, reference: nil),
                                       region: region.name))
        }
        // Filter notes for items whose parent was not asked in this wave (once per item).
        for item in waveItems {
            if let gate = gateItem(of: item), gate.headers[wave.number] == nil, gate.type != .multipleChoice {
                issue(.note, .filterParentNotAsked(parent: gate.id), wave.headerRow, columnOfItem[item.id] ?? 1, item: item.id)
            }
        }
        result.summary = WaveSummary(wave: wave.number, year: wave.year, file: fileName, sheet: sheet.name,
                                     regionCount: seenRegions.count, itemCount: columnOfItem.count,
                                     answerCount: result.answers.count)
        return result
    }

    private func answer(_ region: Region, _ item: CatalogueItem, _ value: String, isFreeText: Bool,
                        _ source: CellLocation) -> TidyAnswer {
        TidyAnswer(wave: wave.number, year: wave.year, regionAGS: region.ags, region: region.name, item: item.id,
                   value: value, isFreeText: isFreeText, source: source)
    }

    /// Reads a cell as the item's type expects.
    private func parse(_ value: CellValue, item: CatalogueItem) -> Parsed {
        let text: String
        switch value {
        case .date(let date): return .unknown(date.germanDescription)
        case .error(let code): return .unknown(code)
        default: text = value.text.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        if let table = item.type.categoryTableKey {
            if text.isEmpty {
                return .category(catalogue.emptyCategory(forTable: table) ?? catalogue.missingCategory)
            }
            if let category = catalogue.category(forSpelling: text, table: table) { return .category(category) }
            // Missing-value spellings (k.A., -) apply to every categorical type.
            if let missing = catalogue.category(forSpelling: text, table: ItemType.status.rawValue),
               missing == catalogue.missingCategory {
                return .category(missing)
            }
            return .unknown(text)
        }
        // Free text: empty or a missing-value spelling is "keine Angabe".
        if text.isEmpty { return .category(catalogue.missingCategory) }
        if catalogue.category(forSpelling: text, table: ItemType.status.rawValue) == catalogue.missingCategory {
            return .category(catalogue.missingCategory)
        }
        return .text(text)
    }

    /// Categories that mean "nothing chosen": not a contradiction of a filter.
    private func isNegative(_ category: String, item: CatalogueItem) -> Bool {
        if category == catalogue.missingCategory { return true }
        if let table = item.type.categoryTableKey, catalogue.emptyCategory(forTable: table) == category { return true }
        return false
    }

    private func expected(for item: CatalogueItem) -> [String] {
        guard let table = item.type.categoryTableKey else { return [] }
        var spellings = catalogue.expectedSpellings(table: table)
        if table != ItemType.status.rawValue { spellings.append(catalogue.missingCategory) }
        return spellings
    }

    /// The item whose `ja` answer gates this one: the parent, or for options the
    /// multiple-choice question's parent.
    private func gateItem(of item: CatalogueItem) -> CatalogueItem? {
        guard let parentID = item.parentID, let parent = catalogue.item(parentID) else { return nil }
        if parent.type == .multipleChoice {
            return parent.parentID.flatMap { catalogue.item($0) } ?? parent
        }
        return parent
    }

    /// Nil when the item was asked of this region; otherwise the gating item and its answer.
    private func filteredOut(_ item: CatalogueItem, parsed: [String: Parsed]) -> (String, String)? {
        var current = item
        var depth = 0
        while let parentID = current.parentID, let parent = catalogue.item(parentID), depth < 32 {
            depth += 1
            if parent.type != .multipleChoice, parent.headers[wave.number] != nil {
                // The parent was asked in this wave: it gates with its answer.
                switch parsed[parent.id] {
                case .category(let category) where catalogue.opens(current, parent: parent, answer: category): break
                case .category(let category): return (parent.id, category)
                case .text(let text): return (parent.id, text)
                case .unknown(let text): return (parent.id, text)
                case nil: return (parent.id, catalogue.missingCategory)
                }
            }
            current = parent
        }
        return nil
    }
}
