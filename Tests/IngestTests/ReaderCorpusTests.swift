import Foundation
import TestSupport
import Testing

@testable import Ingest

/// The xlsx reader against python-calamine (Rust's calamine), cell by cell, on workbooks
/// from many producers: `Tests/Fixtures/reader-corpus` (openpyxl, XlsxWriter, LibreOffice,
/// inline strings as Numbers writes them, ISO date cells, a part name in another case,
/// Excel's `_xHHHH_` escapes; made by `scripts/make-reader-corpus.py`) and the institute's
/// six Excel workbooks in `data/`.
@Suite(.enabled(if: ExternalTool.available("python:python_calamine")))
struct ReaderCorpusTests {
    static let corpus = TestPaths.fixtures.appendingPathComponent("reader-corpus")
    static let script = TestPaths.repository.appendingPathComponent("scripts/dump-cells.py")

    static var workbooks: [URL] {
        let corpus = ((try? FileManager.default.contentsOfDirectory(atPath: corpus.path)) ?? [])
            .filter { $0.hasSuffix(".xlsx") && $0 != "encrypted.xlsx" }.sorted()
            .map { Self.corpus.appendingPathComponent($0) }
        let waves = ((try? FileManager.default.contentsOfDirectory(atPath: TestPaths.data.appendingPathComponent("waves").path)) ?? [])
            .filter { $0.hasSuffix(".xlsx") }.sorted()
            .map { TestPaths.data.appendingPathComponent("waves").appendingPathComponent($0) }
        return corpus + waves + [TestPaths.data.appendingPathComponent("Fragenkatalog_RUEMSA_Monitoring.xlsx")]
    }

    /// Where calamine is the weaker reader, with why; everything else must agree.
    static let calamineGivesText: Set<String> = [
        // ISO 8601 with a zone: calamine keeps "2019-12-31T23:59:59.000Z" as text.
        "inline-strings.xlsx › Antworten › B4"
    ]

    /// A cell as both readers' output is compared: kind and value as text.
    static func shown(_ value: CellValue) -> (kind: String, value: String)? {
        switch value {
        case .empty: return nil
        case .string(let s): return s.isEmpty ? nil : ("string", s)
        case .number(let n): return ("number", String(n))
        case .bool(let b): return ("bool", String(b))
        case .date(let d): return ("date", d.description)
        case .error(let e): return ("string", e)
        }
    }

