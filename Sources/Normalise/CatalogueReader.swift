import Formatting
import Ingest

/// Reads the catalogue workbook into a `Catalogue`, collecting every structural problem
/// (with its cell) instead of stopping at the first.
package struct CatalogueReader {
    package enum SheetName {
        package static let items = "Fragen"
        package static let waves = "Wellen"
        package static let regions = "Regionen"
        package static let categories = "Antwortkategorien"
        package static let notes = "Hinweise"
    }

    package init() {}

    package func read(_ workbook: any Workbook) -> (catalogue: Catalogue?, issues: [ValidationIssue]) {
        var issues: [ValidationIssue] = []
        let file = workbook.fileName

        func table(_ name: String, required: [String]) -> HeaderTable? {
            guard workbook.sheetNames.contains(name) else {
                issues.append(.init(.error, .missingSheet(name), at: CellLocation(file: file, sheet: name, reference: nil)))
                return nil
            }
            do {
                let sheet = try workbook.readSheet(named: name)
                let table = HeaderTable(sheet: sheet, file: file)
                for column in required where table.column(column) == nil {
                    issues.append(
                        .init(
                            .error, .missingColumn(column),
                            at: CellLocation(file: file, sheet: name, reference: CellReference(row: 1, column: 1))))
                }
                return table
            } catch {
                issues.append(.init(.error, .unreadable(error)))
                return nil
            }
        }

        let waveTable = table(
            SheetName.waves,
            required: [
                "Welle", "Jahr", "Datei", "Tabellenblatt", "Kopfzeile",
                "Erste Datenzeile", "Regionsspalte",
            ])
        let itemTable = table(SheetName.items, required: ["ID", "Themenbereich", "Typ", "Bezug", "Kurztitel"])
        let regionTable = table(SheetName.regions, required: ["AGS", "Name"])
        let categoryTable = table(SheetName.categories, required: ["Typ", "Kategorie", "Schreibweisen"])
        let notes =
            workbook.sheetNames.contains(SheetName.notes)
            ? ((try? workbook.readSheet(named: SheetName.notes))?.rows.compactMap { $0.cells.first?.value.text } ?? [])
            : []

        let waves = waveTable.map { readWaves($0, issues: &issues) } ?? []
        let items = itemTable.map { readItems($0, waves: waves, issues: &issues) } ?? []
        let regions = regionTable.map { readRegions($0, issues: &issues) } ?? []
        let categories = categoryTable.map { readCategories($0, issues: &issues) } ?? []
        guard !issues.contains(where: { $0.severity == .error }) else { return (nil, issues) }
        return (
            Catalogue(
                fileName: file, items: items, waves: waves, regions: regions,
                categories: categories, notes: notes), issues
        )
    }

    private func readWaves(_ table: HeaderTable, issues: inout [ValidationIssue]) -> [WaveDefinition] {
        var waves: [WaveDefinition] = []
        for row in table.dataRows {
            func integer(_ field: String) -> Int? {
                let value = table.value(row, field)
                if case .number(let n) = value, n == n.rounded(), abs(n) < 1e9 { return Int(n) }
                if let n = Int(value.text.trimmingWhitespace(newlines: false)) { return n }
                issues.append(.init(.error, .invalidWaveField(field: field, value: value.text), at: table.location(row, field)))
                return nil
            }
            func date(_ field: String) -> String? {
                switch table.value(row, field) {
                case .date(let d): return d.germanDescription
                case .empty: return nil
                case let other: return other.text
                }
            }
            guard let number = integer("Welle"), let year = integer("Jahr"),
                let headerRow = integer("Kopfzeile"), let firstDataRow = integer("Erste Datenzeile")
            else { continue }
            let fileName = table.value(row, "Datei").text.trimmingWhitespace(newlines: false)
            let sheetName = table.value(row, "Tabellenblatt").text
            let regionHeader = table.value(row, "Regionsspalte").text
            // A CSV file has one sheet: it needs no sheet name.
            let isCSV = fileName.lowercased().hasSuffix(".csv")
            for (field, value) in [("Datei", fileName), ("Tabellenblatt", isCSV ? "-" : sheetName), ("Regionsspalte", regionHeader)]
            where value.isEmpty {
                issues.append(.init(.error, .emptyField(field), at: table.location(row, field)))
            }
            guard headerRow >= 1, firstDataRow > headerRow else {
                issues.append(
                    .init(
                        .error, .invalidWaveField(field: "Erste Datenzeile", value: "\(firstDataRow)"),
                        at: table.location(row, "Erste Datenzeile")))
                continue
            }
            if waves.contains(where: { $0.number == number }) {
                issues.append(.init(.error, .duplicateWave(number), at: table.location(row, "Welle")))
                continue
            }
            waves.append(
                WaveDefinition(
                    number: number, year: year, fieldStart: date("Feldphase Beginn"),
                    fieldEnd: date("Feldphase Ende"), fileName: fileName, sheetName: sheetName,
                    headerRow: headerRow, firstDataRow: firstDataRow,
                    regionColumnHeader: regionHeader))
        }
        return waves
    }

    private func readItems(
        _ table: HeaderTable, waves: [WaveDefinition],
        issues: inout [ValidationIssue]
    ) -> [CatalogueItem] {
        // Wave columns are headed "W<number> <year>".
        var waveColumns: [(wave: Int, column: Int)] = []
        for (column, header) in table.headers.sorted(by: { $0.key < $1.key }) {
            guard header.hasPrefix("W"), let number = Int(header.dropFirst().prefix { $0.isNumber }) else { continue }
            if waves.contains(where: { $0.number == number }) {
                waveColumns.append((number, column))
            } else {
                issues.append(
                    .init(
                        .error, .waveColumnWithoutWave(header),
                        at: CellLocation(
                            file: table.file, sheet: table.sheet.name,
                            reference: CellReference(row: table.headerRow, column: column))))
            }
        }
        // After the last header: where the missing column belongs.
        let nextColumn = (table.headers.keys.max() ?? -1) + 1
        for wave in waves where !waveColumns.contains(where: { $0.wave == wave.number }) {
            issues.append(
                .init(
                    .error, .waveWithoutColumn(wave: wave.number, year: wave.year),
                    at: CellLocation(
                        file: table.file, sheet: table.sheet.name,
                        reference: CellReference(row: table.headerRow, column: nextColumn))))
        }
        var items: [CatalogueItem] = []
        var firstRow: [String: Int] = [:]
        for row in table.dataRows {
            let id = table.value(row, "ID").text.trimmingWhitespace(newlines: false)
            guard !id.isEmpty else {
                if !row.isBlank { issues.append(.init(.error, .emptyField("ID"), at: table.location(row, "ID"))) }
                continue
            }
            if let first = firstRow[id] {
                issues.append(.init(.error, .duplicateItemID(id, firstRow: first), at: table.location(row, "ID"), item: id))
                continue
            }
            firstRow[id] = row.index
            let typeText = table.value(row, "Typ").text.trimmingWhitespace(newlines: false)
            guard let type = ItemType(rawValue: typeText) else {
                issues.append(.init(.error, .unknownItemType(typeText), at: table.location(row, "Typ"), item: id))
                continue
            }
            var headers: [Int: String] = [:]
            for (wave, column) in waveColumns {
                let header = row.cell(column: column)?.value.text.whitespaceFolded ?? ""
                if !header.isEmpty { headers[wave] = header }
            }
            let parent = table.value(row, "Bezug").text.trimmingWhitespace(newlines: false)
            let options = table.value(row, "Antwortoptionen").text
                .split(separator: "|").map { String($0).trimmingWhitespace(newlines: false) }.filter { !$0.isEmpty }
            // Optional column: the answers of the parent that open this item ("a | b").
            let opening = table.value(row, "Filterantwort").text
                .split(separator: "|").map { String($0).trimmingWhitespace(newlines: false) }.filter { !$0.isEmpty }
            items.append(
                CatalogueItem(
                    id: id, theme: table.value(row, "Themenbereich").text.trimmingWhitespace(newlines: false),
                    type: type, parentID: parent.isEmpty ? nil : parent,
                    shortTitle: table.value(row, "Kurztitel").text.whitespaceFolded,
                    wording: table.value(row, "Wortlaut").text.whitespaceFolded,
                    answerOptions: options, headers: headers, row: row.index, openingAnswers: opening))
        }
        // References must point to existing items; options to multiple-choice questions.
        let byID = Dictionary(items.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for item in items {
            guard let parentID = item.parentID else { continue }
            let location = CellLocation(
                file: table.file, sheet: table.sheet.name,
                reference: table.column("Bezug").map { CellReference(row: item.row, column: $0) })
            guard let parent = byID[parentID] else {
                issues.append(.init(.error, .unknownReference(parentID), at: location, item: item.id))
                continue
            }
            if item.type == .option, parent.type != .multipleChoice {
                issues.append(.init(.error, .invalidParent(parentID, type: parent.type.rawValue), at: location, item: item.id))
            }
        }
        return items
    }

    private func readRegions(_ table: HeaderTable, issues: inout [ValidationIssue]) -> [Region] {
        var regions: [Region] = []
        var owner: [String: String] = [:]
        for row in table.dataRows {
            let ags = table.value(row, "AGS").text.trimmingWhitespace(newlines: false)
            let name = table.value(row, "Name").text.whitespaceFolded
            guard !ags.isEmpty || !name.isEmpty else { continue }
            if ags.isEmpty { issues.append(.init(.error, .emptyField("AGS"), at: table.location(row, "AGS"))) }
            if name.isEmpty { issues.append(.init(.error, .emptyField("Name"), at: table.location(row, "Name"))) }
            let spellings = table.value(row, "Schreibweisen").text.split(separator: ";")
                .map { String($0).whitespaceFolded }.filter { !$0.isEmpty }
            for key in [ags, name] + spellings {
                if let other = owner[key.folded], other != name {
                    issues.append(
                        .init(
                            .error, .conflictingRegionSpelling(key, regions: [other, name]),
                            at: table.location(row, "Schreibweisen")))
                }
                owner[key.folded] = name
            }
            regions.append(Region(ags: ags, name: name, kind: table.value(row, "Typ").text, spellings: spellings))
        }
        return regions
    }

    private func readCategories(_ table: HeaderTable, issues: inout [ValidationIssue]) -> [AnswerCategory] {
        var categories: [AnswerCategory] = []
        var owner: [String: String] = [:]
        for row in table.dataRows {
            let type = table.value(row, "Typ").text.trimmingWhitespace(newlines: false)
            let name = table.value(row, "Kategorie").text.whitespaceFolded
            guard !type.isEmpty, !name.isEmpty else { continue }
            let spellings = table.value(row, "Schreibweisen").text.split(separator: ";")
                .map { String($0).whitespaceFolded }.filter { !$0.isEmpty }
            for spelling in [name] + spellings where spelling != AnswerCategory.emptyMarker {
                let key = type + "\u{0}" + spelling.folded
                if let other = owner[key], other != name {
                    issues.append(
                        .init(
                            .error, .duplicateCategorySpelling(spelling, categories: [other, name]),
                            at: table.location(row, "Schreibweisen")))
                }
                owner[key] = name
            }
            categories.append(AnswerCategory(type: type, name: name, spellings: spellings))
        }
        return categories
    }
}

/// A sheet whose first row names its columns; values are looked up by column name.
struct HeaderTable {
    let sheet: Sheet
    let file: String
    let headerRow: Int
    let headers: [Int: String]
    private let columns: [String: Int]

    init(sheet: Sheet, file: String, headerRow: Int = 1) {
        self.sheet = sheet
        self.file = file
        self.headerRow = headerRow
        var headers: [Int: String] = [:]
        var columns: [String: Int] = [:]
        for cell in sheet.row(headerRow)?.cells ?? [] {
            let text = cell.value.text.whitespaceFolded
            guard !text.isEmpty else { continue }
            headers[cell.reference.column] = text
            if columns[text.folded] == nil { columns[text.folded] = cell.reference.column }
        }
        self.headers = headers
        self.columns = columns
    }

    func column(_ name: String) -> Int? { columns[name.folded] }

    var dataRows: [Row] { sheet.rows.filter { $0.index > headerRow } }

    func value(_ row: Row, _ name: String) -> CellValue {
        guard let column = column(name) else { return .empty }
        return row.cell(column: column)?.value ?? .empty
    }

    func location(_ row: Row, _ name: String) -> CellLocation {
        CellLocation(
            file: file, sheet: sheet.name,
            reference: CellReference(row: row.index, column: column(name) ?? 1))
    }
}
