import Ingest

/// The tidy answers of a survey, held by column: region, item, answer value and wave are
/// small integer codes into dictionaries, so an answer costs 22 bytes of columns instead of
/// a struct of strings, and the aggregate stage counts codes instead of hashing strings.
///
/// Read as a collection it still yields one `TidyAnswer` per answer (made on access), in
/// the normaliser's order: wave, then region and item in catalogue order.
package struct AnswerTable: Sendable, RandomAccessCollection {
    /// A wave as the answers know it: its number, year and the sheet it was read from.
    package struct Wave: Sendable, Hashable {
        package let number: Int
        package let year: Int
        package let origin: TidyAnswer.SheetOrigin

        package static func == (a: Wave, b: Wave) -> Bool {
            a.number == b.number && a.year == b.year && a.origin.file == b.origin.file && a.origin.sheet == b.origin.sheet
        }

        package func hash(into hasher: inout Hasher) {
            hasher.combine(number)
            hasher.combine(origin.file)
            hasher.combine(origin.sheet)
        }
    }

    // Dictionaries: a code is a position in one of these.
    package private(set) var regions: [TidyAnswer.RegionName] = []
    package private(set) var items: [String] = []
    /// Canonical categories and free texts; a free text never shares a code with a category.
    package private(set) var values: [String] = []
    package private(set) var valueIsFreeText: [Bool] = []
    package private(set) var waves: [Wave] = []

    // Columns: one entry per answer.
    package private(set) var regionCodes: [UInt32] = []
    package private(set) var itemCodes: [UInt32] = []
    package private(set) var valueCodes: [UInt32] = []
    package private(set) var waveCodes: [UInt16] = []
    /// The answer's cell, row 0 when it has none.
    private var rows: [UInt32] = []
    private var columns: [UInt32] = []

    // Lookups for building.
    private var regionCode: [RegionKey: UInt32] = [:]
    private var itemCode: [String: UInt32] = [:]
    private var valueCode: [ValueKey: UInt32] = [:]
    private var waveCode: [Wave: UInt16] = [:]

    private struct RegionKey: Hashable {
        let ags: String
        let name: String
    }

    private struct ValueKey: Hashable {
        let text: String
        let isFreeText: Bool
    }

    package init() {}

    /// A table whose region and item codes are the catalogue's positions, so that ordering
    /// by code is ordering as the catalogue lists them.
    package init(catalogue: Catalogue) {
        for region in catalogue.regions { _ = code(region: catalogue.answerRegion(of: region)) }
        for item in catalogue.items { _ = code(item: item.id) }
    }

    /// A table of answers made one by one (tests, generated data).
    package init<S: Sequence>(_ answers: S) where S.Element == TidyAnswer {
        for answer in answers { append(answer) }
    }

    // MARK: Building

    package mutating func code(region: TidyAnswer.RegionName) -> UInt32 {
        let key = RegionKey(ags: region.ags, name: region.name)
        if let known = regionCode[key] { return known }
        let new = UInt32(regions.count)
        regions.append(region)
        regionCode[key] = new
        return new
    }

    package mutating func code(item: String) -> UInt32 {
        if let known = itemCode[item] { return known }
        let new = UInt32(items.count)
        items.append(item)
        itemCode[item] = new
        return new
    }

    package mutating func code(value: String, isFreeText: Bool) -> UInt32 {
        let key = ValueKey(text: value, isFreeText: isFreeText)
        if let known = valueCode[key] { return known }
        let new = UInt32(values.count)
        values.append(value)
        valueIsFreeText.append(isFreeText)
        valueCode[key] = new
        return new
    }

    /// A wave's code; a survey has at most 65,535 waves.
    package mutating func code(wave number: Int, year: Int, origin: TidyAnswer.SheetOrigin) -> UInt16 {
        let wave = Wave(number: number, year: year, origin: origin)
        if let known = waveCode[wave] { return known }
        let new = UInt16(clamping: waves.count)
        waves.append(wave)
        waveCode[wave] = new
        return new
    }

    package mutating func reserveCapacity(_ count: Int) {
        regionCodes.reserveCapacity(count)
        itemCodes.reserveCapacity(count)
        valueCodes.reserveCapacity(count)
        waveCodes.reserveCapacity(count)
        rows.reserveCapacity(count)
        columns.reserveCapacity(count)
    }

    /// Appends an answer by its codes (from this table's `code` functions).
    package mutating func append(region: UInt32, item: UInt32, value: UInt32, wave: UInt16, cell: CellReference?) {
        regionCodes.append(region)
        itemCodes.append(item)
        valueCodes.append(value)
        waveCodes.append(wave)
        rows.append(UInt32(clamping: cell?.row ?? 0))
        columns.append(UInt32(clamping: cell?.column ?? 0))
    }

    package mutating func append(_ answer: TidyAnswer) {
        append(
            region: code(region: answer.regionName), item: code(item: answer.item),
            value: code(value: answer.value, isFreeText: answer.isFreeText),
            wave: code(wave: answer.wave, year: answer.year, origin: answer.origin), cell: answer.source.reference)
    }

    /// The tables one after another, codes translated into one set of dictionaries (the
    /// first table's codes stay as they are). Each table is released once copied, so the
    /// answers are not held twice while they are joined.
    package static func joining(_ tables: inout [AnswerTable]) -> AnswerTable {
        guard !tables.isEmpty else { return AnswerTable() }
        let total = tables.reduce(0) { $0 + $1.count }
        var result = tables[0]
        tables[0] = AnswerTable()
        result.reserveCapacity(total)
        for index in tables.indices.dropFirst() {
            let table = tables[index]
            tables[index] = AnswerTable()
            let region = table.regions.map { result.code(region: $0) }
            let item = table.items.map { result.code(item: $0) }
            let value = table.values.indices.map { result.code(value: table.values[$0], isFreeText: table.valueIsFreeText[$0]) }
            let wave = table.waves.map { result.code(wave: $0.number, year: $0.year, origin: $0.origin) }
            for i in table.regionCodes.indices {
                result.regionCodes.append(region[Int(table.regionCodes[i])])
                result.itemCodes.append(item[Int(table.itemCodes[i])])
                result.valueCodes.append(value[Int(table.valueCodes[i])])
                result.waveCodes.append(wave[Int(table.waveCodes[i])])
            }
            result.rows += table.rows
            result.columns += table.columns
        }
        return result
    }

    /// The answers in the order of `positions` (each position once); dictionaries unchanged.
    package func reordered(_ positions: [Int]) -> AnswerTable {
        var result = self
        result.regionCodes = positions.map { regionCodes[$0] }
        result.itemCodes = positions.map { itemCodes[$0] }
        result.valueCodes = positions.map { valueCodes[$0] }
        result.waveCodes = positions.map { waveCodes[$0] }
        result.rows = positions.map { rows[$0] }
        result.columns = positions.map { columns[$0] }
        return result
    }

    // MARK: Reading

    package var startIndex: Int { 0 }
    package var endIndex: Int { regionCodes.count }

    package subscript(position: Int) -> TidyAnswer {
        let value = Int(valueCodes[position])
        let wave = waves[Int(waveCodes[position])]
        let row = Int(rows[position])
        return TidyAnswer(
            wave: wave.number, year: wave.year, region: regions[Int(regionCodes[position])],
            item: items[Int(itemCodes[position])], value: values[value], isFreeText: valueIsFreeText[value],
            origin: wave.origin, cell: row > 0 ? CellReference(row: row, column: Int(columns[position])) : nil)
    }

    /// The codes of a text as a category and as a free text, those that answers have.
    package func codes(of text: String) -> [UInt32] {
        [valueCode[ValueKey(text: text, isFreeText: false)], valueCode[ValueKey(text: text, isFreeText: true)]].compactMap { $0 }
    }

    /// The code of an item, if any answer is to it.
    package func itemCode(_ id: String) -> UInt32? { itemCode[id] }
}
