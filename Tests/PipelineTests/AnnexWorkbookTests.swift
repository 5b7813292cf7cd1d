import Aggregate
import Formatting
import Foundation
import Ingest
import IngestFixtures
import ModelFixtures
import Normalise
import RenderExcel
import ReportSpec
import TestSupport
import Testing

/// The annex is read back with the project's own xlsx reader and checked against the series.
@Suite(.serialized) struct AnnexWorkbookTests {
    struct Written {
        let model: ReportModel
        let url: URL
    }

    static func write(
        dataFolder: URL = TestPaths.data, audience: ReportSpec.Audience = .published,
        spec: URL = TestPaths.finalReportSpec
    ) throws -> Written {
        let (model, data) = try ReportModelBuilder.build(spec: spec, data: dataFolder)
        let name = audience == .published ? model.spec.annexFile : AnnexWriter.internalFile(for: model.spec.annexFile)
        let url = try TemporaryFolder.make().appendingPathComponent(name)
        let created = ReproducibleTime.seconds(iso: model.spec.created, environment: ProcessInfo.processInfo.environment)
        try AnnexWriter(model: model, answers: data.answers, issues: data.issues, created: created, audience: audience).write(to: url.path)
        return Written(model: model, url: url)
    }

    static let shipped: Written? = try? write()
    static let shippedInternal: Written? = try? write(audience: .internal)

    static let figureSheets = (1...22).map { String(format: "Abb%02d", $0) }
    static let tableSheets = (1...4).map { String(format: "Tab%02d", $0) }

