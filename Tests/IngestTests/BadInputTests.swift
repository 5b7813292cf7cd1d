import Foundation
import IngestFixtures
import TestSupport
import Testing

@testable import Ingest

/// Every broken or hostile file gives a clear error naming the file (and sheet and cell
/// where it applies), never a crash or a hang.
@Suite struct BadInputTests {
    func open(_ data: Data, name: String = "bad.xlsx", limits: IngestLimits = .default) throws -> any Workbook {
        let url = try TemporaryFolder.make().appendingPathComponent(name)
        try data.write(to: url)
        return try WorkbookReader.open(url, limits: limits)
    }

    func error(_ body: () throws -> Void) -> IngestError? {
        do {
            try body()
            return nil
        } catch let error as IngestError {
            return error
        } catch {
            Issue.record("unexpected error type: \(error)")
            return nil
        }
    }

    func sheetXML(_ rows: String) -> XLSXBuilder {
        var builder = XLSXBuilder()
        builder.sheets = [.init(name: "Daten", xml: XLSXBuilder.worksheet(rows))]
        return builder
    }

    @Test func emptyFile() throws {
        let e = error { _ = try open(Data()) }
        #expect(e?.description == "bad.xlsx: the file is empty; expected an xlsx workbook or a CSV file")
    }

    @Test func notAZip() throws {
        let e = error { _ = try open(Data("Name;Wert\nHarz;ja\n".utf8)) }
        #expect(e?.reason == .notAZip)
        #expect(e?.description.hasPrefix("bad.xlsx: not an xlsx workbook") == true)
    }

