import Foundation
import FuzzTargets
import Ingest
import IngestFixtures
import TestSupport
import Testing

@Suite struct XLSXReaderTests {
    static let styles = """
        <?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
        <numFmts count="1"><numFmt numFmtId="164" formatCode="dd.mm.yyyy"/></numFmts>\
        <cellStyleXfs count="1"><xf numFmtId="0"/></cellStyleXfs>\
        <cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/><xf numFmtId="14"/></cellXfs></styleSheet>
        """

    @Test func readsEveryCellKind() throws {
        var builder = XLSXBuilder()
        builder.sharedStringsXML = """
            <si><t>plain</t></si>\
            <si><r><t xml:space="preserve">Bitte </t></r><r><rPr><b/></rPr><t>nur</t></r><r><t xml:space="preserve"> das</t></r></si>\
            <si><t>Kanji</t><rPh sb="0" eb="1"><t>かんじ</t></rPh></si>\
            <si><t>a &amp; b &lt;c&gt; &#228;&#x1F600;</t></si>
            """
        builder.stylesXML = Self.styles
        builder.sheets = [
            .init(
                name: "Daten",
                xml: XLSXBuilder.worksheet(
                    """
                    <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c></row>\
                    <row r="2"><c r="A2" t="inlineStr"><is><t>inline</t></is></c><c r="B2"><v>15081</v></c><c r="C2"><v>0.25</v></c>\
                    <c r="D2" t="b"><v>1</v></c><c r="E2" t="e"><v>#DIV/0!</v></c></row>\
                    <row r="3"><c r="A3" s="1"><v>44423</v></c><c r="B3" s="2"><v>43018.5</v></c><c r="C3"><f>B4/13</f><v>1</v></c>\
                    <c r="D3" t="str"><f>"x"&amp;"y"</f><v>xy</v></c><c r="E3" t="d"><v>2021-08-15T10:30:00</v></c></row>
                    """))
        ]
        let sheet = try WorkbookReader.open(try builder.write()).readSheet(named: "Daten")
        #expect(sheet.value(CellReference("A1")!) == .string("plain"))
        #expect(sheet.value(CellReference("B1")!) == .string("Bitte nur das"))
        #expect(sheet.value(CellReference("C1")!) == .string("Kanji"), "phonetic runs are not part of the text")
        #expect(sheet.value(CellReference("D1")!) == .string("a & b <c> ä😀"))
        #expect(sheet.value(CellReference("A2")!) == .string("inline"))
        #expect(sheet.value(CellReference("B2")!).text == "15081")
        #expect(sheet.value(CellReference("C2")!) == .number(0.25))
        #expect(sheet.value(CellReference("D2")!) == .bool(true))
        #expect(sheet.value(CellReference("E2")!) == .error("#DIV/0!"))
        #expect(sheet.value(CellReference("A3")!) == .date(SpreadsheetDate(year: 2021, month: 8, day: 15)))
        #expect(sheet.value(CellReference("A3")!).text == "2021-08-15")
        #expect(sheet.value(CellReference("B3")!) == .date(SpreadsheetDate(year: 2017, month: 10, day: 10, secondsOfDay: 43_200)))
        let formula = try #require(sheet.cell(CellReference("C3")!))
        #expect(formula.formula == "B4/13")
        #expect(formula.value == .number(1), "a formula keeps its cached value")
        #expect(sheet.value(CellReference("D3")!) == .string("xy"))
        #expect(sheet.value(CellReference("E3")!) == .date(SpreadsheetDate(year: 2021, month: 8, day: 15, secondsOfDay: 37_800)))
    }

    @Test func cellsAndRowsWithoutReferencesAreNumberedInOrder() throws {
        var builder = XLSXBuilder()
        builder.sheets = [
            .init(
                name: "S",
                xml: XLSXBuilder.worksheet(
                    """
                    <row><c t="inlineStr"><is><t>a</t></is></c><c t="inlineStr"><is><t>b</t></is></c></row>\
                    <row r="5"><c><v>1</v></c><c r="D5"><v>2</v></c><c><v>3</v></c></row><row><c><v>4</v></c></row>
                    """))
        ]
        let sheet = try WorkbookReader.open(try builder.write()).readSheet(named: "S")
        #expect(sheet.value(CellReference("A1")!) == .string("a"))
        #expect(sheet.value(CellReference("B1")!) == .string("b"))
        #expect(sheet.value(CellReference("A5")!) == .number(1))
        #expect(sheet.value(CellReference("D5")!) == .number(2))
        #expect(sheet.value(CellReference("E5")!) == .number(3))
        #expect(sheet.value(CellReference("A6")!) == .number(4))
    }