    /// The Excel tables of each sheet, in order: name and range (1-based references).
    static func tables(_ url: URL) throws -> [String: [(name: String, range: CellRange)]] {
        let parts = try ZipEntries.read(url)
        let book = try WorkbookReader.open(url)
        var result: [String: [(name: String, range: CellRange)]] = [:]
        for (index, name) in book.sheetNames.enumerated() {
            let rels = String(decoding: parts["xl/worksheets/_rels/sheet\(index + 1).xml.rels"] ?? Data(), as: UTF8.self)
            for match in rels.matches(of: /Target="..\/tables\/(table\d+\.xml)"/) {
                let xml = String(decoding: parts["xl/tables/\(match.1)"] ?? Data(), as: UTF8.self)
                guard let ref = xml.firstMatch(of: /ref="([A-Z]+\d+:[A-Z]+\d+)"/).flatMap({ CellRange(String($0.1)) }),
                    let tableName = xml.firstMatch(of: /\sname="([^"]+)"/).map({ String($0.1) })
                else { continue }
                result[name, default: []].append((tableName, ref))
            }
        }
        for key in result.keys { result[key]?.sort { $0.range.first.row < $1.range.first.row } }
        return result
    }

    /// Column A above `row` (1-based), the head lines joined: a title broken into rows reads whole.
    static func head(_ sheet: Sheet, above row: Int) -> String {
        sheet.rows.filter { $0.index < row }.compactMap { $0.cells.first { $0.reference.column == 1 }?.value.text }
            .joined(separator: " ")
    }

    @Test func thePublishedAnnexHoldsAggregatesOnlyAndTheInternalOneTheAnswers() throws {
        let published = try WorkbookReader.open(try #require(Self.shipped).url)
        #expect(published.sheetNames == ["Deckblatt", "Inhalt", "Hinweise"] + Self.figureSheets + Self.tableSheets + ["Codebuch"])
        let written = try #require(Self.shippedInternal)
        let book = try WorkbookReader.open(written.url)
        #expect(book.sheetNames == ["Deckblatt", "Inhalt", "Antworten", "Codebuch", "Validierung"])
        // Every sheet is marked, on the sheet and on every printed page.
        let parts = try ZipEntries.read(written.url)
        for (index, name) in book.sheetNames.enumerated() {
            let sheet = try book.readSheet(named: name)
            #expect(Self.head(sheet, above: 8).contains("Nur für den internen Gebrauch"), "\(name): the marking")
            let xml = String(decoding: parts["xl/worksheets/sheet\(index + 1).xml"] ?? Data(), as: UTF8.self)
            #expect(xml.contains("<oddHeader>&amp;C&amp;9&amp;BNur für den internen Gebrauch</oddHeader>"), "\(name): the page header")
        }
        // The answers sheet: every answer, the key column named as the spec names it.
        let answers = try book.readSheet(named: "Antworten")
        let table = try #require(try Self.tables(written.url)["Antworten"]?.first)
        #expect(table.range.last.row - table.range.first.row == 2_933)
        #expect(
            (1...5).map { answers.value(CellReference(row: table.range.first.row, column: $0)).text }
                == ["Jahr", "Kreisschlüssel", "Arbeitsbündnis", "Frage", "Antwort"])
        // The print area is the table: the sheet prints at a readable scale.
        let workbookXML = String(decoding: parts["xl/workbook.xml"] ?? Data(), as: UTF8.self)
        #expect(workbookXML.contains("_xlnm.Print_Area\" localSheetId=\"2\">Antworten!$A$1:$E$\(table.range.last.row)<"))
        let columns = try #require(
            String(decoding: parts["xl/worksheets/sheet3.xml"] ?? Data(), as: UTF8.self)
                .firstMatch(of: /<cols>(.*?)<\/cols>/)
        ).1
        let widths = columns.matches(of: /width="([0-9.]+)"/).compactMap { Double($0.1) }
        // A4 landscape holds about 740 pt of print width; Calibri 11 is about 5.25 pt per character.
        let points = widths.reduce(0) { $0 + ($1 * 7 + 5) * 0.75 }
        #expect(740 / points >= 0.7, "the answers print at \(Int(740 / points * 100)) % or more")
    }

    /// Rows of the tables are 1-based here (CellReference); each table is found by its range.
    @Test func everyFigureSheetHoldsTheSeries() throws {
        let written = try #require(Self.shipped)
        let book = try WorkbookReader.open(written.url)
        let tables = try Self.tables(written.url)
        for figure in written.model.figures {
            let name = String(format: "Abb%02d", figure.number)
            let sheet = try book.readSheet(named: name)
            let top = try #require(tables[name]?.first).range.first.row
            #expect(Self.head(sheet, above: top).hasPrefix("Abbildung \(figure.number): \(figure.caption) [Hinweis"))
            switch figure.kind {
            case .status:
                #expect(sheet.value(CellReference(row: top, column: 3)).text == "\(figure.categories[0]) (Anzahl)")
                for (r, year) in figure.years.enumerated() {
                    let row = top + 1 + r
                    #expect(
                        sheet.value(CellReference(row: row, column: 1))
                            == (figure.asked(year: year) ? .number(Double(year)) : .string("\(year) (nicht erhoben)")))
                    guard figure.asked(year: year) else {
                        for column in 2...(2 + 2 * figure.categories.count) {
                            #expect(sheet.value(CellReference(row: row, column: column)) == .string("x"), "not asked: x everywhere")
                        }
                        continue
                    }
                    for (c, category) in figure.categories.enumerated() {
                        let point = try #require(figure.point(year: year, category: category))
                        #expect(
                            sheet.value(CellReference(row: row, column: 3 + c)) == .number(Double(point.count)),
                            "Abb\(figure.number) \(year) \(category)")
                        // libxlsxwriter writes 16 significant digits (Excel keeps 15).
                        guard case .number(let share) = sheet.value(CellReference(row: row, column: 3 + figure.categories.count + c)) else {
                            Issue.record("Abb\(figure.number) \(year) \(category): share missing")
                            continue
                        }
                        #expect(abs(share - (try #require(point.share).value)) < 1e-12)
                    }
                }
            case .options:
                for (r, option) in figure.categories.enumerated() {
                    #expect(sheet.value(CellReference(row: top + 1 + r, column: 1)) == .string(option))
                    for (c, year) in figure.years.enumerated() {
                        let point = try #require(figure.point(year: year, category: option))
                        let cell = sheet.value(CellReference(row: top + 1 + r, column: 2 + c))
                        #expect(cell == (point.asked ? .number(Double(point.count)) : .string("x")), "Abb\(figure.number) \(option) \(year)")
                    }
                }
            }
        }
    }

    /// The base of every figure, per year, as `series.csv` has it, and stated in words on the
    /// sheet with the filter for filtered questions (no "n = 13" where fewer were asked).
    @Test func everyFigureSheetStatesTheRightBasePerYear() throws {
        let written = try #require(Self.shipped)
        let book = try WorkbookReader.open(written.url)
        let tables = try Self.tables(written.url)
        var bases: [String: String] = [:]  // "3|2017" → "11", from the series the report draws
        for figure in written.model.figures {
            for point in figure.points where point.asked { bases["\(figure.number)|\(point.year)"] = String(point.base) }
        }
        var checked = 0
        for figure in written.model.figures {
            let name = String(format: "Abb%02d", figure.number)
            let sheet = try book.readSheet(named: name)
            let sheetTables = try #require(tables[name])
            let stated = Self.head(sheet, above: sheetTables[0].range.first.row)
            #expect(stated.contains("Basis: "))
            // The base: status figures in column B of the main table, options in their own table.
            let baseTop = figure.kind == .status ? sheetTables[0].range.first.row : try #require(sheetTables.last).range.first.row
            #expect(figure.kind == .status || sheetTables.count == 2)
            for (r, year) in figure.years.enumerated() {
                let cell = sheet.value(CellReference(row: baseTop + 1 + r, column: 2))
                if let base = bases["\(figure.number)|\(year)"] {
                    #expect(cell == .number(Double(base) ?? -1), "Abb\(figure.number) \(year) base")
                    #expect(stated.contains("n = \(base)"), "Abb\(figure.number): \(stated)")
                    checked += 1
                } else {
                    #expect(cell == .string("x"), "Abb\(figure.number) \(year) not asked")
                }
            }
        }
        #expect(checked > 90)
        let abb03 = try book.readSheet(named: "Abb03")
        #expect(
            Self.head(abb03, above: 20).contains(
                "Basis: Arbeitsbündnisse, die Frage I.04 („Interaktions- und Kommunikationsformate“) mit „ja“ beantwortet haben; 2017: n = 11; 2018–2021: n = 13 [Hinweis 2]"
            ))
        let abb17 = Self.head(try book.readSheet(named: "Abb17"), above: 20)
        #expect(abb17.contains("2017–2018: nicht erhoben (x); 2019–2021: n = 12 [Hinweis 2]"))
        let charts = try ZipEntries.read(written.url).filter { $0.key.hasPrefix("xl/charts/") }.map { String(decoding: $0.value, as: UTF8.self) }
        let chart17 = charts.first { $0.contains("Abbildung 17:") } ?? ""
        #expect(
            chart17.contains("Anzahl Arbeitsbündnisse (n = 12) – Quelle: Monitoring RÜMSA 2017–2021, eigene Berechnung"),
            "no wrong n in the axis title, and the source travels with the chart")
        let chart3 = charts.first { $0.contains("Abbildung 3:") } ?? ""
        #expect(chart3.contains("(n = 11 (2017), 13 (2018–2021)) –"), "bases per year in the chart itself")
    }

    /// The cells marked "r" are exactly those the revision check finds in this annex: the
    /// share of I.05 „ja“ in 2020 (published 60 %, 9 of 13 are 69,2 %), the two changes of
    /// theme III (published −11,9 and +3,8 PP) and the count of III.02 „ja“ in 2020 that
    /// Abbildung 15 published as 0; the notes name them cell by cell.
    @Test func revisedValuesAreMarkedInTheirCellsAndListed() throws {
        let written = try #require(Self.shipped)
        let parts = try ZipEntries.read(written.url)
        let book = try WorkbookReader.open(written.url)
        let styles = String(decoding: parts["xl/styles.xml"] ?? Data(), as: UTF8.self)
        let revisedFormats = Set(
            styles.matches(of: /<numFmt numFmtId="(\d+)" formatCode="([^"]*)"/)
                .filter { $0.2.contains("r&quot;") }.map { String($0.1) })
        #expect(revisedFormats.count == 3, "count, share and points marked r")
        let xfs = try #require(styles.firstMatch(of: /<cellXfs[^>]*>(.*?)<\/cellXfs>/)).1
        let revisedStyles = Set(
            xfs.matches(of: /<xf [^>]*?numFmtId="(\d+)"/).enumerated()
                .filter { revisedFormats.contains(String($0.element.1)) }.map { String($0.offset) })
        var marked: [String] = []
        for (index, name) in book.sheetNames.enumerated() {
            let xml = String(decoding: parts["xl/worksheets/sheet\(index + 1).xml"] ?? Data(), as: UTF8.self)
            for match in xml.matches(of: /<c r="([A-Z]+\d+)" s="(\d+)"/) where revisedStyles.contains(String(match.2)) {
                marked.append("\(name)!\(match.1)")
            }
        }
        #expect(marked.count == 4, "\(marked)")
        #expect(marked.filter { $0.hasPrefix("Abb15!") }.count == 1, "III.02 2020 „ja“ (published 0)")
        let tables = try Self.tables(written.url)
        let abb04 = try book.readSheet(named: "Abb04")
        let abb04Top = try #require(tables["Abb04"]?.first).range.first.row
        let jaShare = try #require((1...12).first { abb04.value(CellReference(row: abb04Top, column: $0)).text == "ja (Anteil in %)" })
        let row2020 = try #require((abb04Top...(abb04Top + 6)).first { abb04.value(CellReference(row: $0, column: 1)) == .number(2020) })
        let expected04 = "Abb04!" + CellReference(row: row2020, column: jaShare).description
        #expect(marked.contains(expected04))
        #expect(
            abb04.value(CellReference(row: row2020, column: jaShare)) == .number(9.0 / 13.0)
                || {
                    if case .number(let v) = abb04.value(CellReference(row: row2020, column: jaShare)) { return abs(v - 9.0 / 13.0) < 1e-12 }
                    return false
                }())
        let tab04 = try book.readSheet(named: "Tab04")
        let tab04Marked = marked.filter { $0.hasPrefix("Tab04!E") }
        #expect(tab04Marked.count == 2, "the change column of theme III, nein and keine Angabe")
        for reference in tab04Marked {
            let cell = try #require(CellReference(String(reference.dropFirst("Tab04!".count))))
            #expect(tab04.value(CellReference(row: cell.row, column: 1)).text.hasPrefix("III."))
            #expect(["nein", "keine Angabe"].contains(tab04.value(CellReference(row: cell.row, column: 2)).text))
        }
        let notes = try book.readSheet(named: "Hinweise").rows.flatMap(\.cells).map(\.value.text).joined(separator: "\n")
        for reference in marked { #expect(notes.contains("• " + reference + " ("), "the notes name \(reference)") }
        #expect(notes.contains("(Abbildung 4, 2020, „ja“): 69,2 %; veröffentlicht im Text: 60 %"))
        let cover = try book.readSheet(named: "Deckblatt").rows.flatMap(\.cells).map(\.value.text)
        #expect(cover.contains("r"), "r is explained")
    }

    /// Wrapped cells get rows tall enough for their lines (they overprinted the next row).
    @Test func wrappedCellsHaveRowsTallEnoughForTheirText() throws {
        let written = try #require(Self.shipped)
        let parts = try ZipEntries.read(written.url)
        let book = try WorkbookReader.open(written.url)
        let index = try #require(book.sheetNames.firstIndex(of: "Codebuch"))
        let xml = String(decoding: parts["xl/worksheets/sheet\(index + 1).xml"] ?? Data(), as: UTF8.self)
        let heights = Dictionary(
            xml.matches(of: /<row r="(\d+)"[^>]*? ht="([0-9.]+)"/).map { (Int($0.1) ?? 0, Double($0.2) ?? 0) },
            uniquingKeysWith: { a, _ in a })
        let codebook = try book.readSheet(named: "Codebuch")
        var long = 0
        for row in codebook.rows {
            // Column G (Wortlaut) is 80 characters wide: a longer question wraps.
            let question = row.cells.first { $0.reference.column == 7 }?.value.text ?? ""
            guard question.count > 110 else { continue }
            long += 1
            let lines = Double(question.count) / 110
            #expect(
                (heights[row.index] ?? 15) >= 15 * lines, "Codebuch row \(row.index): \(question.count) characters in \(heights[row.index] ?? 15) pt")
        }
        #expect(long > 10)
        // No title runs beyond its table: each head row fits the columns it stands over.
        for name in Self.figureSheets {
            let sheet = try book.readSheet(named: name)
            let top = try #require(try Self.tables(written.url)[name]?.first).range
            let columns = top.last.column
            let widthXML = String(decoding: parts["xl/worksheets/sheet\(4 + (Int(name.dropFirst(3)) ?? 1) - 1).xml"] ?? Data(), as: UTF8.self)
            let widths = widthXML.matches(of: /<col min="(\d+)" max="(\d+)" width="([0-9.]+)"/)
                .flatMap { m in Array(repeating: Double(m.3) ?? 0, count: (Int(m.2) ?? 0) - (Int(m.1) ?? 0) + 1) }
            let available = widths.prefix(columns).reduce(0, +)
            for row in sheet.rows where row.index < top.first.row {
                let text = row.cells.first?.value.text ?? ""
                // 13 pt bold at most ~1.5 characters of the column unit each: generous.
                #expect(Double(text.count) <= available * 1.0, "\(name) row \(row.index): \(text.count) characters over \(available)")
            }
        }
    }

    /// With `min_cell_size: 3`, no count of one or two units is published: it is ".", and
    /// with a single small count in a distribution a second one is withheld, so the base does
    /// not give it away; free-text entries of fewer units are counted in one line.
    @Test func smallCountsAreWithheld() throws {
        let folder = try TemporaryFolder.make()
        let spec = try SpecCopy.finalReport(in: folder) { $0 + "\nmin_cell_size: 3\n" }
        let written = try Self.write(audience: .published, spec: spec)
        let book = try WorkbookReader.open(written.url)
        let tables = try Self.tables(written.url)
        var withheld = 0
        var secondary = 0
        for name in Self.figureSheets + Self.tableSheets {
            let sheet = try book.readSheet(named: name)
            let main = try #require(tables[name]?.first).range
            let headers = (main.first.column...main.last.column).map { sheet.value(CellReference(row: main.first.row, column: $0)).text }
            for row in (main.first.row + 1)...main.last.row {
                var rowWithheld = 0
                var rowSmall = 0
                for (offset, header) in headers.enumerated() where header.contains("(Anzahl)") || header.hasPrefix("Anzahl") {
                    let value = sheet.value(CellReference(row: row, column: main.first.column + offset))
                    if case .number(let n) = value { #expect(n == 0 || n >= 3, "\(name) row \(row): \(n) published") }
                    if value == .string(".") {
                        rowWithheld += 1
                        withheld += 1
                    }
                }
                rowSmall = rowWithheld
                if name.hasPrefix("Abb"), headers.first == "Jahr", rowSmall >= 2 { secondary += 1 }
            }
        }
        #expect(withheld > 20)
        #expect(secondary > 0, "a second count withheld beside a single small one")
        let cover = try book.readSheet(named: "Deckblatt").rows.flatMap(\.cells).map(\.value.text)
        #expect(cover.contains("."), "the symbol is explained")
        let tab01 = try book.readSheet(named: "Tab01").rows.flatMap(\.cells).map(\.value.text)
        #expect(tab01.contains { $0.hasPrefix("weitere Nennungen (") && $0.hasSuffix("von jeweils weniger als 3 Arbeitsbündnisse)") })
    }

    @Test func noCellIsMerged() throws {
        let written = try #require(Self.shipped)
        let book = try WorkbookReader.open(written.url)
        for name in book.sheetNames {
            #expect(try book.readSheet(named: name).mergedRanges.isEmpty, "\(name) has merged cells")
        }
    }

    /// Every data range is an Excel table with unique headers, and no cell of a table body is
    /// blank (not asked is "x", explained on the cover).
    @Test func everyDataRangeIsATableWithoutBlankCells() throws {
        let written = try #require(Self.shipped)
        let parts = try ZipEntries.read(written.url)
        let book = try WorkbookReader.open(written.url)
        var tablesPerSheet: [String: Int] = [:]
        for (index, name) in book.sheetNames.enumerated() {
            let rels = String(decoding: parts["xl/worksheets/_rels/sheet\(index + 1).xml.rels"] ?? Data(), as: UTF8.self)
            let sheet = try book.readSheet(named: name)
            for match in rels.matches(of: /Target="..\/tables\/(table\d+\.xml)"/) {
                let xml = String(decoding: parts["xl/tables/\(match.1)"] ?? Data(), as: UTF8.self)
                let ref = try #require(xml.firstMatch(of: /ref="([A-Z]+\d+:[A-Z]+\d+)"/).flatMap { CellRange($0.1) })
                let headers = xml.matches(of: /<tableColumn id="\d+" name="([^"]*)"/).map { String($0.1) }
                #expect(headers.count == ref.last.column - ref.first.column + 1, "\(name): a name per column")
                #expect(Set(headers).count == headers.count, "\(name): duplicate header in \(headers)")
                #expect(xml.contains("TableStyleLight"), "\(name): a light table style")
                for row in (ref.first.row + 1)...ref.last.row {
                    for column in ref.first.column...ref.last.column {
                        #expect(
                            !sheet.value(CellReference(row: row, column: column)).isEmpty,
                            "\(name) \(CellReference(row: row, column: column)) is blank inside a table")
                    }
                }
                tablesPerSheet[name, default: 0] += 1
            }
        }
        for name in book.sheetNames { #expect((tablesPerSheet[name] ?? 0) >= 1, "\(name) has no table") }
        #expect(tablesPerSheet["Abb03"] == 2, "options figure: values and bases")
    }

    @Test func theCoverExplainsEverySymbolAndTheNotesAreReferenced() throws {
        let written = try #require(Self.shipped)
        let book = try WorkbookReader.open(written.url)
        let cover = try book.readSheet(named: "Deckblatt")
        let texts = cover.rows.flatMap(\.cells).map(\.value.text)
        for label in ["Herausgeber", "Stand", "Quelle", "Kontakt", "Lizenz", "Zeichenerklärung", "Hinweis zu den Daten"] {
            #expect(texts.contains(label), "cover: \(label)")
        }
        #expect(texts.contains("31.01.2022"))
        #expect(texts.contains { $0.hasPrefix("Datenlizenz Deutschland") })
        // The symbols explained: the first column of the Zeichenerklärung's table.
        let start = try #require(cover.rows.first { $0.cells.first?.value.text == "Zeichen" }?.index)
        let explained = Set(cover.rows.filter { $0.index > start }.compactMap { $0.cells.first { $0.reference.column == 1 }?.value.text })
        // Every short symbol that stands in a data cell is explained (answer categories are words).
        let categories = Set(written.model.catalogue.categories.map(\.name))
        for name in Self.figureSheets + Self.tableSheets {
            let sheet = try book.readSheet(named: name)
            for cell in sheet.rows.filter({ $0.index > 6 }).flatMap(\.cells) {
                guard case .string(let text) = cell.value, text.count <= 2, !categories.contains(text) else { continue }
                #expect(explained.contains(text), "\(name) \(cell.reference): symbol '\(text)' not explained")
            }
        }
        #expect(explained.contains("x"))
        #expect(explained.contains("–"), "exact zeros show as – through the number formats")
        #expect(explained.contains("[Hinweis n]"))
        let abbreviations = try #require(cover.rows.first { $0.cells.first?.value.text == "Abkürzung" }?.index)
        let terms = Set(cover.rows.filter { $0.index > abbreviations }.compactMap { $0.cells.first { $0.reference.column == 1 }?.value.text })
        for term in written.model.spec.abbreviations.map(\.term) { #expect(terms.contains(term), "abbreviation \(term) explained") }
        let notes = try book.readSheet(named: "Hinweise")
        let numbered = notes.rows.compactMap { row -> Int? in
            guard case .number(let n) = row.cells.first?.value else { return nil }
            return Int(n)
        }
        #expect(numbered == [1, 2, 3, 4, 5])
        #expect(Self.head(try book.readSheet(named: "Abb03"), above: 20).contains("[Hinweis 2]"))
        let answers = try WorkbookReader.open(try #require(Self.shippedInternal).url).readSheet(named: "Antworten")
        #expect(Self.head(answers, above: 12).contains("Hinweis zu den Daten: Die Einzelantworten"), "the warning on the sheet itself")
        let codebook = try book.readSheet(named: "Codebuch")
        #expect(codebook.rows.contains { $0.cells.first?.value.text == "ID" })
        #expect(codebook.rows.contains { $0.cells.first?.value.text == "III.04.m" })
    }

    @Test func tablesOneThreeAndFourAreLongTables() throws {
        let written = try #require(Self.shipped)
        let book = try WorkbookReader.open(written.url)
        let tables = try Self.tables(written.url)
        let headers = { (sheet: Sheet) in
            (1...7).map { sheet.value(CellReference(row: tables[sheet.name]?.first?.range.first.row ?? 0, column: $0)).text }
        }
        #expect(headers(try book.readSheet(named: "Tab01")).prefix(3) == ["Frage", "Nennung", "Anzahl Arbeitsbündnisse"])
        #expect(
            headers(try book.readSheet(named: "Tab04")) == [
                "Themenbereich", "Antwort", "2021 (Anzahl)", "2021 (Anteil in %)",
                "Veränderung ggü. 2020 (PP)", "2021 Basis (Antworten)", "2020 Basis (Antworten)",
            ])
        #expect(
            headers(try book.readSheet(named: "Tab02")).prefix(6) == [
                "Netzwerkpartner", "2020 (Anzahl)", "2020 Basis (n)",
                "2021 (Anzahl)", "2021 Basis (n)", "2021 (Anteil in %)",
            ])
        let tab04 = try book.readSheet(named: "Tab04")
        let nein = try #require(
            tab04.rows.first { $0.cells.first?.value.text.hasPrefix("III.") == true && $0.cells.dropFirst().first?.value.text == "nein" })
        guard case .number(let change) = nein.cells.first(where: { $0.reference.column == 5 })?.value else {
            Issue.record("no change")
            return
        }
        #expect(abs(change - (-11.834319526627)) < 1e-9, "stored exactly, shown as −11,8 PP")
    }

    @Test func chartsShowAskedYearsAndDescribeTheirData() throws {
        let written = try #require(Self.shipped)
        let parts = try ZipEntries.read(written.url)
        #expect(parts.keys.filter { $0.hasPrefix("xl/charts/chart") }.count == 22)
        let drawings = parts.filter { $0.key.hasPrefix("xl/drawings/drawing") }
        #expect(drawings.count == 22)
        for (_, xml) in drawings {
            let text = String(decoding: xml, as: UTF8.self)
            #expect(text.components(separatedBy: "<c:chart ").count == 2)
            #expect(text.contains("descr=\"Abbildung"))
            #expect(text.contains("(n = "), "the data sentence as alt text")
        }
        let charts = parts.filter { $0.key.hasPrefix("xl/charts/chart") }.map { String(decoding: $0.value, as: UTF8.self) }
        let abb04 = try #require(charts.first { $0.contains("Abbildung 4:") })
        // I.05 was first asked in 2019: the years before are categories too, labelled by their
        // cells („2017 (nicht erhoben)“), as in the report.
        let top = try #require(try Self.tables(written.url)["Abb04"]?.first).range.first.row
        #expect(abb04.contains("$A$\(top + 1):$A$\(top + 5)"), "all five years")
        let abb04Sheet = try WorkbookReader.open(written.url).readSheet(named: "Abb04")
        #expect(abb04Sheet.value(CellReference(row: top + 1, column: 1)) == .string("2017 (nicht erhoben)"))
        #expect(abb04Sheet.value(CellReference(row: top + 3, column: 1)) == .number(2019))
        let abb03 = try #require(charts.first { $0.contains("Abbildung 3:") })
        #expect(abb03.contains("nicht erhoben"), "the option not asked in 2017 is labelled, not an empty bar")
        #expect(abb03.contains("4F86C6") && abb03.contains("13294B"), "the year colours")
        let chart1 = try #require(charts.first { $0.contains("Abbildung 1:") })
        #expect(chart1.contains("<c:grouping val=\"stacked\"/>"))
        #expect(chart1.contains("009E73"), "the SVG's colour for ja")
    }

    @Test func contentsLinksToEverySheetAndBack() throws {
        let written = try #require(Self.shipped)
        let contents = try ZipEntries.text(written.url, "xl/worksheets/sheet2.xml")
        #expect(contents.contains("location=\"'Abb01'!A1\""))
        #expect(contents.contains("location=\"'Tab04'!A1\""))
        #expect(!contents.contains("location=\"'Antworten'!A1\""), "the answers are not published")
        #expect(contents.contains("location=\"'Codebuch'!A1\""))
        let figure = try ZipEntries.text(written.url, "xl/worksheets/sheet4.xml")
        #expect(figure.contains("location=\"'Inhalt'!A1\""))
        #expect(figure.contains("<pane ySplit=\""), "header frozen")
        #expect(figure.contains("orientation=\"landscape\""))
        #expect(figure.contains("Seite &amp;P von &amp;N"))
        #expect(figure.contains("<ignoredError sqref=\"A1:XFD1048576\" numberStoredAsText=\"1\"/>"))
        let styles = try ZipEntries.text(written.url, "xl/styles.xml")
        #expect(styles.contains("formatCode=\"0.0 %;-0.0 %;&quot;–&quot;\""), "exact zero as –")
        #expect(styles.contains("−"), "a true minus in the PP format")
    }

    @Test func documentPropertiesAndReproducibleTime() throws {
        let written = try #require(Self.shipped)
        let core = try ZipEntries.text(written.url, "docProps/core.xml")
        #expect(core.contains("<dc:title>Monitoring zum Umsetzungsstand"))
        #expect(core.contains("<dc:creator>Landesnetzwerkstelle RÜMSA</dc:creator>"))
        #expect(core.contains("<cp:keywords>Monitoring RÜMSA; 2017–2021; Tabellenanhang</cp:keywords>"))
        #expect(core.contains("<dcterms:created xsi:type=\"dcterms:W3CDTF\">2022-01-31T12:00:00Z</dcterms:created>"))
        #expect(core.contains("<dc:language>de-DE</dc:language>"), "the language for screen readers and archives")
        let charts = try ZipEntries.read(written.url).filter { $0.key.hasPrefix("xl/charts/chart") }.map { String(decoding: $0.value, as: UTF8.self) }
        #expect(!charts.isEmpty && charts.allSatisfy { $0.contains("<c:lang val=\"de-DE\"/>") && !$0.contains("en-US") })
        let app = try ZipEntries.text(written.url, "docProps/app.xml")
        #expect(app.contains("<Company>Forschungsinstitut Betriebliche Bildung (f-bb)</Company>"))
        #expect(ReproducibleTime.seconds(iso: "2022-01-31T12:00:00Z", environment: [:]) == 1_643_630_400)
        #expect(ReproducibleTime.seconds(iso: nil, environment: ["SOURCE_DATE_EPOCH": "42"]) == 42)
    }

    @Test func twoRunsGiveIdenticalXMLParts() throws {
        let first = try ZipEntries.read(try Self.write().url)
        let second = try ZipEntries.read(try Self.write().url)
        #expect(first.keys.sorted() == second.keys.sorted())
        for (path, data) in first { #expect(second[path] == data, "\(path) differs between runs") }
    }

    @Test func formulaLookingFreeTextStaysAString() throws {
        let fixture = try DataFolderFixture()
        // Börde (row 4) answered II.06 "ja" in 2019; its II.06.t1 text (column T) becomes a formula lookalike.
        try fixture.replaceWaveWithCSV("Monitoring_W3_2019.xlsx", sheet: "Antworten") { $0[3][19] = "=HYPERLINK(\"http://x\";\"klick\")" }
        let written = try Self.write(dataFolder: fixture.url, audience: .internal)
        let sheet = try WorkbookReader.open(written.url).readSheet(named: "Antworten")
        let cell = try #require(sheet.rows.flatMap(\.cells).first { $0.value.text.hasPrefix("=HYPERLINK") })
        #expect(cell.formula == nil)
        #expect(cell.value == .string("=HYPERLINK(\"http://x\";\"klick\")"))
    }

    @Test func sheetNamesAreAlwaysValid() {
        var names = SheetNames()
        #expect(names.make("Abb01") == "Abb01")
        #expect(names.make("abb01") == "abb01 (2)")
        #expect(names.make("Was? [Fragen]: a/b\\c*") == "Was_ _Fragen__ a_b_c_")
        #expect(names.make(String(repeating: "x", count: 40)).count == 31)
        #expect(names.make(String(repeating: "x", count: 40)) == String(repeating: "x", count: 27) + " (2)")
        #expect(names.make("'quoted'") == "quoted")
        #expect(names.make("History") == "Blatt")
        #expect(names.make("") == "Blatt (2)")
        #expect(SheetNames.reference("O'Brien") == "'O''Brien'!A1")
    }

    @Test(.enabled(if: ExternalTool.exists("soffice"), "needs LibreOffice"))
    func libreOfficeOpensItWithoutRepair() throws {
        let written = try #require(Self.shipped)
        let folder = try TemporaryFolder.make()
        let result = try ExternalTool.run(
            "soffice",
            [
                "--headless", "-env:UserInstallation=file://\(folder.path)/profile",
                "--convert-to", "pdf", "--outdir", folder.path, written.url.path,
            ])
        #expect(result.status == 0, "\(result.stderr)")
        let pdf = folder.appendingPathComponent(written.url.deletingPathExtension().lastPathComponent + ".pdf")
        let size = (try? FileManager.default.attributesOfItem(atPath: pdf.path)[.size] as? Int) ?? 0
        #expect(size > 10_000)
    }

    static var hasOpenpyxl: Bool {
        ExternalTool.exists("python3") && ((try? ExternalTool.run("python3", ["-c", "import openpyxl"]))?.status == 0)
    }

    @Test(.enabled(if: hasOpenpyxl, "needs python3 with openpyxl"))
    func openpyxlLoadsIt() throws {
        let written = try #require(Self.shipped)
        let script = """
            import sys, openpyxl
            wb = openpyxl.load_workbook(sys.argv[1])
            ws = wb["Abb04"]
            print(len(wb.sheetnames), len(ws._charts), len(ws.tables), ws["A1"].value)
            """
        let result = try ExternalTool.run("python3", ["-c", script, written.url.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("30 1 1 Abbildung 4: Es besteht eine gemeinsame interne Kommunikationsplattform."))
    }
}

/// Who was asked, in the annex, comes from the catalogue's filter (`Bezug`, `Filterantwort`),
/// not from the assumption that the parent's first answer opens a question: changing the
/// opening answer in the catalogue changes the codebook, the base lines and the notes.
@Suite(.enabled(if: ExternalTool.available("python:openpyxl"), "needs python3 with openpyxl (.ci/run installs it)"))
struct AnnexFilterTests {
    /// The example survey with B.02 opened by `answer` of A.01 (nil: as shipped).
    static func annex(openingAnswer answer: String?) throws -> any Workbook {
        let data = try answer.map { try ExampleSurvey.data(opening: "B.02", with: $0) } ?? ExampleSurvey.data
        let (model, normalised) = try ReportModelBuilder.build(spec: ExampleSurvey.spec, data: data)
        let url = try TemporaryFolder.make().appendingPathComponent("anhang.xlsx")
        try AnnexWriter(model: model, answers: normalised.answers, issues: normalised.issues, created: 0).write(to: url.path)
        return try WorkbookReader.open(url)
    }

    static func row(_ sheet: Sheet, id: String) -> [String] {
        sheet.rows.first { $0.cells.first?.value.text == id }?.cells.map(\.value.text) ?? []
    }

    @Test(arguments: [
        (nil, "„trifft zu“"), ("trifft nicht zu", "„trifft nicht zu“"), ("trifft zu | trifft nicht zu", "„trifft zu“ oder „trifft nicht zu“"),
    ])
    func theOpeningAnswersAreTheCataloguesOwn(changed: String?, shown: String) throws {
        let book = try Self.annex(openingAnswer: changed)
        let codebook = try book.readSheet(named: "Codebuch")
        #expect(codebook.rows.contains { $0.cells.count > 4 && $0.cells[4].value.text == "Öffnet bei" })
        #expect(Array(Self.row(codebook, id: "B.02").prefix(5)) == ["B.02", "B", "Mehrfachauswahl", "A.01", shown])
        #expect(Array(Self.row(codebook, id: "B.02.m1").prefix(5)).suffix(2) == ["A.01", shown], "an option is asked as its question")
        #expect(Self.row(codebook, id: "A.01")[3] == "kein Filter", "words: – means an exact zero")
        let sheets = book.sheetNames.filter { $0.hasPrefix("Abb") }
        let bases = try sheets.map { name in
            try book.readSheet(named: name).rows.prefix(8).compactMap { $0.cells.first?.value.text }.joined(separator: " ")
        }
        #expect(
            bases.contains { $0.contains("Basis: Kommunen, die Frage A.01 („") && $0.contains("“) mit \(shown) beantwortet haben") },
            "\(bases)")
        #expect(!bases.joined().contains("(Filter: )"))
    }
}
