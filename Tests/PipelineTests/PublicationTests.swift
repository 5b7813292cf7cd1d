import Aggregate
import Foundation
import Pipeline
import ReportSpec
import TestSupport
import Testing

/// The three publication formats of the shipped report, checked as their readers and the
/// accessibility checkers see them. One run writes all formats; the tests read its files.
@Suite(.serialized, .enabled(if: ExternalTool.available("pandoc", "python:weasyprint")))
struct PublicationTests {
    struct Run {
        let folder: URL
        let summary: ReportPipeline.Summary
        var html: String { (try? String(contentsOf: folder.appendingPathComponent("Bericht.html"), encoding: .utf8)) ?? "" }
        var pdf: URL { folder.appendingPathComponent("Bericht.pdf") }
        var docx: URL { folder.appendingPathComponent("Bericht.docx") }
    }

    static func publish(to out: URL) async throws -> Run {
        let summary = try await ReportPipeline(
            options: .init(
                specFile: TestPaths.finalReportSpec, dataFolder: TestPaths.data,
                outputFolder: out, formats: OutputFormat.allCases)
        ).run()
        return Run(folder: out, summary: summary)
    }

    /// One run for the suite, awaited by every test that reads it.
    static let shipped = Task { try await publish(to: TemporaryFolder.make().appendingPathComponent("out")) }

    // MARK: HTML

    @Test func allFourFormatsAreWrittenAndNothingIsSkipped() async throws {
        let run = try await Self.shipped.value
        #expect(run.summary.skipped.isEmpty, "\(run.summary.skipped)")
        for name in ["Bericht.md", "Bericht.html", "Bericht.pdf", "Bericht.docx"] {
            #expect(run.summary.files.contains(name), "\(name)")
            #expect(FileManager.default.fileExists(atPath: run.folder.appendingPathComponent(name).path), "\(name)")
        }
    }