    @Test func hiddenColumnsRowsAndMergedCellsAreReported() throws {
        var builder = XLSXBuilder()
        builder.sheets = [
            .init(
                name: "S",
                xml: XLSXBuilder.worksheet(
                    """
                    <row r="1"><c r="A1" t="inlineStr"><is><t>Titel</t></is></c></row><row r="3" hidden="1"><c r="B3"><v>1</v></c></row>
                    """, before: #"<cols><col min="2" max="3" width="9" hidden="1" customWidth="1"/><col min="5" max="5" width="40"/></cols>"#,
                    after: #"<mergeCells count="1"><mergeCell ref="A1:H1"/></mergeCells>"#))
        ]
        let sheet = try WorkbookReader.open(try builder.write()).readSheet(named: "S")
        #expect(sheet.hiddenColumns == [2, 3])
        #expect(sheet.hiddenRows == [3])
        #expect(sheet.row(3)?.isHidden == true)
        #expect(sheet.mergedRanges.map(\.description) == ["A1:H1"])
    }

    @Test func readsTheShippedWaveQuirks() throws {
        let waves = TestPaths.data.appendingPathComponent("waves")
        // Welle 5: data sheet is the second sheet, title row merged, column B hidden, formula and dates on sheet 1.
        let w5 = try WorkbookReader.open(waves.appendingPathComponent("Monitoring 2021 - Welle 5 - final.xlsx"))
        #expect(w5.sheetNames == ["Hinweise", "Monitoring 2021", "Fragen"])
        let notes = try w5.readSheet(named: "Hinweise")
        #expect(notes.value(CellReference("B3")!) == .date(SpreadsheetDate(year: 2021, month: 8, day: 15)))
        #expect(notes.cell(CellReference("B5")!)?.formula == "B4/13")
        #expect(notes.value(CellReference("A7")!) == .string("Bitte nur die Spalten des Fragenkatalogs auswerten."))
        let data = try w5.readSheet(named: "Monitoring 2021")
        #expect(data.hiddenColumns == [2])
        #expect(data.mergedRanges.map(\.description) == ["A1:H1"])
        #expect(data.value(CellReference("A3")!) == .string("Harz"))
        // Welle 4: inline strings, AGS as numbers, date column.
        let w4 = try WorkbookReader.open(waves.appendingPathComponent("welle4_2020_export.xlsx")).readSheet(named: "Export")
        #expect(w4.value(CellReference("A2")!) == .number(15081))
        #expect(w4.value(CellReference("C2")!) == .date(SpreadsheetDate(year: 2020, month: 9, day: 4)))
        #expect(w4.value(CellReference("D1")!) == .string("F1\nZiele und Wirkungserwartungen definiert"))
        // Welle 2: title rows above the header at row 4, ticks as numbers.
        let w2 = try WorkbookReader.open(waves.appendingPathComponent("RÜMSA Monitoring Welle 2 (2018).xlsx"))
            .readSheet(named: "Welle 2")
        #expect(w2.value(CellReference("A4")!) == .string("Arbeitsbündnis"))
        #expect(w2.value(CellReference("F5")!) == .number(1))
        // Welle 3: shared strings with stray spaces.
        let w3 = try WorkbookReader.open(waves.appendingPathComponent("Monitoring_W3_2019.xlsx")).readSheet(named: "Antworten")
        #expect(w3.value(CellReference("V2")!) == .string("ja "))
    }

    @Test func streamingVisitsTheSameRowsAsReading() throws {
        let url = TestPaths.data.appendingPathComponent("waves/Monitoring_W3_2019.xlsx")
        let book = try WorkbookReader.open(url)
        var streamed: [Row] = []
        _ = try book.streamSheet(named: "Antworten") { row, _ in streamed.append(row) }
        #expect(streamed == (try book.readSheet(named: "Antworten")).rows)
    }

    @Test func aWorkbookInMemoryReadsLikeTheFile() throws {
        let url = TestPaths.data.appendingPathComponent("waves/Monitoring 2021 - Welle 5 - final.xlsx")
        let fromFile = try XLSXWorkbook(url: url)
        let inMemory = try XLSXWorkbook(data: try Data(contentsOf: url), fileName: url.lastPathComponent)
        #expect(inMemory.sheetNames == fromFile.sheetNames)
        #expect(inMemory.hiddenSheetNames.isEmpty)
        for name in fromFile.sheetNames {
            #expect(try inMemory.readSheet(named: name).rows == fromFile.readSheet(named: name).rows)
        }
        #expect(throws: IngestError(file: "x.xlsx", .emptyFile)) { _ = try XLSXWorkbook(data: Data(), fileName: "x.xlsx") }
    }

    @Test func spreadsheetDatesFollowExcelsCalendar() {
        #expect(SpreadsheetDate(serial: 1, date1904: false) == SpreadsheetDate(year: 1900, month: 1, day: 1))
        #expect(SpreadsheetDate(serial: 59, date1904: false) == SpreadsheetDate(year: 1900, month: 2, day: 28))
        #expect(SpreadsheetDate(serial: 61, date1904: false) == SpreadsheetDate(year: 1900, month: 3, day: 1))
        #expect(SpreadsheetDate(serial: 44_423, date1904: false) == SpreadsheetDate(year: 2021, month: 8, day: 15))
        #expect(SpreadsheetDate(serial: 0, date1904: true) == SpreadsheetDate(year: 1904, month: 1, day: 1))
        #expect(SpreadsheetDate(serial: -1, date1904: false) == nil)
        #expect(SpreadsheetDate(serial: .nan, date1904: false) == nil)
    }

    @Test func cellReferencesAreBoundedToTheGrid() {
        #expect(CellReference("XFD1048576") == CellReference(row: 1_048_576, column: 16_384))
        #expect(CellReference("XFE1") == nil)
        #expect(CellReference("A1048577") == nil)
        #expect(CellReference("A0") == nil)
        #expect(CellReference("1A") == nil)
        #expect(CellReference("AAAAAAAAAAAAAAAAAAAAAAAAAA1") == nil)
        #expect(CellReference.columnName(27) == "AA")
        #expect(CellReference(row: 9, column: 7).description == "G9")
    }
}

/// The fixtures' zip writer (`InMemoryZip`, which replaced ZIPFoundation) writes archives
/// other tools accept, and our reader gets the parts back.
@Suite struct InMemoryZipTests {
    static let parts: [(String, Data)] = [
        ("[Content_Types].xml", Data("<Types/>".utf8)),
        ("xl/worksheets/sheet1.xml", Data(String(repeating: "<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>", count: 200).utf8)),
        ("docProps/Größe.txt", Data("ä".utf8)),
    ]

    @Test(arguments: [true, false])
    func ourReaderGetsThePartsBack(compressed: Bool) throws {
        let folder = try TemporaryFolder.make()
        let url = folder.appendingPathComponent("fixture.zip")
        try InMemoryZip.make(Self.parts, compressed: compressed).write(to: url)
        let read = try ZipEntries.read(url)
        #expect(read.count == Self.parts.count)
        for (path, data) in Self.parts { #expect(read[path] == data, "\(path)") }
    }

    @Test(.enabled(if: ExternalTool.available("python3")))
    func pythonsZipfileTestsTheArchiveClean() throws {
        let folder = try TemporaryFolder.make()
        let url = folder.appendingPathComponent("fixture.zip")
        try InMemoryZip.make(Self.parts).write(to: url)
        let result = try ExternalTool.run(
            "python3",
            [
                "-c",
                """
                import sys, zipfile
                z = zipfile.ZipFile(sys.argv[1])
                assert z.testzip() is None
                print(",".join(sorted(z.namelist())))
                """, url.path,
            ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(
            result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
                == "[Content_Types].xml,docProps/Größe.txt,xl/worksheets/sheet1.xml")
    }
}
