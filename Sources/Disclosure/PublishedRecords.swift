import Foundation
import Ingest
import SystemInterface

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
            return lines(text)
        }
    }

    /// The file's text as stored (for a zip package, every XML part), for a first pass that
    /// only asks whether any unit's word occurs at all; nil for a PDF (its text needs a tool).
    static func rawTexts(of url: URL) throws -> [String]? {
        switch url.pathExtension.lowercased() {
        case "pdf": return nil
        case "xlsx", "docx":
            let archive = try ZipArchive(url: url)
            return try archive.entries.keys.sorted().filter { $0.hasSuffix(".xml") }.map { try text(of: $0, in: archive) }
        default:
            return [String(decoding: try Data(contentsOf: url), as: UTF8.self)]
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

    /// The PDF's text, line by line as laid out (a table row is a line); nil without
    /// `pdftotext` in `PATH`, or when it cannot read the file.
    static func pdf(_ url: URL) throws -> [String]? {
        guard Subprocess.which("pdftotext") != nil else { return nil }
        let outcome = try Subprocess("pdftotext", ["-layout", "-enc", "UTF-8", url.path, "-"]).wait()
        guard outcome.status == 0 else { return nil }
        return lines(outcome.stdout)
    }

    static func text(of path: String, in archive: ZipArchive) throws -> String {
        guard let entry = archive.entries[path] else { return "" }
        var data = Data()
        try archive.read(entry) { data.append($0) }
        return String(decoding: data, as: UTF8.self)
    }

    /// The text of HTML or XML, split into records at the end of block elements (paragraphs,
    /// headings, list items, captions; in HTML and Word tables at the end of a row, so that
    /// a row's cells stay one record). `splitting: false` gives one record. Read as UTF-8
    /// bytes: markup is ASCII where it matters.
    static func markupText(_ markup: String, splitting: Bool) -> [String] {
        let blocks: Set<String> = [
            "p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd", "caption", "figcaption", "title",
            "div", "section", "aside", "blockquote", "w:p", "a:p", "text", "desc",
        ]
        let rows: Set<String> = ["tr", "w:tr"]
        var records: [String] = []
        var current: [UInt8] = []
        var rowDepth = 0
        var skipping: String?  // inside <script> or <style>
        func flush() {
            let text = String(decoding: current, as: UTF8.self).split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" })
                .joined(separator: " ")
            if !text.isEmpty { records.append(text) }
            current.removeAll(keepingCapacity: true)
        }
        var markup = markup
        markup.withUTF8 { bytes in
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                guard byte == 0x3C else {  // "<"
                    if skipping == nil { current.append(byte) }
                    index += 1
                    continue
                }
                var close = index + 1
                while close < bytes.count, bytes[close] != 0x3E { close += 1 }  // ">"
                guard close < bytes.count else {
                    current.append(byte)
                    index += 1
                    continue
                }
                let tag = Array(bytes[(index + 1)..<close])
                index = close + 1
                let closing = tag.first == 0x2F
                let nameBytes = tag.drop(while: { $0 == 0x2F }).prefix(while: { $0 != 0x20 && $0 != 0x2F && $0 != 0x0A && $0 != 0x09 })
                let name = String(decoding: nameBytes, as: UTF8.self).lowercased()
                let selfClosing = tag.last == 0x2F
                if let skip = skipping {
                    if closing && name == skip { skipping = nil }
                    continue
                }
                if !closing && (name == "script" || name == "style") && !selfClosing {
                    skipping = name
                } else if rows.contains(name) {
                    if closing {
                        rowDepth = max(0, rowDepth - 1)
                        if rowDepth == 0 { flush() }
                    } else if !selfClosing {
                        rowDepth += 1
                    }
                } else if name == "br" || (blocks.contains(name) && closing) {
                    if rowDepth == 0 && splitting { flush() } else { current.append(0x20) }
                } else if name == "td" || name == "th" || name == "w:tc" {
                    current.append(0x20)
                }
                // What a screen reader reads from attributes is published text too.
                if !closing {
                    for value in spokenAttributes(tag) {
                        current.append(0x20)
                        current += value
                        current.append(0x20)
                    }
                }
            }
        }
        flush()
        return records.map(decodeEntities)
    }

    /// The values of `alt`, `title`, `aria-label` and Word's `descr` in a tag's bytes.
    static func spokenAttributes(_ tag: [UInt8]) -> [[UInt8]] {
        guard tag.count > 6 else { return [] }
        var values: [[UInt8]] = []
        for attribute in [" alt=\"", " title=\"", " aria-label=\"", " descr=\""].map({ Array($0.utf8) }) {
            var index = 0
            while index + attribute.count <= tag.count {
                if tag[index] == 0x20, tag[index..<(index + attribute.count)].elementsEqual(attribute) {
                    var end = index + attribute.count
                    while end < tag.count, tag[end] != 0x22 { end += 1 }
                    values.append(Array(tag[(index + attribute.count)..<end]))
                    index = end
                } else {
                    index += 1
                }
            }
        }
        return values
    }

    /// Lines of a text file, split on its bytes (not on grapheme clusters).
    static func lines(_ text: String) -> [String] {
        var text = text
        return text.withUTF8 { bytes in
            bytes.split(separator: 0x0A, omittingEmptySubsequences: true).map { line in
                String(decoding: line.last == 0x0D ? line.dropLast() : line[...], as: UTF8.self)
            }
        }
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
