import Aggregate
import Formatting
import Foundation
import ReportSpec
import TestSupport
import Testing

@testable import Publish

/// What happens around the engines: a machine without them, the spec's and the CLI's choice
/// of formats, and the post-processing of pandoc's HTML.
@Suite struct PublicationFallbackTests {
    /// The CLI with an empty PATH: no pandoc, no python3.
    static func runWithoutTools(_ arguments: [String]) throws -> (ExternalTool.Output, URL) {
        let binary = try #require(TestPaths.cliBinary, "needs the CLI built (make test builds it)")
        let out = try TemporaryFolder.make().appendingPathComponent("out")
        let result = try ExternalTool.run(
            binary, arguments + ["--data", TestPaths.data.path, "--out", out.path],
            timeout: 300, environment: ["PATH": "/nonexistent"])
        return (result, out)
    }

    @Test(.enabled(if: TestPaths.cliBinary != nil))
    func withoutTheToolsTheRunStillWritesTheDataOutputsAndSaysHowToInstall() throws {
        let (result, out) = try Self.runWithoutTools(["report", TestPaths.finalReportSpec.path])
        // The spec does not name formats: all are wanted, none was asked for explicitly.
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("warning: skipped html: pandoc is not installed; install it with: sudo apt-get install pandoc"))
        #expect(result.stderr.contains("warning: skipped docx: pandoc is not installed"))
        #expect(result.stderr.contains("warning: skipped pdf: python3 with WeasyPrint is not installed; install it with: python3 -m venv"))
        #expect(result.stderr.contains("note: `monitoring doctor` lists the publication engines and how to install them"))
        for name in ["Bericht.md", "abbildungen/abb22.svg", "Anhang_Monitoring_RUEMSA_2017-2021.xlsx", "series.csv"] {
            #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent(name).path), "\(name)")
        }
        for name in ["Bericht.html", "Bericht.pdf", "Bericht.docx"] {
            #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent(name).path), "\(name)")
        }
    }

    /// `doctor` on a machine without engines: each is named missing with why, only the
    /// Markdown can be written, every install command is printed once, and it exits with 4.
    @Test(.enabled(if: TestPaths.cliBinary != nil))
    func doctorSaysWhatIsMissingWhatCanBeWrittenAndHowToInstall() throws {
        let binary = try #require(TestPaths.cliBinary)
        let result = try ExternalTool.run(binary, ["doctor"], environment: ["PATH": "/nonexistent", "MONITORING_PYTHON": "python3"])
        #expect(result.status == 4, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("monitoring ") == true)
        #expect(lines.contains { $0.hasPrefix("pandoc ") && $0.contains("missing: not found on the PATH") })
        #expect(lines.contains { $0.hasPrefix("WeasyPrint ") && $0.contains("missing: python3 not found") })
        #expect(lines.contains("formats: md yes, html no, pdf no, docx no"))
        #expect(lines.contains("  sudo apt-get install pandoc   # Debian/Ubuntu"))
        #expect(lines.filter { $0.contains("apt-get install pandoc") }.count == 1, "each command once")
        #expect(lines.contains { $0.hasPrefix("  python3 -m venv ") })
        #expect(lines.contains { $0.hasPrefix("pdftotext ") && $0.contains("missing:") }, "the disclosure check's reader is named too")
        #expect(lines.contains("  sudo apt-get install poppler-utils"))
    }

    /// With the engines this machine has, doctor's verdict and a report agree: every format
    /// doctor calls writable is written.
    @Test(.enabled(if: TestPaths.cliBinary != nil))
    func doctorsFormatsAreTheOnesAReportWrites() throws {
        let engines = PublicationEngines.probe()
        let binary = try #require(TestPaths.cliBinary)
        let out = try TemporaryFolder.make().appendingPathComponent("out")
        let spec = TestPaths.repository.appendingPathComponent("examples/landkreise-2024/bericht.yaml")
        let result = try ExternalTool.run(binary, ["report", spec.path, "--out", out.path, "--formats", "md,html,pdf,docx"], timeout: 300)
        #expect(result.status == (engines.writableFormats.count == OutputFormat.allCases.count ? 0 : 4), "\(result.stderr)")
        for format in OutputFormat.allCases {
            let written = FileManager.default.fileExists(atPath: out.appendingPathComponent("Bericht.\(format.rawValue)").path)
            #expect(written == engines.writableFormats.contains(format), "\(format)")
        }
    }

    @Test(.enabled(if: TestPaths.cliBinary != nil))
    func aFormatAskedForExplicitlyButNotWritableExitsWithCodeFour() throws {
        let (result, out) = try Self.runWithoutTools(["report", TestPaths.finalReportSpec.path, "--formats", "md,html"])
        #expect(result.status == 4, "\(result.stderr)")
        #expect(result.stderr.contains("skipped html: pandoc is not installed"))
        #expect(!result.stderr.contains("skipped pdf"), "pdf was not asked for")
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("Bericht.md").path))
    }

    @Test(.enabled(if: TestPaths.cliBinary != nil))
    func onlyTheAskedFormatsAreWritten() throws {
        let (result, out) = try Self.runWithoutTools(["report", TestPaths.finalReportSpec.path, "--formats", "md"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stderr.contains("warning"))
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("Bericht.md").path))
    }

    @Test(.enabled(if: TestPaths.cliBinary != nil))
    func anUnknownFormatIsAUsageError() throws {
        let (result, _) = try Self.runWithoutTools(["report", TestPaths.finalReportSpec.path, "--formats", "md,odt"])
        #expect(result.status == 2, "\(result.status)")
        #expect(result.stderr.contains("unknown format 'odt'; expected md, html, pdf, docx"))
    }

    @Test func formatsParseInOrderWithoutDuplicates() throws {
        #expect(try OutputFormat.parse(["docx", " PDF", "md", "docx"]).get() == [.md, .pdf, .docx])
        #expect(throws: OutputFormat.ParseError.self) { try OutputFormat.parse([]).get() }
    }

    @Test func aSpecWithAnUnknownFormatNamesTheLine() throws {
        let folder = try TemporaryFolder.make()
        let spec = folder.appendingPathComponent("bericht.yaml")
        try """
        title: "T"
        date: "2022-01-31"
        data: "\(TestPaths.data.path)"
        source: "S"
        unit: "Einheiten"
        formats: [md, html, rtf]
        style: "stil"
        """.write(to: spec, atomically: true, encoding: .utf8)
        let errors = #expect(throws: SpecErrors.self) { try ReportSpecReader().read(spec) }
        #expect(errors?.errors.map(\.description) == ["bericht.yaml:6: 'formats': unknown format 'rtf'; expected md, html, pdf, docx"])
    }

    @Test func anIncompleteStyleFolderIsNamed() throws {
        let folder = try TemporaryFolder.make()
        #expect(
            throws: PublishError.style(
                file: folder.appendingPathComponent("report.html").path,
                problem: "missing (the HTML template of the house style)")
        ) {
            try PublicationStyle(folder: folder)
        }
    }

    // MARK: Post-processing of pandoc's HTML

    static let figure = FigureSeries(
        number: 3, itemID: "X.01", kind: .status, caption: "Bild <b>&", question: "Frage?",
        categories: ["ja", "<script>alert(1)</script>"], categoryItemIDs: [], years: [2020, 2021],
        points: [
            SeriesPoint(year: 2020, category: "ja", asked: false, count: 0, base: 0),
            SeriesPoint(year: 2020, category: "<script>alert(1)</script>", asked: false, count: 0, base: 0),
            SeriesPoint(year: 2021, category: "ja", asked: true, count: 2, base: 3),
            SeriesPoint(year: 2021, category: "<script>alert(1)</script>", asked: true, count: 1, base: 3),
        ])

    @Test func aFiguresDataTableEscapesItsLabelsAndMarksNotAskedYears() {
        let table = FigureDataTable.html(Self.figure, anchor: "abb-03", unitPlural: "Kommunen & Kreise")
        #expect(!table.contains("<script>"))
        #expect(table.contains("<th scope=\"col\">&lt;script&gt;alert(1)&lt;/script&gt;</th>"))
        #expect(table.contains("Anzahl Kommunen &amp; Kreise je Erhebungsjahr"))
        #expect(table.contains("<tr><th scope=\"row\">2020</th><td>nicht erhoben</td><td>nicht erhoben</td><td>nicht erhoben</td></tr>"))
        #expect(table.contains("<tr><th scope=\"row\">2021</th><td>3</td><td>2 (67\u{202F}%)</td><td>1 (33\u{202F}%)</td></tr>"))
        #expect(table.contains("role=\"region\" tabindex=\"0\" aria-labelledby=\"abb-03-zahlen-titel\""))
    }
}

