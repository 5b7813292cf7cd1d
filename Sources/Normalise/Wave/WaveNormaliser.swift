import Ingest

/// Turns one wave's sheet into tidy answers, driven entirely by the catalogue, in four
/// named steps: `HeaderMapping` (columns), `RegionResolver` (rows), `AnswerParser` (cells)
/// and `FilterGate` (filter logic). Every problem is an issue at its cell.
struct WaveNormaliser {
    let catalogue: Catalogue
    let wave: WaveDefinition
    let fileName: String

    struct Result: Sendable {
        var answers = AnswerTable()
        var issues: [ValidationIssue] = []
        var summary: WaveSummary?
    }

    func normalise(_ sheet: Sheet) -> Result {
        var issues = WaveIssues(fileName: fileName, sheetName: sheet.name)
        guard let columns = HeaderMapping.map(sheet, wave: wave, catalogue: catalogue, issues: &issues) else {
            return Result(issues: issues.all)
        }
        var regions = RegionResolver(catalogue: catalogue, column: columns.regionColumn)
        var parser = AnswerParser(catalogue: catalogue)
        let gate = FilterGate(catalogue: catalogue, wave: wave)
        // What the row loop needs of each asked item, resolved once per wave: copying the
        // whole catalogue item per row and item was a sixth of reading a large survey.
        let mapped = columns.items.compactMap { item in columns.columnOfItem[item.id].map { (item, $0) } }
        let position = Dictionary(mapped.enumerated().map { ($1.0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let asked = mapped.map { item, column in
            let steps = gate.steps(of: item)
            return AskedItem(id: item.id, type: item.type, column: column, steps: steps, stepPositions: steps.map { position[$0.parent.id] })
        }
        // Codes resolved once per wave: the catalogue's regions and items, and each parsed
        // spelling's value (the parser numbers its distinct results).
        var answers = AnswerTable(catalogue: catalogue)
        let waveCode = answers.code(wave: wave.number, year: wave.year,
                                    origin: TidyAnswer.SheetOrigin(file: fileName, sheet: sheet.name))
        let itemCodes = asked.map { answers.code(item: $0.id) }
        var valueCodes: [UInt32?] = []
        for row in sheet.rows where row.index >= wave.firstDataRow && !row.isBlank {
            guard let region = regions.resolve(row, in: sheet, issues: &issues) else { continue }
            let regionCode = answers.code(region: catalogue.answerRegion(of: region))
            let parsed = asked.map { parser.parse(row.cell(column: $0.column)?.value ?? .empty, type: $0.type) }
            for index in asked.indices {
                let (value, parse) = parsed[index], column = asked[index].column
                if let closed = gate.closed(asked[index].steps, answer: { step in asked[index].stepPositions[step].map { parsed[$0].answer } }) {
                    if let text = gate.contradiction(value, type: asked[index].type, cellText: row.cell(column: column)?.value.text) {
                        issues.add(.note, .answerOutsideFilter(text, parent: closed.parent, parentAnswer: closed.parentAnswer),
                                   row.index, column, item: asked[index].id, region: region.name)
                    }
                    continue
                }
                switch value {
                case .category(let category), .text(let category):
                    if parse >= valueCodes.count { valueCodes += Array(repeating: nil, count: parse + 1 - valueCodes.count) }
                    let code = valueCodes[parse] ?? {
                        let isFreeText = if case .text = value { true } else { false }
                        let new = answers.code(value: category, isFreeText: isFreeText)
                        valueCodes[parse] = new
                        return new
                    }()
                    answers.append(region: regionCode, item: itemCodes[index], value: code, wave: waveCode,
                                   cell: CellReference(row: row.index, column: column))
                case .unknown(let text):
                    issues.add(.error, .unknownAnswer(text, expected: parser.expected(for: mapped[index].0)), row.index, column,
                               item: asked[index].id, region: region.name)
                }
            }
        }
        for region in regions.missing {
            issues.add(.note, .regionMissing(region.name), at: nil, region: region.name)
        }
        // Filter notes for items whose parent was not asked in this wave (once per item).
        for item in columns.items {
            if let parent = gate.gateItem(of: item), parent.headers[wave.number] == nil, parent.type != .multipleChoice {
                issues.add(.note, .filterParentNotAsked(parent: parent.id), wave.headerRow, columns.columnOfItem[item.id] ?? 1,
                           item: item.id)
            }
        }
        let summary = WaveSummary(wave: wave.number, year: wave.year, file: fileName, sheet: sheet.name,
                                  regionCount: regions.seen.count, itemCount: columns.columnOfItem.count,
                                  answerCount: answers.count)
        return Result(answers: answers, issues: issues.all, summary: summary)
    }

    /// One asked item as the row loop reads it.
    private struct AskedItem {
        let id: String
        let type: ItemType
        let column: Int
        /// Its gating ancestors, and where their answers stand among the asked items.
        let steps: [FilterGate.Step]
        let stepPositions: [Int?]
    }
}