    @Test(arguments: workbooks)
    func everyCellReadsAsCalamineReadsIt(_ url: URL) throws {
        let result = try ExternalTool.run("python3", [Self.script.path, url.path], timeout: 300)
        try #require(result.status == 0, "\(result.stderr)")
        let reference = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: [[Any]]])
        let book = try WorkbookReader.open(url)
        #expect(book.sheetNames.sorted() == reference.keys.sorted())
        var compared = 0
        for name in book.sheetNames {
            var ours: [String: (kind: String, value: String)] = [:]
            for row in try book.readSheet(named: name).rows {
                for cell in row.cells { ours[cell.reference.description] = Self.shown(cell.value) }
            }
            var theirs: [String: (kind: String, value: String)] = [:]
            for entry in reference[name] ?? [] {
                guard entry.count == 4, let r = entry[0] as? Int, let c = entry[1] as? Int, let kind = entry[2] as? String else { continue }
                let value: String
                switch entry[3] {
                case let n as Double where kind == "number": value = String(n)
                case let b as Bool: value = String(b)
                case let s as String: value = kind == "date" ? s.replacingOccurrences(of: "T00:00:00", with: "") : s
                default: value = "\(entry[3])"
                }
                theirs[CellReference(row: r, column: c).description] = (kind, value)
            }
            for reference in Set(ours.keys).union(theirs.keys).sorted() {
                let place = "\(url.lastPathComponent) › \(name) › \(reference)"
                if Self.calamineGivesText.contains(place) { continue }
                #expect(
                    ours[reference]?.kind == theirs[reference]?.kind && ours[reference]?.value == theirs[reference]?.value,
                    "\(place): ours \(String(describing: ours[reference])), calamine \(String(describing: theirs[reference]))")
                compared += 1
            }
        }
        #expect(compared > 0)
    }

    // MARK: The quirks, one by one

    static func cells(_ file: String) throws -> [String: CellValue] {
        let sheet = try WorkbookReader.open(corpus.appendingPathComponent(file)).readSheet(named: "Antworten")
        return Dictionary(sheet.rows.flatMap(\.cells).map { ($0.reference.description, $0.value) }, uniquingKeysWith: { a, _ in a })
    }

    @Test func excelsEscapesAreDecoded() throws {
        let xlsxwriter = try Self.cells("xlsxwriter.xlsx")
        #expect(xlsxwriter["E2"] == .string("Zeile eins\r\nZeile zwei"))
        #expect(xlsxwriter["E4"] == .string("Tab\tund _x000D_ wörtlich"), "_x005F_ escapes the underscore itself")
        #expect(try Self.cells("inline-strings.xlsx")["C3"] == .string("Wagen\r\nRücklauf"))
        #expect(OOXMLEscapes.decode("a_x00e4_b_x005F_x0041_c_xZZZZ_") == "aäb_x0041_c_xZZZZ_")
        #expect(OOXMLEscapes.decode("_xD83D__xDE00_") == "😀", "a surrogate pair across two escapes")
    }

    @Test func partNamesAreMatchedWithoutRegardToCase() throws {
        let sheet = try WorkbookReader.open(Self.corpus.appendingPathComponent("part-name-case.xlsx")).readSheet(named: "Antworten")
        #expect(sheet.value(CellReference("A2")!) == .string("Börde"))
        #expect(sheet.value(CellReference("B2")!) == .string("ABC\r\nDEF\tGHI"))
    }

    @Test func isoDateCellsWithATimeAreDates() throws {
        let cells = try Self.cells("inline-strings.xlsx")
        #expect(cells["B2"] == .date(SpreadsheetDate(year: 2021, month: 8, day: 15, secondsOfDay: 37_800)))
        #expect(cells["B4"] == .date(SpreadsheetDate(year: 2019, month: 12, day: 31, secondsOfDay: 86_399)))
        #expect(WorksheetParser.isoDate("2021-08-15 10:30") == SpreadsheetDate(year: 2021, month: 8, day: 15, secondsOfDay: 37_800))
        #expect(WorksheetParser.isoDate("2021-08-15t10:30:00+02:00") == SpreadsheetDate(year: 2021, month: 8, day: 15, secondsOfDay: 37_800))
        #expect(WorksheetParser.isoDate("10:30:15") == SpreadsheetDate(year: 1899, month: 12, day: 30, secondsOfDay: 37_815))
        #expect(WorksheetParser.isoDate("2021-13-01") == nil)
        #expect(WorksheetParser.isoDate("2021-08-15T25:00") == nil)
    }

    @Test func anEncryptedWorkbookIsNamedAsPasswordProtected() throws {
        let error = #expect(throws: IngestError.self) {
            _ = try WorkbookReader.open(Self.corpus.appendingPathComponent("encrypted.xlsx"))
        }
        #expect(error?.reason == .encrypted)
        #expect(error?.description.hasPrefix("encrypted.xlsx: the workbook is password-protected (encrypted)") == true)
    }

    @Test func anOldXLSIsNamedAsSuch() throws {
        // The encrypted file's OLE2 container with its stream names changed: what an .xls is to us.
        var bytes = try Data(contentsOf: Self.corpus.appendingPathComponent("encrypted.xlsx"))
        let name = Data("EncryptedPackage".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        let other = Data("WorkbookStreamXX".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        while let range = bytes.range(of: name) { bytes.replaceSubrange(range, with: other) }
        let url = try TemporaryFolder.make().appendingPathComponent("alt.xls")
        try bytes.write(to: url)
        let error = #expect(throws: IngestError.self) { _ = try WorkbookReader.open(url) }
        #expect(error?.reason == .legacyXLS)
    }
}
