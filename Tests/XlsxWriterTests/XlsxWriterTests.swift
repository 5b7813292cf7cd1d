import Foundation
import Ingest
import Testing

@testable import XlsxWriter

/// The libxlsxwriter wrapper: what it writes reads back through our own reader, and a handle
/// used after its workbook is closed is an error, never a use-after-free.
@Suite struct XlsxWriterTests {
    /// A fresh path in a folder of its own, removed by the caller.
    private func scratchFile(_ name: String = "book.xlsx") throws -> URL {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("xlsxwriter-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder.appendingPathComponent(name)
    }

    @Test func whatIsWrittenReadsBackThroughIngest() throws {
        let url = try scratchFile()
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        let book = try XlsxWorkbook(path: url.path)
        let sheet = try book.addWorksheet(named: "Daten")
        let bold = try book.addFormat().bold().numberFormat("0.0")
        try sheet.write("=1+1", row: 0, column: 0)
        try sheet.write(0.5, row: 0, column: 1, format: bold)
        try sheet.write(true, row: 1, column: 0)
        try sheet.write("Größe & <Maß>", row: 1, column: 1)
        try book.close()

        // CellReference is 1-based ("A1"), the writer 0-based.
        let read = try WorkbookReader.open(url).readSheet(named: "Daten")
        #expect(read.value(CellReference(row: 1, column: 1)) == .string("=1+1"), "text that looks like a formula stays text")
        #expect(read.cell(CellReference(row: 1, column: 1))?.formula == nil)
        #expect(read.value(CellReference(row: 1, column: 2)) == .number(0.5))
        #expect(read.value(CellReference(row: 2, column: 1)) == .bool(true))
        #expect(read.value(CellReference(row: 2, column: 2)) == .string("Größe & <Maß>"))
    }

    @Test func aWorksheetUsedAfterItsWorkbookIsClosedThrows() throws {
        let url = try scratchFile()
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        let book = try XlsxWorkbook(path: url.path)
        let sheet = try book.addWorksheet(named: "Daten")
        let format = try book.addFormat()
        let chart = try book.addChart(.stackedBar)
        try book.close()

        let error = #expect(throws: XlsxError.self) { try sheet.write("spät", row: 2, column: 1) }
        #expect(error?.description.contains("Daten!R3C2") == true, "\(String(describing: error))")
        #expect(error?.description.contains("already closed") == true)
        #expect(throws: XlsxError.self) { try sheet.write(1.0, row: 0, column: 0) }
        #expect(throws: XlsxError.self) { try sheet.freezePanes(row: 1) }
        #expect(throws: XlsxError.self) { try sheet.setPage(.init()) }
        #expect(throws: XlsxError.self) { try format.bold() }
        #expect(throws: XlsxError.self) { try chart.title("spät") }
        #expect(throws: XlsxError.self) { _ = try book.addWorksheet(named: "Noch") }
        #expect(throws: XlsxError.self) { _ = try book.addFormat() }
        // The file written by close() is intact.
        #expect(try WorkbookReader.open(url).sheetNames == ["Daten"])
    }

    @Test func aSecondCloseThrows() throws {
        let url = try scratchFile()
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        let book = try XlsxWorkbook(path: url.path)
        _ = try book.addWorksheet(named: "A")
        try book.close()
        #expect(book.isClosed)
        let error = #expect(throws: XlsxError.self) { try book.close() }
        #expect(error?.description.contains("already closed") == true)
    }

    @Test func aWorksheetKeepsItsWorkbookAlive() throws {
        let url = try scratchFile()
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        var book: XlsxWorkbook? = try XlsxWorkbook(path: url.path)
        let sheet = try #require(try book?.addWorksheet(named: "A"))
        weak let released = book
        book = nil
        #expect(released == nil, "the wrapper is gone …")
        try sheet.write("noch da", row: 0, column: 0)  // … but the C workbook is not: no crash
    }

    @Test func aFormatOrChartOfAnotherWorkbookIsRefused() throws {
        let url = try scratchFile()
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        let first = try XlsxWorkbook(path: url.path)
        let second = try XlsxWorkbook(path: url.deletingLastPathComponent().appendingPathComponent("other.xlsx").path)
        let sheet = try first.addWorksheet(named: "A")
        let foreign = try second.addFormat().bold()
        let error = #expect(throws: XlsxError.self) { try sheet.write("x", row: 0, column: 0, format: foreign) }
        #expect(error?.description.contains("another workbook") == true)
        let chart = try second.addChart(.clusteredBar)
        #expect(throws: XlsxError.self) { try sheet.insert(chart, row: 0, column: 0, description: "") }
    }

    @Test func libxlsxwritersOwnMessageReachesTheUser() throws {
        let book = try XlsxWorkbook(path: "/nonexistent-folder-\(UUID().uuidString)/book.xlsx")
        _ = try book.addWorksheet(named: "A")
        let error = #expect(throws: XlsxError.self) { try book.close() }
        #expect(error?.description.contains("write workbook '/nonexistent-folder-") == true)
        #expect(error?.message.isEmpty == false)
        #expect(error?.description.contains("The operation could not be completed") == false)
    }

    @Test func anInvalidSheetNameIsAnErrorNamingIt() throws {
        let url = try scratchFile()
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        let book = try XlsxWorkbook(path: url.path)
        let error = #expect(throws: XlsxError.self) { _ = try book.addWorksheet(named: "a/b") }
        #expect(error?.description.contains("sheet name 'a/b'") == true)
    }
}
