import Foundation
import Ingest
import TestSupport
import Testing

@Suite struct CSVReaderTests {
    func sheet(_ text: String, bytes: [UInt8]? = nil) throws -> Sheet {
        let book = try CSVWorkbook(data: Data(bytes ?? Array(text.utf8)), fileName: "welle.csv")
        return try book.readSheet(named: "welle")
    }

    @Test func semicolonWithBOMQuotesAndLineBreaks() throws {
        let s = try sheet("\u{FEFF}Region;F1;Text\r\nHarz;ja;\"eins; zwei\r\ndrei \"\"zitiert\"\"\"\r\n;;\r\n15081;nein;\r\n")
        #expect(s.value(CellReference("A1")!) == .string("Region"))
        #expect(s.value(CellReference("C2")!) == .string("eins; zwei\ndrei \"zitiert\""))
        #expect(s.row(3) == nil, "an empty record keeps its row number but has no cells")
        #expect(s.value(CellReference("A4")!) == .string("15081"))
        #expect(s.value(CellReference("B4")!) == .string("nein"))
    }

    @Test func commaSeparatedWithoutBOM() throws {
        let s = try sheet("Region,F1,F2\nHarz,ja,\"a,b\"\n")
        #expect(s.value(CellReference("C2")!) == .string("a,b"))
        #expect(s.value(CellReference("B2")!) == .string("ja"))
    }

    @Test func lastRecordWithoutLineEnd() throws {
        let s = try sheet("a;b\nc;d")
        #expect(s.value(CellReference("B2")!) == .string("d"))
    }

    @Test func brokenQuoteIsAnError() throws {
        #expect(throws: IngestError(file: "welle.csv", sheet: "welle", .csvUnterminatedQuote(line: 2))) {
            _ = try sheet("a;b\nHarz;\"offen\nnoch offen\n")
        }
        #expect(throws: IngestError(file: "welle.csv", sheet: "welle", .csvStrayQuote(line: 1, column: 2))) {
            _ = try sheet("a;b\"c\"\n")
        }
        #expect(throws: IngestError(file: "welle.csv", sheet: "welle", .csvStrayQuote(line: 1, column: 1))) {
            _ = try sheet("\"a\"x;b\n")
        }
    }

    @Test func nonUTF8IsAnError() throws {
        // "Börde" in Latin-1.
        let latin1: [UInt8] = Array("Region;F1\n".utf8) + [0x42, 0xF6, 0x72, 0x64, 0x65] + Array(";ja\n".utf8)
        let error = #expect(throws: IngestError.self) { _ = try sheet("", bytes: latin1) }
        #expect(error?.description == "welle.csv › welle: line 2 is not valid UTF-8; expected a CSV file saved as UTF-8")
    }
}
