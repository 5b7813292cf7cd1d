import Foundation
import Ingest

/// A published file as the records a reader sees together: lines of text and CSV, rows of
/// HTML and Word tables, paragraphs, rows of a sheet, a whole SVG figure, lines of a PDF
/// page. A unit's name and an answer in one record are a disclosure; in different records
/// they are not.
enum PublishedRecords {
    /// The records of the file at `url`; nil for a format the check cannot read (a PDF
    /// without `pdftotext`).
    static func records(of url: URL) throws -> [String]? {
        switch url.pathExtension.lowercased() {
        case "xlsx": return try workbook(url)
        case "docx": return try wordDocument(url)
        case "pdf": return try pdf(url)
        case "svg": return [markupText(try String(contentsOf: url, encoding: .utf8), splitting: false).joined(separator: " ")]
        case "html", "htm", "xml": return markupText(try String(contentsOf: url, encoding: .utf8), splitting: true)
        default:
            guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
            return text.split(whereSeparator: \.isNewline).map(String.init)
        }
    }

    /// Every row of every sheet (its cells side by side), and every chart's text.
    static func workbook(_ url: URL) throws -> [String] {
        let book = try XLSXWorkbook(url: url)
        var records: [String] = []
        for name in book.sheetNames {
            let sheet = try book.readSheet(named: name)
            records += sheet.rows.map { row in row.cells.map(\.value.text).joined(separator: " | ") }
        }
        let archive = try ZipArchive(url: url)
        for path in archive.entries.keys.sorted() where path.hasPrefix("xl/charts/") && path.hasSuffix(".xml") {
            records += markupText(try text(of: path, in: archive), splitting: false)
        }
        return records
    }

    /// The document, its footnotes and endnotes, paragraph by paragraph and row by row.
    static func wordDocument(_ url: URL) throws -> [String] {
        let archive = try ZipArchive(url: url)
        return try ["word/document.xml", "word/footnotes.xml", "word/endnotes.xml"].filter { archive.entries[$0] != nil }
            .flatMap { markupText(try text(of: $0, in: archive), splitting: true) }
    }

    /// The PDF's text, line by line as laid out (a table row is a line).
    static func pdf(_ url: URL) throws -> [String]? {
        guard let tool = ["/usr/bin/pdftotext", "/usr/local/bin/pdftotext", "/opt/homebrew/bin/pdftotext"]
            .first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else { return nil }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = ["-layout", "-enc", "UTF-8", url.path, "-"]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline).map(String.init)
    }

    static func text(of path: String, in archive: ZipArchive) throws -> String {
        guard let entry = archive.entries[path] else { return "" }
        var data = Data()
        try archive.read(entry) { data.append($0) }
        return String(decoding: data, as: UTF8.self)
    }

    /// The text of HTML or XML, split into records at the end of block elements (paragraphs,
    /// headings, list items, captions; in HTML and Word tables at the end of a row, so that
    /// a row's cells stay one record). `splitting: false` gives one record.
    static func markupText(_ markup: String, splitting: Bool) -> [String] {
        let blocks: Set<String> = ["p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd", "caption", "figcaption", "title",
                                   "div", "section", "aside", "blockquote", "w:p", "a:p", "text", "desc"]
        let rows: Set<String> = ["tr", "w:tr"]
        var records: [String] = []
        var current = ""
        var rowDepth = 0
        var index = markup.startIndex
        var skipping: String?  // inside <script> or <style>
        func flush() {
            let text = current.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            if !text.isEmpty { records.append(text) }
            current = ""
        }
        while index < markup.endIndex {
            if markup[index] == "<", let close = markup[index...].firstIndex(of: ">") {
                let tag = markup[markup.index(after: index)..<close]
                let closing = tag.hasPrefix("/")
                let name = String(tag.drop(while: { $0 == "/" }).prefix(while: { !$0.isWhitespace && $0 != "/" && $0 != ">" })).lowercased()
                if let skip = skipping {
                    if closing && name == skip { skipping = nil }
                } else if !closing && (name == "script" || name == "style") && !tag.hasSuffix("/") {
                    skipping = name
                } else if rows.contains(name) {
                    if closing { rowDepth = max(0, rowDepth - 1); if rowDepth == 0 { flush() } } else if !tag.hasSuffix("/") { rowDepth += 1 }
                } else if name == "br" || (blocks.contains(name) && closing) {
                    if rowDepth == 0 && splitting { flush() } else { current += " " }
                } else {
                    // Inline tags separate words only where the markup had a space.
                    if name == "td" || name == "th" || name == "w:tc" { current += " " }
                }
                // What a screen reader reads from attributes is published text too.
                if !closing { for value in spokenAttributes(tag) { current += " " + value + " " } }
                index = markup.index(after: close)
                continue
            }
            if skipping == nil { current.append(markup[index]) }
            index = markup.index(after: index)
        }
        flush()
        return records.map(decodeEntities)
    }

    /// The values of `alt`, `title`, `aria-label` and Word's `descr` in a tag.
    static func spokenAttributes(_ tag: Substring) -> [String] {
        var values: [String] = []
        for attribute in [" alt=\"", " title=\"", " aria-label=\"", " descr=\""] {
            var rest = tag[...]
            while let start = rest.range(of: attribute) {
                let valueStart = start.upperBound
                guard let end = rest[valueStart...].firstIndex(of: "\"") else { break }
                values.append(String(rest[valueStart..<end]))
                rest = rest[end...]
            }
        }
        return values
    }

    static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var result = ""
        var index = text.startIndex
        while index < text.endIndex {
            if text[index] == "&", let end = text[index...].prefix(12).firstIndex(of: ";") {
                let entity = text[text.index(after: index)..<end]
                var decoded: String?
                switch entity {
                case "amp": decoded = "&"
                case "lt": decoded = "<"
                case "gt": decoded = ">"
                case "quot": decoded = "\""
                case "apos": decoded = "'"
                case "nbsp": decoded = " "
                default:
                    if entity.hasPrefix("#x") || entity.hasPrefix("#X"), let value = UInt32(entity.dropFirst(2), radix: 16) {
                        decoded = UnicodeScalar(value).map { String(Character($0)) }
                    } else if entity.hasPrefix("#"), let value = UInt32(entity.dropFirst()) {
                        decoded = UnicodeScalar(value).map { String(Character($0)) }
                    }
                }
                if let decoded {
                    result += decoded
                    index = text.index(after: end)
                    continue
                }
            }
            result.append(text[index])
            index = text.index(after: index)
        }
        return result
    }
}
