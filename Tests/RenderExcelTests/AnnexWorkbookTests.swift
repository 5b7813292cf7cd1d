import Aggregate
import Foundation
import Ingest
import Normalise
import RenderExcel
import Testing
import TestSupport

/// The annex is read back with the project's own xlsx reader and checked against the series.
@Suite(.serialized) struct AnnexWorkbookTests {
    struct Written {
        let model: ReportModel
        let url: URL
    }

    static func write(dataFolder: URL = TestPaths.data) throws -> Written {
        let (model, data) = try ReportModelBuilder.build(data: dataFolder)
        let url = try TemporaryFolder.make().appendingPathComponent(model.spec.annexFile)
        let created = ReproducibleTime.seconds(iso: model.spec.created, environment: ProcessInfo.processInfo.environment)
        try AnnexWriter(model: model, answers: data.answers, issues: data.issues, created: created).write(to: url.path)
        return Written(model: model, url: url)
    }

    static let shipped: Written? = try? write()

    static let figureSheets = (1...22).map { String(format: "Abb%02d", $0) }
    static let tableSheets = (1...4).map { String(format: "Tab%02d", $0) }

    @Test func sheetsAreListedInOrder() throws {
        let written = try #require(Self.shipped)
        let book = try WorkbookReader.open(written.url)
        let expected = ["Deckblatt", "Inhalt", "Hinweise"] + Self.figureSheets + Self.tableSheets + ["Antworten", "Codebuch", "Validierung"]
        #expect(book.sheetNames == expected)
    }

