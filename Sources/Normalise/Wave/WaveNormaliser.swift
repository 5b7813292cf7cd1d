import Ingest

/// Turns one wave's sheet into tidy answers, driven entirely by the catalogue, in four
/// named steps: `HeaderMapping` (columns), `RegionResolver` (rows), `AnswerParser` (cells)
/// and `FilterGate` (filter logic). Every problem is an issue at its cell.
///
/// Rows are taken one at a time as the reader streams them (see `Run`), so a wave of ten
/// thousand regions is never held as a sheet.
struct WaveNormaliser {
    let catalogue: Catalogue
    let wave: WaveDefinition
    let fileName: String

    struct Result: Sendable {
        var answers = AnswerTable()
        var issues: [ValidationIssue] = []
        var summary: WaveSummary?
    }

    /// A sheet already in memory.
    func normalise(_ sheet: Sheet) -> Result {
        var run = Run(normaliser: self, sheetName: sheet.name)
        for row in sheet.rows { run.take(row, layout: sheet.layout) }
        return run.finish(layout: sheet.layout)
    }

    /// A sheet read row by row from its workbook.
    func normalise(streaming book: any Workbook, sheet name: String) throws(IngestError) -> Result {
        var run = Run(normaliser: self, sheetName: name)
        let layout = try book.streamSheet(named: name) { row, layout in run.take(row, layout: layout) }
        return run.finish(layout: layout)
    }

    /// One asked item as the row loop reads it.
    struct AskedItem {
        let id: String
        let type: ItemType
        let column: Int
        let code: UInt32
        /// Its gating ancestors, and where their answers stand among the asked items.
        let steps: [FilterGate.Step]
        let stepPositions: [Int?]
    }

    /// The columns and what the row loop needs of each asked item, resolved once per wave:
    /// copying the whole catalogue item per row and item was a sixth of reading a large survey.
    struct Columns {
        let mapping: HeaderMapping
        let asked: [AskedItem]
        var regions: RegionResolver
        /// Where the header's issues end: merged-cell notes, read after the rows, go here.
        let headerIssuesEnd: Int
    }

    /// The state of one wave while its rows arrive in order.
    struct Run {
        let normaliser: WaveNormaliser
        let sheetName: String
        var issues: WaveIssues
        /// The sheet's first rows, where a misplaced header row is looked for.
        var head: [Row] = []
        var header: Row?
        /// Data rows that arrived before the header row was complete.
        var pending: [Row] = []
        var columns: Columns?
        var headerFailed = false
        var answers: AnswerTable
        var parser: AnswerParser
        let gate: FilterGate
        let waveCode: UInt16
        /// Per parser result: its value code, once used.
        var valueCodes: [UInt32?] = []

        var catalogue: Catalogue { normaliser.catalogue }
        var wave: WaveDefinition { normaliser.wave }

        init(normaliser: WaveNormaliser, sheetName: String) {
            self.normaliser = normaliser
            self.sheetName = sheetName
            issues = WaveIssues(fileName: normaliser.fileName, sheetName: sheetName)
            answers = AnswerTable(catalogue: normaliser.catalogue)
            parser = AnswerParser(catalogue: normaliser.catalogue)
            gate = FilterGate(catalogue: normaliser.catalogue, wave: normaliser.wave)
            waveCode = answers.code(
                wave: normaliser.wave.number, year: normaliser.wave.year,
                origin: TidyAnswer.SheetOrigin(file: normaliser.fileName, sheet: sheetName))
        }

        mutating func take(_ row: Row, layout: SheetLayout) {
            if head.count < HeaderMapping.headRows { head.append(row) }
            if row.index == wave.headerRow { header = row }
            if columns == nil, !headerFailed {
                if row.index > wave.headerRow {
                    mapHeader(hiddenColumns: layout.hiddenColumns, hiddenRows: layout.hiddenRows)
                } else {
                    if row.index >= wave.firstDataRow, !row.isBlank { pending.append(row) }
                    return
                }
            }
            if columns != nil, row.index >= wave.firstDataRow, !row.isBlank { normalise(row, hiddenRows: layout.hiddenRows) }
        }

