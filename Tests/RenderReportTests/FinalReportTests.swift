import Foundation
import Pipeline
import Testing
import TestSupport

/// The final report as a reader gets it: complete, linked, escaped, and following the data.
@Suite(.serialized) struct FinalReportTests {
    static func report(data: URL = TestPaths.data, spec: URL = TestPaths.finalReportSpec) throws -> (text: String, folder: URL) {
        let out = try TemporaryFolder.make().appendingPathComponent("out")
        let result = ReportPipeline(options: .init(specFile: spec, dataFolder: data, outputFolder: out)).run()
        guard case .success = result else {
            Issue.record("report failed: \(result)")
            throw CocoaError(.fileWriteUnknown)
        }
        return (try String(contentsOf: out.appendingPathComponent("Bericht.md"), encoding: .utf8), out)
    }

    static let shipped = try? report()

    @Test func hasTheReportsStructure() throws {
        let text = try #require(Self.shipped).text
        #expect(text.hasPrefix("---\ntitle: \"Monitoring zum Umsetzungsstand"))
        #expect(text.contains("\nlang: de\n"))
        for heading in ["## Inhalt", "## Abbildungsverzeichnis", "## Tabellenverzeichnis", "## Einführung",
                        "## Umfrage- und Fragebogendesign", "## Ergebnisse der Erhebungswellen 2017–2021",
                        "## Entwicklung nach Themenbereichen", "## Daten und Berechnung"] {
            #expect(text.contains("\n" + heading), "\(heading)")
        }
        for n in 1...22 { #expect(text.contains(String(format: "](abbildungen/abb%02d.svg){#abb-%02d alt=\"", n, n))) }
        for n in 1...4 { #expect(text.contains("Table: Tabelle \(n): ")) }
        #expect(text.contains("- Welle 5 (2021): 15.08.2021 bis 08.10.2021"))
        #expect(text.contains("| nein | 5,8\u{202F}% (+1,0\u{202F}PP) | 15,4\u{202F}% (+3,4\u{202F}PP) | 3,0\u{202F}% (−11,8\u{202F}PP) |"))
        #expect(text.contains("Synthetisch") || text.contains("synthetisch"))
    }

    @Test func theTemplatesContextIsWrittenAsJSON() throws {
        let (_, folder) = try #require(Self.shipped)
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("report-context.json")))
        let context = try #require(json as? [String: Any])
        let figure = try #require((context["fig"] as? [String: Any])?["f05"] as? [String: Any])
        let ja = try #require((figure["latest"] as? [String: Any])?["ja"] as? [String: Any])
        #expect(ja["ofAllUnits"] as? String == "10 der 13 Arbeitsbündnisse")
        #expect(ja["one"] as? Bool == false)
    }

