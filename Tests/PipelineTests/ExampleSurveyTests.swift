import Aggregate
import Foundation
import Pipeline
import ReportSpec
import TestSupport
import Testing

/// The second shipped example, a survey of another shape (examples/kommunen-2023): it runs
/// through the same code with catalogue and spec alone, and its text, filters and colours
/// follow its own scales and unit.
@Suite struct ExampleSurveyTests {
    static let spec = TestPaths.repository.appendingPathComponent("examples/kommunen-2023/bericht.yaml")

    static func run() async throws -> (summary: ReportPipeline.Summary, folder: URL) {
        let out = try TemporaryFolder.make().appendingPathComponent("out")
        let summary = try await ReportPipeline(options: .init(specFile: spec, outputFolder: out, formats: [.md])).run()
        return (summary, out)
    }

    @Test func theExampleSurveyRendersWithItsOwnUnitScalesAndFilter() async throws {
        let (summary, folder) = try await Self.run()
        #expect(summary.answers == 368)
        // The filter opens on "trifft zu": the one text behind "trifft nicht zu" is noted, not counted.
        #expect(summary.notes.count == 2)
        #expect(summary.notes.allSatisfy { $0.german.contains("obwohl A.01 mit „trifft nicht zu“ beantwortet wurde") })
        let text = try String(contentsOf: folder.appendingPathComponent("Bericht.md"), encoding: .utf8)
        for phrase in [
            "gibt es 2023 in 12 der 18 Kommunen (67\u{202F}%; Abbildung 1); zuvor waren es erst acht im Jahr 2021 und elf im Jahr 2022.",
            "Bei 18 Kommunen entspricht eine von ihnen 5,6 Prozentpunkten.",
            "Mit „weiß\u{00A0}nicht“ antwortet eine Kommune.",
            "Nur den Kommunen mit Vereinbarung wurde die Frage gestellt",
        ] {
            #expect(text.contains(phrase), "\(phrase)")
        }
        #expect(!text.contains("Arbeitsbündnis"))
        // The agreement scale has no colours in the spec: a diverging palette from the roles.
        let svg = try String(contentsOf: folder.appendingPathComponent("abbildungen/abb03.svg"), encoding: .utf8)
        for colour in ["#3F1D73", "#9E9AC8", "#E88A3A", "#8C3A02", "#8C8C8C", "#BBBBBB"] {
            #expect(svg.contains("fill=\"\(colour)\""), "\(colour)")
        }
        // A theme summary over items of two scales pools the answers by their role; without
        // the spec's `pooled`, a row is named by the categories it pools (no fixed words).
        #expect(text.contains("| trifft zu / stimme voll zu / stimme eher zu | 63,0\u{202F}% (+20,4\u{202F}PP) | 52,8\u{202F}% (+11,1\u{202F}PP) |"))
        #expect(text.contains("| weiß nicht | "))
        #expect(!text.contains("| Zustimmung (positiv) |") && !text.contains("| teilweise |"), "no fixed words, no row for a role no scale has")
        // The CSV wave without a sheet name was read.
        let csv = try String(contentsOf: folder.appendingPathComponent("intern/responses.csv"), encoding: .utf8)
        #expect(csv.contains("\n3,2023,"))
    }

    /// Profiles cover every item with an answer scale; their share counts the scale's
    /// positive half by role ("stimme voll zu" and "stimme eher zu"), not a literal "ja".
    @Test func profilesCoverEveryScaleAndCountItsPositiveHalf() async throws {
        let out = try TemporaryFolder.make().appendingPathComponent("out")
        _ = try await ReportPipeline(options: .init(specFile: Self.spec, outputFolder: out, profiles: true, formats: [.md])).run()
        let page = try String(contentsOf: out.appendingPathComponent("intern/regionalprofile/profil-09990001.md"), encoding: .utf8)
        #expect(page.contains("| Frage | Antwort 2023 | Anteil positiver Antworten aller Kommunen |"))
        // A.02 in 2023: 12 of 18 agree fully or rather (the example's Abbildung 3).
        #expect(page.contains("| Verlässliche Zusammenarbeit | "), "a Skala item in the profile")
        #expect(page.contains("67\u{202F}% |"))
        let svg = try String(contentsOf: out.appendingPathComponent("intern/regionalprofile/profil-09990001.svg"), encoding: .utf8)
        #expect(svg.contains("s. v. z. = stimme voll zu") || svg.contains("= stimme voll zu"), "legend with the scale's short forms")
        #expect(!svg.contains(">triff<"), "no colliding short forms")
    }

    /// A table's caption never ends a page with its rows on the next one (it did in this
    /// example: „Tabelle 1“ at the foot of page 5, the table on page 6).
    @Test(.enabled(if: ExternalTool.available("pandoc", "python:weasyprint", "pdftotext", "pdfinfo")))
    func noTableCaptionIsLeftAtTheFootOfAPage() async throws {
        let out = try TemporaryFolder.make().appendingPathComponent("out")
        _ = try await ReportPipeline(options: .init(specFile: Self.spec, outputFolder: out, formats: [.md, .pdf])).run()
        let pdf = out.appendingPathComponent("Bericht.pdf")
        let info = try ExternalTool.run("pdfinfo", [pdf.path]).stdout
        let pages = try #require(info.firstMatch(of: /Pages:\s+(\d+)/).flatMap { Int($0.1) })
        var captions = 0
        for page in 1...pages {
            let lines = try ExternalTool.run("pdftotext", ["-f", "\(page)", "-l", "\(page)", pdf.path, "-"]).stdout
                .split(separator: "\n").map { $0.trimmingCharacters(in: .whitespacesAndNewlines.union(CharacterSet(charactersIn: "\u{0C}"))) }
                .filter { !$0.isEmpty && !$0.hasPrefix("Seite ") && !$0.contains("Landkreis Musterland") }
            captions += lines.filter { $0.hasPrefix("Tabelle ") && $0.contains(":") }.count
            #expect(
                lines.last.map { !($0.hasPrefix("Tabelle ") && $0.contains(":")) } ?? true,
                "page \(page) ends with the caption \(lines.last ?? "")")
        }
        #expect(captions >= 1, "the example has a table")
    }
}

