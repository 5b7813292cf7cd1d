import Aggregate
import Foundation
import Ingest
import Normalise
import Pipeline
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
        let out = try TemporaryFolder.make().appendingPathComponent("out")
        let pipeline = ReportPipeline(options: .init(specFile: TestPaths.finalReportSpec, dataFolder: dataFolder, outputFolder: out, formats: [.md]))
        guard case .success(let (model, _)) = pipeline.model(), case .success = pipeline.run() else {
            throw CocoaError(.fileWriteUnknown)
        }
        return Written(model: model, url: out.appendingPathComponent(model.spec.annexFile))
    }

    static let shipped: Written? = try? write()

    @Test func sheetsAreListedInOrder() throws {
        let written = try #require(Self.shipped)
        let book = try WorkbookReader.open(written.url)
        let expected = ["Inhalt"] + (1...22).map { String(format: "Abb%02d", $0) } + (1...4).map { String(format: "Tab%02d", $0) }
            + ["Antworten", "Validierung"]
        #expect(book.sheetNames == expected)
    }

    @Test func everyFigureSheetHoldsTheSeries() throws {
        let written = try #require(Self.shipped)
        let book = try WorkbookReader.open(written.url)
        for figure in written.model.figures {
            let sheet = try book.readSheet(named: String(format: "Abb%02d", figure.number))
            #expect(sheet.value(CellReference("A1")!).text == "Abbildung \(figure.number): \(figure.caption)")
            switch figure.kind {
            case .status:
                for (r, year) in figure.years.enumerated() {
                    let row = 7 + r
                    #expect(sheet.value(CellReference(row: row, column: 1)) == .number(Double(year)))
                    guard figure.asked(year: year) else {
                        #expect(sheet.value(CellReference(row: row, column: 2)) == .string("nicht erhoben"))
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
                        #expect(cell == (point.asked ? .number(Double(point.count)) : .empty), "Abb\(figure.number) \(option) \(year)")
                    }
                }
            }
        }
    }

    @Test func oneNativeChartPerFigureSheetWithAltText() throws {
        let written = try #require(Self.shipped)
        let parts = try ZipEntries.read(written.url)
        #expect(parts.keys.filter { $0.hasPrefix("xl/charts/chart") }.count == 22)
        // Sheets 2…23 are the figures; each has exactly one drawing holding one chart.
        for sheet in 2...23 {
            let rels = String(decoding: parts["xl/worksheets/_rels/sheet\(sheet).xml.rels"] ?? Data(), as: UTF8.self)
            #expect(rels.components(separatedBy: "relationships/drawing\"").count == 2, "sheet\(sheet)")
        }
        let drawings = parts.filter { $0.key.hasPrefix("xl/drawings/drawing") }
        #expect(drawings.count == 22)
        for (_, xml) in drawings {
            let text = String(decoding: xml, as: UTF8.self)
            #expect(text.components(separatedBy: "<c:chart ").count == 2)
            #expect(text.contains("descr=\"Abbildung"))
        }
        let chart1 = String(decoding: parts["xl/charts/chart1.xml"] ?? Data(), as: UTF8.self)
        #expect(chart1.contains("<c:grouping val=\"stacked\"/>"))
        #expect(chart1.contains("009E73"), "the SVG's colour for ja")
    }

    @Test func contentsLinksToEverySheetAndBack() throws {
        let written = try #require(Self.shipped)
        let contents = try ZipEntries.text(written.url, "xl/worksheets/sheet1.xml")
        #expect(contents.contains("location=\"'Abb01'!A1\""))
        #expect(contents.contains("location=\"'Tab04'!A1\""))
        #expect(contents.contains("location=\"'Antworten'!A1\""))
        let figure = try ZipEntries.text(written.url, "xl/worksheets/sheet2.xml")
        #expect(figure.contains("location=\"'Inhalt'!A1\""))
        #expect(figure.contains("<pane ySplit=\"6\""), "header frozen")
        #expect(figure.contains("orientation=\"landscape\""))
        #expect(figure.contains("Seite &amp;P von &amp;N"))
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
            print(len(wb.sheetnames), ws["A1"].value, ws["C11"].value, len(ws._charts))
            """
        let result = try ExternalTool.run("python3", ["-c", script, written.url.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("29 Abbildung 4: Es besteht eine gemeinsame interne Kommunikationsplattform. 10"))
    }
}