        mutating func finish(layout: SheetLayout) -> Result {
            if columns == nil, !headerFailed { mapHeader(hiddenColumns: layout.hiddenColumns, hiddenRows: layout.hiddenRows) }
            guard let columns else {
                // Reported with all of the sheet's first rows, which may have come after the header.
                var issues = WaveIssues(fileName: normaliser.fileName, sheetName: sheetName)
                _ = HeaderMapping.map(
                    header: header, head: head[...], hiddenColumns: layout.hiddenColumns, wave: wave,
                    catalogue: catalogue, issues: &issues)
                return Result(issues: issues.all)
            }
            for region in columns.regions.missing {
                issues.add(.note, .regionMissing(region.name), at: nil, region: region.name)
            }
            // Filter notes for items whose parent was not asked in this wave (once per item).
            for item in columns.mapping.items {
                if let parent = gate.gateItem(of: item), parent.headers[wave.number] == nil, parent.type != .multipleChoice {
                    issues.add(
                        .note, .filterParentNotAsked(parent: parent.id), wave.headerRow,
                        columns.mapping.columnOfItem[item.id] ?? 1, item: item.id)
                }
            }
            var merged = WaveIssues(fileName: normaliser.fileName, sheetName: sheetName)
            HeaderMapping.mergedCellNotes(layout.mergedRanges, wave: wave, issues: &merged)
            issues.insert(merged, at: columns.headerIssuesEnd)
            let summary = WaveSummary(
                wave: wave.number, year: wave.year, file: normaliser.fileName, sheet: sheetName,
                regionCount: columns.regions.seen.count, itemCount: columns.mapping.columnOfItem.count,
                answerCount: answers.count)
            return Result(answers: answers, issues: issues.all, summary: summary)
        }

        private mutating func mapHeader(hiddenColumns: Set<Int>, hiddenRows: Set<Int>) {
            var scratch = issues
            guard
                let mapping = HeaderMapping.map(
                    header: header, head: head[...], hiddenColumns: hiddenColumns, wave: wave,
                    catalogue: catalogue, issues: &scratch)
            else {
                headerFailed = true
                pending = []
                return
            }
            issues = scratch
            let mapped = mapping.items.compactMap { item in mapping.columnOfItem[item.id].map { (item, $0) } }
            let position = Dictionary(mapped.enumerated().map { ($1.0.id, $0) }, uniquingKeysWith: { a, _ in a })
            let asked = mapped.map { item, column in
                let steps = gate.steps(of: item)
                return AskedItem(
                    id: item.id, type: item.type, column: column, code: answers.code(item: item.id), steps: steps,
                    stepPositions: steps.map { position[$0.parent.id] })
            }
            columns = Columns(
                mapping: mapping, asked: asked, regions: RegionResolver(catalogue: catalogue, column: mapping.regionColumn),
                headerIssuesEnd: issues.all.count)
            let waiting = pending
            pending = []
            for row in waiting { normalise(row, hiddenRows: hiddenRows) }
        }

        private mutating func normalise(_ row: Row, hiddenRows: Set<Int>) {
            // Resolved through the optional in place: the resolver's record of regions seen is not copied.
            guard let asked = columns?.asked, let region = columns?.regions.resolve(row, hiddenRows: hiddenRows, issues: &issues)
            else { return }
            let regionCode = answers.code(region: catalogue.answerRegion(of: region))
            let parsed = asked.map { parser.parse(row.cell(column: $0.column)?.value ?? .empty, type: $0.type) }
            for index in asked.indices {
                let (value, parse) = parsed[index]
                let column = asked[index].column
                if let closed = gate.closed(asked[index].steps, answer: { step in asked[index].stepPositions[step].map { parsed[$0].answer } }) {
                    if let text = gate.contradiction(value, type: asked[index].type, cellText: row.cell(column: column)?.value.text) {
                        issues.add(
                            .note, .answerOutsideFilter(text, parent: closed.parent, parentAnswer: closed.parentAnswer),
                            row.index, column, item: asked[index].id, region: region.name)
                    }
                    continue
                }
                switch value {
                case .category(let category), .text(let category):
                    if parse >= valueCodes.count { valueCodes += Array(repeating: nil, count: parse + 1 - valueCodes.count) }
                    let code =
                        valueCodes[parse]
                        ?? {
                            let isFreeText = if case .text = value { true } else { false }
                            let new = answers.code(value: category, isFreeText: isFreeText)
                            valueCodes[parse] = new
                            return new
                        }()
                    answers.append(
                        region: regionCode, item: asked[index].code, value: code, wave: waveCode,
                        cell: CellReference(row: row.index, column: column))
                case .unknown(let text):
                    issues.add(
                        .error, .unknownAnswer(text, expected: parser.expected(for: asked[index].type)), row.index, column,
                        item: asked[index].id, region: region.name)
                }
            }
        }
    }
}
