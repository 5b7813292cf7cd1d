import Foundation
import Ingest

/// The fuzz target for the readers: any bytes must give cells or an `IngestError`, never a
/// crash, a hang or unbounded memory. The first byte picks what the rest is fed to:
/// an xlsx file, a CSV file, or the worksheet XML of an otherwise valid xlsx (so that
/// mutations reach the XML scanner and cell parser instead of failing the zip checks).
package enum FuzzIngest {
    /// Small limits keep each execution fast; the checks are the same as in production.
    static let limits = IngestLimits(
        maxEntryBytes: 4 * 1_048_576, maxCSVBytes: 4 * 1_048_576,
        maxCellCharacters: 32_767, maxXMLDepth: 64)

    /// Inputs are written to a file (on tmpfs where there is one) and opened the way
    /// `make report` opens files, so the fuzzer exercises the production path.
    static let scratchFolder: URL = {
        let base = FileManager.default.isWritableFile(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
        return URL(fileURLWithPath: base)
    }()

    /// A file of its own per input: the tests replay inputs in parallel, and rewriting a
    /// file another reader has memory-mapped ends that reader with SIGBUS (ASan caught it).
    static func scratch() -> URL {
        scratchFolder.appendingPathComponent("monitoring-fuzz-\(getpid())-\(UUID().uuidString)")
    }

    package static func run(_ input: [UInt8]) {
        guard let mode = input.first else { return }
        let body = Data(input.dropFirst())
        let file: Data
        let name: String
        switch mode % 3 {
        case 0: (file, name) = (body, "fuzz.xlsx")
        case 1: (file, name) = (body, "fuzz.csv")
        default:
            guard let zip = try? wrapAsWorksheet(body) else { return }
            (file, name) = (zip, "fuzz.xlsx")
        }
        let url = scratch().appendingPathExtension((name as NSString).pathExtension)
        guard (try? file.write(to: url)) != nil else { return }
        defer { try? FileManager.default.removeItem(at: url) }
        read { try WorkbookReader.open(url, limits: limits) }
    }

    /// Opens a workbook and reads every sheet, swallowing the expected errors.
    static func read(_ open: () throws -> any Workbook) {
        guard let book = try? open() else { return }
        for name in book.sheetNames { _ = try? book.readSheet(named: name) }
    }

    /// A minimal xlsx whose only worksheet part is `xml`.
    static func wrapAsWorksheet(_ xml: Data) throws -> Data {
        let parts: [(String, Data)] = [
            (
                "[Content_Types].xml",
                Data(#"<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>"#.utf8)
            ),
            ("xl/workbook.xml", Data(#"<workbook xmlns:r="r"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>"#.utf8)),
            (
                "xl/_rels/workbook.xml.rels",
                Data(
                    #"<Relationships><Relationship Id="rId1" Type="worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="x/sharedStrings" Target="sharedStrings.xml"/></Relationships>"#
                        .utf8)
            ),
            ("xl/sharedStrings.xml", Data(#"<sst><si><t>a</t></si><si><r><t>b</t></r></si></sst>"#.utf8)),
            ("xl/worksheets/sheet1.xml", xml),
        ]
        return try InMemoryZip.make(parts, compressed: false)
    }
}