    @Test func theHTMLReferencesNothingOutsideItself() async throws {
        let html = try await Self.shipped.value.html
        for match in html.matches(of: /(?:src|href|data|poster|action)\s*=\s*"([^"]*)"/) {
            let target = String(match.1)
            #expect(target.hasPrefix("#") || target.hasPrefix("data:"), "external reference \(target.prefix(80))")
        }
        #expect(!html.contains("<link"))
        #expect(!html.contains("<script"))
        #expect(!html.contains("@import"))
        for match in html.matches(of: /url\(\s*['"]?([^)'"]*)/) {
            #expect(String(match.1).hasPrefix("data:") || String(match.1).hasPrefix("#"), "css url \(match.1)")
        }
    }

    @Test func theHTMLHasLanguageLandmarksAndNumberedHeadings() async throws {
        let html = try await Self.shipped.value.html
        #expect(html.contains("<html lang=\"de\""))
        for landmark in ["<header", "<nav", "<main", "<footer"] { #expect(html.contains(landmark), "\(landmark)") }
        #expect(html.contains("<span class=\"header-section-number\">1</span> Einführung"))
        #expect(html.contains("<span class=\"header-section-number\">3.1</span>"))
        #expect(html.contains("<span class=\"header-section-number\">3.1.1</span>"))
        #expect(!html.contains("header-section-number\">0"), "a heading numbered 0.x")
        #expect(!html.contains("toc-section-number\">0"))
        #expect(html.contains("<nav class=\"inhalt\""))
    }

    @Test func everyFigureAndTableIsThereWithAStableID() async throws {
        let html = try await Self.shipped.value.html
        for n in 1...22 {
            let id = String(format: "abb-%02d", n)
            #expect(html.components(separatedBy: "<figure id=\"\(id)\">").count == 2, "\(id)")
            #expect(html.contains("<details class=\"zahlen\" id=\"\(id)-zahlen\">"), "\(id) numbers")
        }
        for n in 1...4 { #expect(html.contains(String(format: "<table id=\"tab-%02d\">", n))) }
        #expect(html.matches(of: /<img src="data:image\/svg\+xml;base64,/).count == 22)
        #expect(html.matches(of: /<img [^>]*alt="Gestapeltes|<img [^>]*alt="Gruppiertes/).count == 22)
    }

    /// Every number in the figures' data tables, read back from the HTML, equals `series.csv`.
    @Test func theFiguresDataTablesEqualSeriesCSV() async throws {
        let run = try await Self.shipped.value
        let html = run.html
        let csv = try String(contentsOf: run.folder.appendingPathComponent("series.csv"), encoding: .utf8)
        var expected: [String: (count: String, base: String)] = [:]  // "abb01|2021|ja"
        for line in csv.split(whereSeparator: \.isNewline).dropFirst() {
            let fields = Self.csvFields(String(line))
            guard fields.count >= 8, fields[7] == "true" else { continue }
            expected["\(fields[0])|\(fields[2])|\(fields[3])"] = (fields[4], fields[5])  // figure number|year|category
        }
        var compared = 0
        for n in 1...22 {
            let id = String(format: "abb-%02d", n)
            let start = try #require(html.range(of: "<details class=\"zahlen\" id=\"\(id)-zahlen\">"))
            let end = try #require(html.range(of: "</details>", range: start.upperBound..<html.endIndex))
            let block = String(html[start.upperBound..<end.lowerBound])
            let headers = block.matches(of: /<th scope="col">([^<]*)<\/th>/).map { Self.unescape(String($0.1)) }
            #expect(headers.prefix(2) == ["Jahr", "Basis (n)"])
            for row in block.matches(of: /<tr><th scope="row">(\d{4})<\/th>(.*?)<\/tr>/) {
                let year = String(row.1)
                let cells = String(row.2).matches(of: /<td>([^<]*)<\/td>/).map { String($0.1) }
                #expect(cells.count == headers.count - 1)
                for (category, cell) in zip(headers.dropFirst(2), cells.dropFirst()) {
                    guard let value = expected["\(n)|\(year)|\(category)"] else {
                        #expect(cell == "nicht erhoben", "\(id) \(year) \(category): \(cell)")
                        continue
                    }
                    #expect(cells.first == value.base, "\(id) \(year) base")
                    #expect(cell.hasPrefix(value.count + " ("), "\(id) \(year) \(category): \(cell) vs \(value.count)")
                    compared += 1
                }
            }
        }
        #expect(compared == expected.count, "every asked series value appears in a data table")
        #expect(compared > 350)
    }

    /// What a reader of the web page sees contains no entity or Markdown escape.
    @Test func theHTMLShowsNoEntityOrEscapedMarkup() async throws {
        let html = try await Self.shipped.value.html
        let body = try #require(html.range(of: "<main").map { String(html[$0.lowerBound...]) })
        let visible = Self.unescape(body.replacing(/<[^>]*>/, with: ""))
        #expect(!visible.contains("&amp;"), "an entity shows through")
        #expect(!visible.contains("&lt;") && !visible.contains("&gt;"))
        #expect(visible.matches(of: /\\[\\`*_\[\]|<>#&]/).isEmpty, "a backslash escape shows through")
        #expect(visible.contains("Klare Rollenverteilung und Transparenz"), "the coding table's category")
        #expect(html.contains("class=\"einschaetzung\""))
        #expect(html.contains("class=\"footnotes"), "the revisions are footnotes")
    }

    /// Every revision note is a footnote in all three formats, wherever it stands (after a
    /// sentence, two at one place, in a cell of Tabelle 4), and none shows as raw text.
    @Test(.enabled(if: ExternalTool.available("pdftotext", "unzip")))
    func revisionNotesAreFootnotesInEveryFormat() async throws {
        let run = try await Self.shipped.value
        let markdown = try String(contentsOf: run.folder.appendingPathComponent("Bericht.md"), encoding: .utf8)
        let notes = markdown.components(separatedBy: "^[Revision:").count + markdown.components(separatedBy: "^[Abweichung:").count - 2
        #expect(notes == 9, "nine places, eleven differences")
        #expect(markdown.contains("PP)^[Revision:"), "a note in a table cell")
        // HTML: each note a footnote, no note syntax or bracketed note in the visible text.
        let html = run.html
        #expect(html.components(separatedBy: "class=\"footnote-ref\"").count - 1 == notes)
        let body = Self.unescape(html.replacing(/<[^>]*>/, with: ""))
        #expect(!body.contains("^[") && !body.contains("[Revision") && !body.contains("[Abweichung"))
        // PDF: the notes' text is there, the note syntax is not.
        let pdf = try ExternalTool.run("pdftotext", ["-layout", run.pdf.path, "-"])
        let pdfText = pdf.stdout.replacing(/\s+/, with: " ")
        #expect(pdfText.components(separatedBy: ": Im veröffentlichten Abschlussbericht").count - 1 == 11)
        #expect(!pdfText.contains("^[") && !pdfText.contains("[Revision") && !pdfText.contains("[Abweichung"))
        // DOCX: real footnotes (word/footnotes.xml), none in the body as text.
        let document = try ExternalTool.run("unzip", ["-p", run.docx.path, "word/document.xml"]).stdout
        let footnotes = try ExternalTool.run("unzip", ["-p", run.docx.path, "word/footnotes.xml"]).stdout
        #expect(!document.contains("Revision:") && !document.contains("Abweichung:") && !document.contains("^["))
        #expect(footnotes.components(separatedBy: ": Im veröffentlichten Abschlussbericht").count - 1 == 11)
    }

    @Test(.enabled(if: ExternalTool.available("chromium", "chromedriver", "python:axe_selenium_python")))
    func axeCoreFindsNoViolations() async throws {
        let run = try await Self.shipped.value
        let script = TestPaths.repository.appendingPathComponent("scripts/check-html-a11y.py").path
        let result = try ExternalTool.run("python3", [script, run.folder.appendingPathComponent("Bericht.html").path], timeout: 300)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("axe: 0 violations"))
    }

    // MARK: PDF

    @Test(.enabled(if: ExternalTool.available("pdfua")))
    func pdfUAFindsNoErrorAndNoWarningExceptTheHeuristicTableNote() async throws {
        let run = try await Self.shipped.value
        let result = try ExternalTool.run("pdfua", ["check", "--format", "json", run.pdf.path], timeout: 300)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let summary = try #require(json["summary"] as? [String: Any], "\(result.stdout.prefix(300))")
        #expect(summary["errors"] as? Int == 0)
        #expect((summary["rules_run"] as? Int ?? 0) >= 10)
        for finding in json["findings"] as? [[String: Any]] ?? [] {
            let severity = (finding["severity"] as? String ?? "").lowercased()
            let rule = finding["rule_id"] as? String ?? "?"
            guard severity == "error" || severity == "warning" else { continue }
            // UA-15-003 is a heuristic that looks only for /Scope on header cells; WeasyPrint
            // associates every data cell with its headers through /Headers and /IDs instead,
            // which PDF/UA-1 (7.5) accepts. `everyPDFTableCellNamesItsHeaders` checks that.
            #expect(rule == "UA-15-003", "pdfua \(severity) \(rule): \(finding["message"] ?? "")")
        }
    }

    @Test(.enabled(if: ExternalTool.available("python:pikepdf")))
    func everyPDFTableCellNamesItsHeadersAndTheFileClaimsPDFUA() async throws {
        let run = try await Self.shipped.value
        let script = """
            import sys, pikepdf
            pdf = pikepdf.open(sys.argv[1])
            cells = missing = figures = without_alt = 0
            def walk(node):
                global cells, missing, figures, without_alt
                if isinstance(node, pikepdf.Dictionary):
                    if node.get('/S') == '/TD':
                        cells += 1
                        a = node.get('/A')
                        if a is None or '/Headers' not in a or len(a['/Headers']) == 0: missing += 1
                    if node.get('/S') == '/Figure':
                        figures += 1
                        if not str(node.get('/Alt', '')).strip(): without_alt += 1
                    kids = node.get('/K')
                    if kids is not None: walk(kids)
                elif isinstance(node, pikepdf.Array):
                    for kid in node: walk(kid)
            walk(pdf.Root.StructTreeRoot)
            xmp = pdf.Root.Metadata.read_bytes().decode('utf-8')
            print(cells, missing, figures, without_alt, 'pdfuaid:part' in xmp and '1' in xmp.split('pdfuaid:part')[1][:8])
            """
        let result = try ExternalTool.run("python3", ["-c", script, run.pdf.path], timeout: 300)
        let fields = result.stdout.split(separator: " ").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        #expect(fields.count == 5, "\(result.stdout) \(result.stderr)")
        guard fields.count == 5 else { return }
        #expect((Int(fields[0]) ?? 0) > 50, "table cells")
        #expect(fields[1] == "0", "data cells without /Headers")
        #expect(fields[2] == "22", "figures in the structure tree")
        #expect(fields[3] == "0", "figures without /Alt")
        #expect(fields[4] == "True", "PDF/UA-1 identification in XMP")
    }

    @Test(.enabled(if: ExternalTool.available("pdffonts")))
    func everyFontIsEmbedded() async throws {
        let run = try await Self.shipped.value
        let result = try ExternalTool.run("pdffonts", [run.pdf.path])
        let rows = result.stdout.split(separator: "\n").dropFirst(2)
        #expect(!rows.isEmpty)
        for row in rows {
            let columns = row.split(separator: " ", omittingEmptySubsequences: true)
            // name type… encoding emb sub uni object ID: "emb" is the fifth column from the end.
            #expect(columns.count >= 7 && columns[columns.count - 5] == "yes", "not embedded: \(row)")
        }
    }

    static func pageText(_ pdf: URL, _ page: Int, layout: Bool = false) throws -> String {
        try ExternalTool.run("pdftotext", (layout ? ["-layout"] : []) + ["-f", "\(page)", "-l", "\(page)", pdf.path, "-"]).stdout
    }

    @Test(.enabled(if: ExternalTool.available("pdftotext", "pdfinfo")))
    func everyPageAfterTheTitleCarriesItsNumberAndTheContentsPointToTheRightPages() async throws {
        let run = try await Self.shipped.value
        let info = try ExternalTool.run("pdfinfo", [run.pdf.path]).stdout
        let pages = try #require(info.firstMatch(of: /Pages:\s+(\d+)/).flatMap { Int($0.1) })
        #expect(pages > 15)
        #expect(info.contains("Page size:       595.") && info.contains("841.89"), "A4")
        #expect(!(try Self.pageText(run.pdf, 1)).contains("Seite 1"), "the title page has no number")
        for page in 2...pages {
            #expect(try Self.pageText(run.pdf, page).contains("Seite \(page)"), "page \(page) has no number")
        }
        // The contents: "3.1 Themenbereich I: … ...... 7"; the heading must be on that page.
        let contents = try Self.pageText(run.pdf, 2, layout: true)
        var entries = 0
        for line in contents.split(separator: "\n") {
            guard let match = String(line).firstMatch(of: /^\s*(?:[\d.]+\s+)?(.+?)\s*\.{3,}\s*(\d+)\s*$/) else { continue }
            let title = String(match.1).trimmingCharacters(in: .whitespaces)
            let page = try #require(Int(match.2))
            let text = try Self.pageText(run.pdf, page).replacingOccurrences(of: "\n", with: " ")
            #expect(text.contains(title), "contents: '\(title)' is not on page \(page)")
            entries += 1
        }
        let html = run.html
        let nav = try #require(
            html.range(of: "<nav class=\"inhalt\"").flatMap { start in
                html.range(of: "</nav>", range: start.upperBound..<html.endIndex).map { html[start.lowerBound..<$0.upperBound] }
            })
        #expect(entries == nav.components(separatedBy: "<li><a href=").count - 1, "every contents entry has its page number")
        #expect(entries >= 10)
    }

    // MARK: DOCX

    static func docxPart(_ docx: URL, _ part: String) throws -> String {
        try ExternalTool.run("unzip", ["-p", docx.path, part]).stdout
    }

    @Test(.enabled(if: ExternalTool.available("unzip")))
    func theDOCXUsesWordsHeadingStylesFiguresAndTables() async throws {
        let run = try await Self.shipped.value
        let document = try Self.docxPart(run.docx, "word/document.xml")
        for level in 1...3 { #expect(document.contains("<w:pStyle w:val=\"Heading\(level)\" />"), "Heading \(level)") }
        #expect(document.matches(of: /<pic:pic[ >]/).count == 22, "22 images")
        #expect(document.components(separatedBy: "<w:tbl>").count - 1 == 4, "4 tables")
        #expect(document.contains("TOC \\o"), "Word's own contents field")
        #expect(document.components(separatedBy: "<w:pStyle w:val=\"Einschaetzung\"").count - 1 >= 5, "assessments in their own style")
        #expect(document.contains("<w:footnoteReference"), "revisions as Word footnotes")
        // Headings carry their numbers 1, 1.1, 1.1.1 and never 0.
        var numbered = 0
        for heading in document.matches(of: /<w:pStyle w:val="Heading\d" \/>.*?<\/w:p>/) {
            let text = String(heading.0).matches(of: /<w:t[^>]*>([^<]*)<\/w:t>/).map { String($0.1) }.joined()
            #expect(!text.hasPrefix("0"), "heading numbered 0: \(text)")
            if text.first?.isNumber == true { numbered += 1 }
        }
        #expect(numbered > 30)
        let styles = try Self.docxPart(run.docx, "word/styles.xml")
        #expect(styles.contains("w:ascii=\"Arial\""), "the house font from the reference document")
        #expect(styles.contains("w:styleId=\"ImageCaption\"") && styles.contains("w:styleId=\"TableCaption\""))
    }

    @Test(.enabled(if: ExternalTool.available("soffice")))
    func libreOfficeOpensTheDOCX() async throws {
        let run = try await Self.shipped.value
        let folder = try TemporaryFolder.make()
        let result = try ExternalTool.run(
            "soffice",
            [
                "--headless", "-env:UserInstallation=file://\(folder.path)/profile",
                "--convert-to", "pdf", "--outdir", folder.path, run.docx.path,
            ], timeout: 300)
        #expect(result.status == 0, "\(result.stderr)")
        let pdf = folder.appendingPathComponent("Bericht.pdf")
        #expect(FileManager.default.fileExists(atPath: pdf.path))
        let size = (try? FileManager.default.attributesOfItem(atPath: pdf.path)[.size] as? Int) ?? 0
        #expect(size > 100_000, "the converted PDF has the figures")
    }

    // MARK: Determinism

    @Test func theSameInputGivesTheSameHTMLPDFAndDOCX() async throws {
        let first = try await Self.shipped.value
        let second = try await Self.publish(to: TemporaryFolder.make().appendingPathComponent("again"))
        for name in ["Bericht.html", "Bericht.pdf", "Bericht.docx", "Bericht.md"] {
            let a = try Data(contentsOf: first.folder.appendingPathComponent(name))
            let b = try Data(contentsOf: second.folder.appendingPathComponent(name))
            #expect(a == b, "\(name) differs between two runs")
        }
    }

    // MARK: Helpers

    static func csvFields(_ line: String) -> [String] {
        var fields: [String] = []
        var field = ""
        var quoted = false
        var iterator = line.makeIterator()
        while let ch = iterator.next() {
            if quoted {
                if ch == "\"" { quoted = false } else { field.append(ch) }
            } else if ch == "\"" {
                if field.last == "\"" || !field.isEmpty { field.append("\"") }
                quoted = true
            } else if ch == "," {
                fields.append(field)
                field = ""
            } else {
                field.append(ch)
            }
        }
        return fields + [field]
    }

    static func unescape(_ text: String) -> String {
        text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