    @Test func everyLinkResolves() throws {
        let (text, folder) = try #require(Self.shipped)
        let anchors = Set(text.matches(of: /\{#([a-z0-9-]+)/).map { String($0.1) })
        for match in text.matches(of: /\]\(([^)\s]+)\)/) {
            let target = String(match.1)
            if target.hasPrefix("#") {
                #expect(anchors.contains(String(target.dropFirst())), "link to missing anchor \(target)")
            } else {
                #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent(target).path), "missing file \(target)")
            }
        }
        #expect(anchors.count >= 22 + 4 + 8)
    }

    @Test func changingOneAnswerChangesTheRightSentence() throws {
        let before = try #require(Self.shipped).text
        #expect(before.contains("Einen festen gemeinsamen Leistungskatalog der drei Rechtskreise haben 10 der 13 Arbeitsbündnisse (77\u{202F}%) im Jahr 2021. Gegenüber 2020 (11) ist das ein Rückgang um ein Arbeitsbündnis."))
        let fixture = try DataFolderFixture()
        // Welle 5, Harz (row 3), II.01 = F09 in column S: "ja" → "nein".
        try fixture.replaceWaveWithCSV("Monitoring 2021 - Welle 5 - final.xlsx", sheet: "Monitoring 2021") { grid in
            grid[2][18] = "nein"
        }
        let after = try Self.report(data: fixture.url).text
        #expect(after.contains("Einen festen gemeinsamen Leistungskatalog der drei Rechtskreise haben 9 der 13 Arbeitsbündnisse (69\u{202F}%) im Jahr 2021. Gegenüber 2020 (11) ist das ein Rückgang um 2 Arbeitsbündnisse."))
        #expect(after.contains("2 Arbeitsbündnisse gaben 2020 „ja“ und 2021 „nein“ an."))
        // Everything else stays as it was: only Abbildung 5's sentence and alt text, and the
        // theme-II figures of the summary and Tabelle 4 (ja and nein) move.
        let changed = zip(before.split(separator: "\n"), after.split(separator: "\n")).filter { $0 != $1 }.map { String($0.1) }
        #expect(changed.count == 6, "\(changed)")
        #expect(changed.contains { $0.hasPrefix("Einen festen gemeinsamen Leistungskatalog") })
        #expect(changed.contains { $0.hasPrefix("![Abbildung 5:") && $0.contains("2021 (n = 13): ja 9,") })
        #expect(changed.contains { $0.hasPrefix("- **II. Harmonisierung") && $0.contains("„ja“ 82,1\u{202F}%") })
        #expect(changed.contains { $0.hasPrefix("| ja | 91,3") })
        #expect(changed.contains { $0.hasPrefix("| nein | 5,8") })
    }

    @Test func markdownSpecialCharactersInFreeTextAreEscaped() throws {
        let fixture = try DataFolderFixture()
        // Welle 5, Harz (row 3): II.06.t1 (column Z) with Markdown and HTML syntax.
        try fixture.replaceWaveWithCSV("Monitoring 2021 - Welle 5 - final.xlsx", sheet: "Monitoring 2021") { grid in
            grid[2][25] = "# Überschrift?\n| Spalte | *fett* _kursiv_ <script>x</script>"
        }
        let text = try Self.report(data: fixture.url).text
        let heading = try #require(text.split(separator: "\n").first { $0.contains("Überschrift") })
        #expect(heading.hasPrefix("| \\# Überschrift? (1) |"))
        let row = try #require(text.split(separator: "\n").first { $0.contains("Spalte") })
        #expect(row.contains("\\| Spalte \\| \\*fett\\* \\_kursiv\\_ \\<script\\>x\\</script\\>"))
        // The table keeps its two columns: three unescaped bars per row.
        let bars = row.enumerated().filter { i, ch in ch == "|" && (i == 0 || Array(row)[i - 1] != "\\") }
        #expect(bars.count == 3)
    }

    @Test(.enabled(if: ExternalTool.exists("pandoc"), "needs pandoc"))
    func pandocConvertsWithoutWarnings() throws {
        let (_, folder) = try #require(Self.shipped)
        for format in ["html", "docx"] {
            let output = folder.appendingPathComponent("Bericht.\(format)").path
            let result = try ExternalTool.run("pandoc", ["-s", "--fail-if-warnings", "--resource-path", folder.path,
                                                         folder.appendingPathComponent("Bericht.md").path, "-o", output])
            #expect(result.status == 0, "\(format): \(result.stderr)")
            #expect(result.stderr.isEmpty, "\(format): \(result.stderr)")
        }
    }

    @Test func theShortReportUsesTheSameEngine() throws {
        let text = try Self.report(spec: TestPaths.shortReportSpec).text
        #expect(text.contains("7 der 13 Arbeitsbündnisse (54\u{202F}%) haben sich 2021 geeinigt, 2020 noch kein Arbeitsbündnis."))
    }

    @Test func aBrokenTemplateStopsTheRunWithFileAndLine() throws {
        let folder = try TemporaryFolder.make()
        let spec = try String(contentsOf: TestPaths.finalReportSpec, encoding: .utf8)
            .replacingOccurrences(of: "data: \"../../data\"", with: "data: \"\(TestPaths.data.path)\"")
        try spec.write(to: folder.appendingPathComponent("bericht.yaml"), atomically: true, encoding: .utf8)
        try "Titel\n\n{{meta.titel}}\n".write(to: folder.appendingPathComponent("bericht.md.mustache"), atomically: true, encoding: .utf8)
        let result = ReportPipeline(options: .init(specFile: folder.appendingPathComponent("bericht.yaml"))).run()
        guard case .failure(.templateError(let message)) = result else {
            Issue.record("expected a template error, got \(result)")
            return
        }
        #expect(message == "bericht.md.mustache:3: unknown placeholder 'meta.titel' (no 'titel')")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("output").path))
    }
}