    /// Rows of the tables are 1-based here (CellReference); the figure tables start in row 6.
    @Test func everyFigureSheetHoldsTheSeries() throws {
        let written = try #require(Self.shipped)
        let book = try WorkbookReader.open(written.url)
        for figure in written.model.figures {
            let sheet = try book.readSheet(named: String(format: "Abb%02d", figure.number))
            #expect(sheet.value(CellReference("A1")!).text.hasPrefix("Abbildung \(figure.number): \(figure.caption) [Hinweis"))
            switch figure.kind {
            case .status:
                #expect(sheet.value(CellReference(row: 6, column: 3)).text == "\(figure.categories[0]) (Anzahl)")
                for (r, year) in figure.years.enumerated() {
                    let row = 7 + r
                    #expect(sheet.value(CellReference(row: row, column: 1)) == .number(Double(year)))
                    guard figure.asked(year: year) else {
                        for column in 2...(2 + 2 * figure.categories.count) {
                            #expect(sheet.value(CellReference(row: row, column: column)) == .string("x"), "not asked: x everywhere")
                        }
                        continue
                    }
                    for (c, category) in figure.categories.enumerated() {
                        let point = try #require(figure.point(year: year, category: category))
                        #expect(sheet.value(CellReference(row: row, column: 3 + c)) == .number(Double(point.count)),
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
                    #expect(sheet.value(CellReference(row: 7 + r, column: 1)) == .string(option))
                    for (c, year) in figure.years.enumerated() {
                        let point = try #require(figure.point(year: year, category: option))
                        let cell = sheet.value(CellReference(row: 7 + r, column: 2 + c))
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
        var bases: [String: String] = [:]  // "3|2017" → "11", from the series the report draws
        for figure in written.model.figures {
            for point in figure.points where point.asked { bases["\(figure.number)|\(point.year)"] = String(point.base) }
        }
        var checked = 0
        for figure in written.model.figures {
            let sheet = try book.readSheet(named: String(format: "Abb%02d", figure.number))
            let stated = sheet.value(CellReference("A3")!).text
            #expect(stated.hasPrefix("Basis: "))
            // The base table: status figures in column B of the main table, options in their own table.
            let baseTop = figure.kind == .status ? 6 : 6 + figure.categories.count + 2
            let baseColumn = 2
            for (r, year) in figure.years.enumerated() {
                let cell = sheet.value(CellReference(row: baseTop + 1 + r, column: baseColumn))
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
        let abb03 = try book.readSheet(named: "Abb03").value(CellReference("A3")!).text
        #expect(abb03 == "Basis: Arbeitsbündnisse, die Frage I.04 („Interaktions- und Kommunikationsformate“) mit „ja“ beantwortet haben; 2017: n = 11; 2018–2021: n = 13 [Hinweis 2]")
        let abb17 = try book.readSheet(named: "Abb17").value(CellReference("A3")!).text
        #expect(abb17.hasSuffix("2017–2018: nicht erhoben (x); 2019–2021: n = 12 [Hinweis 2]") || abb17.contains("n = 12"))
        let chart17 = try ZipEntries.read(written.url).filter { $0.key.hasPrefix("xl/charts/") }
            .map { String(decoding: $0.value, as: UTF8.self) }.first { $0.contains("Abbildung 17:") } ?? ""
        #expect(chart17.contains("Anzahl Arbeitsbündnisse (n = 12)"), "no wrong n in the axis title")
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
                        #expect(!sheet.value(CellReference(row: row, column: column)).isEmpty,
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
        let notes = try book.readSheet(named: "Hinweise")
        let numbered = notes.rows.compactMap { row -> Int? in
            guard case .number(let n) = row.cells.first?.value else { return nil }
            return Int(n)
        }
        #expect(numbered == [1, 2, 3, 4, 5])
        #expect(try book.readSheet(named: "Abb03").value(CellReference("A3")!).text.hasSuffix("[Hinweis 2]"))
        let answers = try book.readSheet(named: "Antworten")
        #expect(answers.value(CellReference("A2")!).text.hasPrefix("Hinweis zu den Daten: Die Einzelantworten"), "the warning on the sheet itself")
        let codebook = try book.readSheet(named: "Codebuch")
        #expect(codebook.value(CellReference("A4")!).text == "ID")
        #expect(codebook.rows.contains { $0.cells.first?.value.text == "III.04.m" })
    }

    @Test func tablesOneThreeAndFourAreLongTables() throws {
        let written = try #require(Self.shipped)
        let book = try WorkbookReader.open(written.url)
        let headers = { (sheet: Sheet) in (1...7).map { sheet.value(CellReference(row: 6, column: $0)).text } }
        #expect(headers(try book.readSheet(named: "Tab01")).prefix(3) == ["Frage", "Nennung", "Anzahl Arbeitsbündnisse"])
        #expect(headers(try book.readSheet(named: "Tab04")) == ["Themenbereich", "Antwort", "2021 (Anzahl)", "2021 (Anteil in %)",
                                                                "Veränderung ggü. 2020 (PP)", "2021 Basis (Antworten)", "2020 Basis (Antworten)"])
        #expect(headers(try book.readSheet(named: "Tab02")).prefix(6) == ["Netzwerkpartner", "2020 (Anzahl)", "2020 Basis (n)",
                                                                          "2021 (Anzahl)", "2021 Basis (n)", "2021 (Anteil in %)"])
        let tab04 = try book.readSheet(named: "Tab04")
        let nein = try #require(tab04.rows.first { $0.cells.first?.value.text.hasPrefix("III.") == true && $0.cells.dropFirst().first?.value.text == "nein" })
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
        // I.05 was first asked in 2019: the chart's categories start there.
        #expect(abb04.contains("$A$9:$A$11"), "only the asked years 2019–2021")
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
        #expect(contents.contains("location=\"'Antworten'!A1\""))
        #expect(contents.contains("location=\"'Codebuch'!A1\""))
        let figure = try ZipEntries.text(written.url, "xl/worksheets/sheet4.xml")
        #expect(figure.contains("location=\"'Inhalt'!A1\""))
        #expect(figure.contains("<pane ySplit=\"6\""), "header frozen")
        #expect(figure.contains("orientation=\"landscape\""))
        #expect(figure.contains("Seite &amp;P von &amp;N"))
        #expect(figure.contains("<ignoredError sqref=\"A1:XFD1048576\" numberStoredAsText=\"1\"/>"))
        let styles = try ZipEntries.text(written.url, "xl/styles.xml")
        #expect(styles.contains("formatCode=\"0.0 %\""))
        #expect(styles.contains("−"), "a true minus in the PP format")
    }

    @Test func documentPropertiesAndReproducibleTime() throws {
        let written = try #require(Self.shipped)
        let core = try ZipEntries.text(written.url, "docProps/core.xml")
        #expect(core.contains("<dc:title>Monitoring zum Umsetzungsstand"))
        #expect(core.contains("<dc:creator>Landesnetzwerkstelle RÜMSA</dc:creator>"))
        #expect(core.contains("<cp:keywords>Monitoring; Monitoring RÜMSA; 2017–2021; Anhang</cp:keywords>"))
        #expect(core.contains("<dcterms:created xsi:type=\"dcterms:W3CDTF\">2022-01-31T12:00:00Z</dcterms:created>"))
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
        let written = try Self.write(dataFolder: fixture.url)
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
        let result = try ExternalTool.run("soffice", ["--headless", "-env:UserInstallation=file://\(folder.path)/profile",
                                                      "--convert-to", "pdf", "--outdir", folder.path, written.url.path])
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
            print(len(wb.sheetnames), ws["C11"].value, len(ws._charts), len(ws.tables), ws["A1"].value)
            """
        let result = try ExternalTool.run("python3", ["-c", script, written.url.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("32 10 1 1 Abbildung 4: Es besteht eine gemeinsame interne Kommunikationsplattform."))
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

    @Test(arguments: [(nil, "„trifft zu“"), ("trifft nicht zu", "„trifft nicht zu“"), ("trifft zu | trifft nicht zu", "„trifft zu“ oder „trifft nicht zu“")])
    func theOpeningAnswersAreTheCataloguesOwn(changed: String?, shown: String) throws {
        let book = try Self.annex(openingAnswer: changed)
        let codebook = try book.readSheet(named: "Codebuch")
        #expect(codebook.value(CellReference("E4")!).text == "Öffnet bei")
        #expect(Array(Self.row(codebook, id: "B.02").prefix(5)) == ["B.02", "B", "Mehrfachauswahl", "A.01", shown])
        #expect(Array(Self.row(codebook, id: "B.02.m1").prefix(5)).suffix(2) == ["A.01", shown], "an option is asked as its question")
        #expect(Self.row(codebook, id: "A.01")[3] == "–")
        let sheets = book.sheetNames.filter { $0.hasPrefix("Abb") }
        let bases = try sheets.map { try book.readSheet(named: $0).value(CellReference("A3")!).text }
        #expect(bases.contains { $0.hasPrefix("Basis: Kommunen, die Frage A.01 („") && $0.contains("“) mit \(shown) beantwortet haben") },
                "\(bases)")
        #expect(!bases.joined().contains("(Filter: )"))
    }
}