    @Test func truncatedZip() throws {
        let whole = try XLSXBuilder().data()
        let e = error { _ = try open(whole.prefix(whole.count / 2)) }
        #expect(
            e?.reason == .notAZip
                || {
                    if case .corruptZip = e?.reason { return true }
                    return false
                }())
    }

    @Test func damagedEntryFailsItsChecks() throws {
        let rows = (1...200).map { "<row r=\"\($0)\"><c r=\"A\($0)\"><v>\($0)</v></c></row>" }.joined()
        let damaged = ZipPatcher.corruptData(of: "xl/worksheets/sheet1.xml", in: try sheetXML(rows).data())
        let e = error { _ = try open(damaged).readSheet(named: "Daten") }
        guard case .corruptZip(let why)? = e?.reason else {
            Issue.record("expected a damaged-archive error, got \(String(describing: e))")
            return
        }
        #expect(why.contains("xl/worksheets/sheet1.xml"))
    }

    @Test func zipBombByActualSize() throws {
        // 8 MiB of zeros deflate to a few KiB; the limit here is 1 MiB.
        let bomb = String(repeating: "<row/>", count: 8 * 1_048_576 / 6)
        var builder = sheetXML(bomb)
        builder.sheets[0].xml = XLSXBuilder.worksheet(bomb)
        let data = try builder.data()
        #expect(data.count < 200_000)
        let limits = IngestLimits(maxEntryBytes: 1_048_576)
        let e = error { _ = try open(data, limits: limits).readSheet(named: "Daten") }
        #expect(e?.reason == .entryTooLarge(entry: "xl/worksheets/sheet1.xml", limit: 1_048_576))
        #expect(e?.description.contains("possible zip bomb") == true)
    }

    @Test func zipBombThatLiesAboutItsSize() throws {
        // A sheet part that unpacks to 8 MiB but declares 100 bytes: the reader must count
        // what actually comes out, not trust the header.
        var builder = XLSXBuilder()
        builder.sheets = [.init(name: "Daten", xml: XLSXBuilder.worksheet(String(repeating: "<row/>", count: 8 * 1_048_576 / 6)))]
        let zip = ZipPatcher.declare(size: 100, for: "xl/worksheets/sheet1.xml", in: try builder.data())
        let limits = IngestLimits(maxEntryBytes: 1_048_576)
        let e = error { _ = try open(zip, limits: limits).readSheet(named: "Daten") }
        #expect(e?.reason == .entryTooLarge(entry: "xl/worksheets/sheet1.xml", limit: 1_048_576))
    }

    @Test func entityExpansionIsRefused() throws {
        let laughs = """
            <?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">\
            <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>\
            <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol3;</t></is></c></row></sheetData></worksheet>
            """
        var builder = XLSXBuilder()
        builder.sheets = [.init(name: "Daten", xml: laughs)]
        let e = error { _ = try open(try builder.data()).readSheet(named: "Daten") }
        #expect(e?.file == "bad.xlsx")
        #expect(e?.sheet == "Daten")
        #expect(e?.description.contains("DOCTYPE") == true)
        #expect(e?.description.contains("refused") == true)
    }

    @Test func externalEntityIsRefused() throws {
        let xxe = """
            <?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>&xxe;</t></si></sst>
            """
        var builder = sheetXML("")
        builder.sharedStrings = []
        builder.extraParts["xl/sharedStrings.xml"] = Data(xxe.utf8)
        let e = error { _ = try open(try builder.data()) }
        #expect(e?.description.contains("xl/sharedStrings.xml: XML contains a DOCTYPE declaration") == true)
    }

    @Test func undefinedEntityIsAnError() throws {
        let e = error {
            _ = try open(try sheetXML(#"<row r="1"><c r="A1" t="inlineStr"><is><t>&nbsp;</t></is></c></row>"#).data()).readSheet(named: "Daten")
        }
        #expect(e?.description.contains("undefined XML entity '&nbsp;'") == true)
    }

    @Test func sharedStringIndexOutOfRange() throws {
        var builder = sheetXML(#"<row r="9"><c r="G9" t="s"><v>7</v></c></row>"#)
        builder.sharedStrings = ["only", "two"]
        let e = error { _ = try open(try builder.data()).readSheet(named: "Daten") }
        #expect(e?.description == "bad.xlsx › Daten › G9: shared string index 7 is out of range (the table has 2 strings)")
    }

    @Test func cellReferenceOutOfRange() throws {
        let e = error { _ = try open(try sheetXML(#"<row r="1"><c r="XFZ1"><v>1</v></c></row>"#).data()).readSheet(named: "Daten") }
        #expect(e?.description == "bad.xlsx › Daten: invalid cell reference 'XFZ1'; expected A1…XFD1048576")
        let rowError = error { _ = try open(try sheetXML(#"<row r="2000000"><c><v>1</v></c></row>"#).data()).readSheet(named: "Daten") }
        #expect(rowError?.reason == .badCellReference("row 2000000"))
    }

    @Test func overlongCellText() throws {
        let text = String(repeating: "a", count: 32_800)
        let e = error {
            _ = try open(try sheetXML("<row r=\"3\"><c r=\"B3\" t=\"inlineStr\"><is><t>\(text)</t></is></c></row>").data()).readSheet(named: "Daten")
        }
        #expect(e?.description == "bad.xlsx › Daten › B3: cell text has 32800 characters; a cell holds at most 32767")
        // 32 000 characters are within Excel's limit and are read.
        let fits = String(repeating: "b", count: 32_000)
        let sheet = try open(try sheetXML("<row r=\"3\"><c r=\"B3\" t=\"inlineStr\"><is><t>\(fits)</t></is></c></row>").data()).readSheet(
            named: "Daten")
        #expect(sheet.value(CellReference("B3")!).text.count == 32_000)
    }

    @Test func wrongSheetName() throws {
        let e = error { _ = try open(try sheetXML("").data()).readSheet(named: "Antworten") }
        #expect(e?.description == "bad.xlsx: no sheet named 'Antworten'; the workbook has 'Daten'")
    }

    @Test func missingWorkbookPart() throws {
        var builder = sheetXML("")
        builder.omitParts = ["xl/workbook.xml", "_rels/.rels"]
        let e = error { _ = try open(try builder.data()) }
        #expect(e?.description == "bad.xlsx: the workbook has no part 'xl/workbook.xml'; expected a complete xlsx file")
    }

    @Test func truncatedXMLPart() throws {
        let e = error { _ = try open(try sheetXML("<row r=\"1\"><c r=\"A1\"").data()).readSheet(named: "Daten") }
        #expect(e?.description.contains("malformed XML") == true || e?.description.contains("truncated") == true)
    }

    @Test func deepNestingIsBounded() throws {
        let deep = String(repeating: "<a>", count: 10_000)
        var builder = XLSXBuilder()
        builder.sheets = [.init(name: "Daten", xml: "<worksheet>\(deep)")]
        let e = error { _ = try open(try builder.data()).readSheet(named: "Daten") }
        #expect(e?.description.contains("nests deeper than 128") == true)
    }

    @Test func missingFileAndUnknownType() throws {
        let missing = error { _ = try WorkbookReader.open(URL(fileURLWithPath: "/nonexistent/w.xlsx")) }
        #expect(missing?.description == "w.xlsx: file not found")
        let e = error { _ = try open(Data("x".utf8), name: "notes.pdf") }
        #expect(e?.description == "notes.pdf: unsupported file type '.pdf'; expected .xlsx or .csv")
    }
}

/// A file the system will not read is named with the system's reason in plain words.
@Suite struct UnreadableFileTests {
    @Test func aFolderNamedLikeACSVSaysItIsAFolder() throws {
        let folder = try TemporaryFolder.make().appendingPathComponent("welle.csv")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let error = #expect(throws: IngestError.self) { _ = try CSVWorkbook(url: folder) }
        #expect(error?.description.hasPrefix("welle.csv: cannot read the file (") == true, "\(String(describing: error))")
        #expect(error?.description.contains("The operation could not be completed") == false)
    }

    @Test func systemErrorsReadAsPlainWords() {
        #expect(FileReadReason.describe(CocoaError(.fileReadNoSuchFile)) == "no such file")
        #expect(FileReadReason.describe(CocoaError(.fileReadNoPermission)) == "permission denied")
        #expect(FileReadReason.describe(NSError(domain: NSPOSIXErrorDomain, code: Int(EISDIR))) == "it is a folder, not a file")
    }
}