/// A spec without `style:` uses the house style shipped with the tool: found from the
/// running binary upwards, in the checkout it was built in or in an installed tree.
@Suite struct ShippedStyleTests {
    @Test func theCheckoutsHouseStyleIsFoundFromABinaryBuiltThere() {
        let binary = TestPaths.repository.appendingPathComponent(".build/x86_64-unknown-linux-gnu/release/monitoring")
        #expect(
            PublicationStyle.shippedFolder(executable: binary)?.standardizedFileURL
                == TestPaths.repository.appendingPathComponent("reports/hausstil").standardizedFileURL)
    }

    @Test func anInstalledTreesHouseStyleIsFound() throws {
        let root = try TemporaryFolder.make()
        let style = root.appendingPathComponent("usr/share/monitoring/hausstil")
        try FileManager.default.createDirectory(at: style, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: TestPaths.repository.appendingPathComponent("reports/hausstil/report.html"),
            to: style.appendingPathComponent("report.html"))
        let installed = root.appendingPathComponent("usr/bin/monitoring")
        #expect(PublicationStyle.shippedFolder(executable: installed)?.path == style.path, "the installed tree comes before the build checkout")
        #expect(PublicationStyle.shippedFolder(executable: URL(fileURLWithPath: "/nowhere/bin/monitoring"), buildCheckout: nil) == nil)
    }
}

/// Respondents' words go through pandoc as typed: no citation from "@", no note or
/// superscript from "^", no curly quotes from straight ones, no markup.
@Suite(.enabled(if: ExternalTool.available("pandoc"), "needs pandoc"))
struct RespondentTextThroughPandocTests {
    @Test func freeTextIsInert() throws {
        let answer = "@Jobcenter: \"offen\" & it's ^[kein Hinweis] <b>fett</b> *nicht* 2^3"
        let markdown = "Genannt wird „" + TextEscaping.markdownInline(answer, verbatim: true) + "“.\n"
        let file = try TemporaryFolder.make().appendingPathComponent("t.md")
        try Data(markdown.utf8).write(to: file)
        let html = try ExternalTool.run("pandoc", ["--from=markdown", "--to=html5", file.path])
        #expect(html.status == 0, "\(html.stderr)")
        for literal in ["@Jobcenter:", "\"offen\"", "it's", "^[kein Hinweis]", "&lt;b&gt;fett&lt;/b&gt;", "*nicht*", "2^3"] {
            #expect(html.stdout.contains(literal), "\(literal) in \(html.stdout)")
        }
        for markup in ["<sup>", "footnote", "<em>", "<b>", "’", "“offen”", "cite"] { #expect(!html.stdout.contains(markup), "\(markup)") }
    }
}
