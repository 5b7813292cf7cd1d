import Foundation
import FuzzTargets
import TestSupport

/// Builds small xlsx files from literal XML, so that every quirk and every hostile input
/// a test needs is spelled out in the test itself.
package struct XLSXBuilder {
    package struct SheetSpec {
        package var name: String
        package var xml: String
        package init(name: String, xml: String) {
            self.name = name
            self.xml = xml
        }
    }

    package var sheets: [SheetSpec] = []
    package var sharedStrings: [String]?
    /// Raw `<si>` elements, for rich text and phonetic runs.
    package var sharedStringsXML: String?
    package var stylesXML: String?
    package var workbookPr = ""
    /// Extra or replacement parts by path.
    package var extraParts: [String: Data] = [:]
    package var omitParts: Set<String> = []

    package init() {}

    /// A worksheet part around the given `<sheetData>` content (and optional extras).
    package static func worksheet(_ sheetData: String, before: String = "", after: String = "") -> String {
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\(before)<sheetData>\(sheetData)</sheetData>\(after)</worksheet>
        """
    }

    package func data() throws -> Data {
        var parts: [(String, Data)] = []
        func add(_ path: String, _ text: String) { parts.append((path, Data(text.utf8))) }
        add(
            "[Content_Types].xml",
            """
            <?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>
            """)
        add(
            "_rels/.rels",
            """
            <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>
            """)
        var sheetsXML = ""
        var rels = ""
        for (i, sheet) in sheets.enumerated() {
            sheetsXML += "<sheet name=\"\(escape(sheet.name))\" sheetId=\"\(i + 1)\" r:id=\"rId\(i + 1)\"/>"
            rels +=
                "<Relationship Id=\"rId\(i + 1)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet\(i + 1).xml\"/>"
            add("xl/worksheets/sheet\(i + 1).xml", sheet.xml)
        }
        if let strings = sharedStrings ?? (sharedStringsXML == nil ? nil : []) {
            let items = sharedStringsXML ?? strings.map { "<si><t xml:space=\"preserve\">\(escape($0))</t></si>" }.joined()
            add(
                "xl/sharedStrings.xml",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">\(items)</sst>")
            rels +=
                "<Relationship Id=\"rIdS\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/>"
        }
        if let stylesXML {
            add("xl/styles.xml", stylesXML)
            rels +=
                "<Relationship Id=\"rIdY\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
        }
        add(
            "xl/workbook.xml",
            """
            <?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\(workbookPr)<sheets>\(sheetsXML)</sheets></workbook>
            """)
        add(
            "xl/_rels/workbook.xml.rels",
            """
            <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\(rels)</Relationships>
            """)
        for (path, data) in extraParts {
            parts.removeAll { $0.0 == path }
            parts.append((path, data))
        }
        parts.removeAll { omitParts.contains($0.0) }
        return try Self.zip(parts)
    }

    /// Writes the workbook to a temporary file and returns its URL.
    package func write(named name: String = "test.xlsx") throws -> URL {
        let url = try TemporaryFolder.make().appendingPathComponent(name)
        try data().write(to: url)
        return url
    }

    /// A zip archive of the given parts (deflated), in memory.
    package static func zip(_ parts: [(String, Data)]) throws -> Data {
        try InMemoryZip.make(parts)
    }

    private func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: "\"", with: "&quot;")
    }
}