/// Scale roles as data: a true middle ("teils/teils") is its own row and colour, apart from
/// "don't know"; pooled rows take the spec's labels (`pooled`) and the template keys the
/// role names, whatever the survey's words.
@Suite struct ScaleRoleTests {
    static func exampleWithMiddle(pooled: String) throws -> (text: String, svg: String) {
        let root = try TemporaryFolder.make()
        try FileManager.default.copyItem(
            at: TestPaths.repository.appendingPathComponent("examples/kommunen-2023"),
            to: root.appendingPathComponent("kommunen"))
        let spec = root.appendingPathComponent("kommunen/bericht.yaml")
        var text = try String(contentsOf: spec, encoding: .utf8)
        // "weiß nicht" becomes a middle of the agreement scale, as "teils/teils" would be.
        text = text.replacingOccurrences(of: "{ label: \"weiß nicht\", role: neutral }", with: "{ label: \"weiß nicht\", role: middle }")
        text = text.replacingOccurrences(of: "\ntexts:", with: "\n" + pooled + "texts:")
        text = text.replacingOccurrences(of: "style: \"../../reports/hausstil\"", with: "style: \"\(TestPaths.repository.path)/reports/hausstil\"")
        try Data(text.utf8).write(to: spec)
        let out = root.appendingPathComponent("out")
        _ = try ExternalTool.run(try #require(TestPaths.cliBinary), ["report", spec.path, "--out", out.path, "--formats", "md"])
        return (
            try String(contentsOf: out.appendingPathComponent("Bericht.md"), encoding: .utf8),
            try String(contentsOf: out.appendingPathComponent("abbildungen/abb03.svg"), encoding: .utf8)
        )
    }

    @Test func aMiddleIsItsOwnRowAndColourAndPooledRowsTakeTheSpecsLabels() throws {
        let (text, svg) = try Self.exampleWithMiddle(pooled: "pooled:\n  positive: \"Zustimmung\"\n  middle: \"Mitte\"\n")
        #expect(text.contains("| Zustimmung | 63,0\u{202F}%"), "the spec's label")
        #expect(text.contains("| Mitte | 5,6\u{202F}%"), "the middle pooled on its own")
        #expect(!text.contains("| weiß nicht |"))
        #expect(svg.contains("fill=\"#E3DDD3\"") && !svg.contains("fill=\"#8C8C8C\""), "the middle's colour, not don't-know grey")
        // The template's keys are the roles: the example's text still reads its share.
        #expect(text.contains("stimmen im Jahr 2023 insgesamt 63,0\u{202F}% der Antworten zu"))
    }

    /// Without `scales:` "keine Angabe" stands at another place in each item type's list;
    /// it still has one colour in every chart.
    @Test func withoutScalesNoAnswerIsOneGreyInEveryChart() throws {
        let root = try TemporaryFolder.make()
        try FileManager.default.copyItem(
            at: TestPaths.repository.appendingPathComponent("examples/kommunen-2023"),
            to: root.appendingPathComponent("kommunen"))
        let spec = root.appendingPathComponent("kommunen/bericht.yaml")
        let text = try String(contentsOf: spec, encoding: .utf8)
        let start = try #require(text.range(of: "\nscales:"))
        let end = try #require(text.range(of: "\ntexts:"))
        try Data((text[..<start.lowerBound] + text[end.lowerBound...]).utf8).write(to: spec)
        let out = root.appendingPathComponent("out")
        let run = try ExternalTool.run(try #require(TestPaths.cliBinary), ["report", spec.path, "--out", out.path, "--formats", "md"])
        #expect(run.status == 0, "\(run.stderr)")
        let charts = try FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent("abbildungen").path).filter {
            $0.hasSuffix(".svg")
        }
        var withNoAnswer = 0
        for chart in charts {
            let svg = try String(contentsOf: out.appendingPathComponent("abbildungen/" + chart), encoding: .utf8)
            guard svg.contains("keine Angabe") else { continue }
            withNoAnswer += 1
            #expect(svg.contains("fill=\"#BBBBBB\""), "\(chart)")
        }
        #expect(withNoAnswer >= 2, "a status and a scale chart")
    }

    @Test func anUnknownPooledRoleIsASpecError() throws {
        let root = try TemporaryFolder.make()
        let spec = try SpecCopy.finalReport(in: root) { $0 + "\npooled:\n  zustimmung: \"Zustimmung\"\n" }
        let error = #expect(throws: SpecErrors.self) { try ReportSpecReader().read(spec) }
        #expect(
            error?.description.contains("'pooled': unknown role 'zustimmung'; expected positive, partly, middle, negative, neutral, missing") == true,
            "\(error?.description ?? "")")
    }
}
