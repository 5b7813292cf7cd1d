import Aggregate
import Formatting
import Foundation
import ModelFixtures
import RenderSVG
import ReportSpec
import TestSupport
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

@Suite struct FigureRendererTests {
    /// The hand-made survey (`ModelFixture`): five Landkreise, three waves.
    static let model: ReportModel? = try? ModelFixture.model()

    static var canCheckSVG: Bool { ExternalTool.checkSVG != nil && ExternalTool.exists("chromium") && ExternalTool.exists("python3") }

    func svg(_ number: Int) throws -> String {
        let model = try #require(Self.model)
        return FigureRenderer().svg(try #require(model.figure(number)), context: FigureContext(model: model))
    }

    /// Golden files of the hand-made survey's three charts: a status chart with a unit
    /// missing in 2022, a filtered one first asked in 2022, and an options chart whose labels
    /// hold markup. A deliberate change to the charts is accepted with UPDATE_GOLDEN=1.
    @Test(arguments: [1, 2, 3])
    func matchesGoldenFile(number: Int) throws {
        let actual = try svg(number)
        let golden = TestPaths.fixtures.appendingPathComponent("golden/fixture-abb0\(number).svg")
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
            try actual.write(to: golden, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOf: golden, encoding: .utf8)
        #expect(actual == expected, "fixture-abb0\(number).svg differs from its golden file; inspect, then UPDATE_GOLDEN=1 swift test")
    }

    /// The counts of `ModelFixture.answersByWave`, counted by hand, in the chart's text.
    @Test func describesTheDataInWords() throws {
        let first = try svg(1)
        #expect(first.contains("role=\"img\""))
        #expect(first.contains("aria-labelledby=\"abb01-title abb01-desc\""))
        #expect(first.contains("<title id=\"abb01-title\">Abbildung 1: Es gibt eine gemeinsame Anlaufstelle.</title>"))
        #expect(first.contains("2021 (n = 5): ja 2, in Erarbeitung 1, nein 1, keine Angabe 1"))
        #expect(first.contains("2022 (n = 4): ja 3, in Erarbeitung 1, nein 0, keine Angabe 0"))
        #expect(first.contains("2023 (n = 5): ja 4, in Erarbeitung 0, nein 1, keine Angabe 0"))
        #expect(first.contains("width=\"160mm\""))
        let filtered = try svg(2)
        #expect(filtered.contains("2021: nicht erhoben"))
        #expect(filtered.contains("2022 (n = 3): ja 1, in Erarbeitung 1, nein 1, keine Angabe 0"))
        let options = try svg(3)
        #expect(options.contains("Schulen &amp; &lt;Träger&gt;"))
        #expect(!options.contains("<Träger>"))
    }

    @Test func rendersAreIdenticalRunToRun() throws {
        let model = try #require(Self.model)
        for figure in model.figures {
            let context = FigureContext(model: model)
            #expect(FigureRenderer().svg(figure, context: context) == FigureRenderer().svg(figure, context: context))
        }
    }

    @Test func everyLabelColourHasEnoughContrast() {
        for colour in Palette.okabeIto + Palette.colours(for: ["ja", "in Erarbeitung", "nein", "keine Angabe", "sehr hoch"]) {
            #expect(Palette.contrast(colour, Palette.labelColour(on: colour)) >= 4.5, "\(colour)")
        }
        #expect(Palette.contrast(Palette.secondaryText, "#FFFFFF") >= 4.5)
    }

    @Test func numbersNeverUseExponentsOrNegativeZero() {
        #expect(SVGNumber.format(0.00001) == "0")
        #expect(SVGNumber.format(-0.001) == "0")
        #expect(SVGNumber.format(1e7) == "10000000")
        #expect(SVGNumber.format(12.345) == "12.35")
        #expect(SVGNumber.format(-3.5) == "-3.5")
        #expect(SVGNumber.format(.nan) == "0")
    }

    @Test func inconsistentCountsNeverOverflowTheBarArea() throws {
        var points: [SeriesPoint] = []
        for (category, count) in zip(["ja", "nein", "keine Angabe"], [9, 9, 9]) {
            points.append(SeriesPoint(year: 2021, category: category, asked: true, count: count, base: 13))
        }
        let figure = FigureSeries(
            number: 98, itemID: "X", kind: .status, caption: "x", question: "x",
            categories: ["ja", "nein", "keine Angabe"], categoryItemIDs: [], years: [2021], points: points)
        let text = FigureRenderer().svg(figure, context: FigureContext(population: 13, unitPlural: "B", sourceLine: "Q"))
        #expect(text.contains(">27</text>"), "the axis extends to the wave's 27 answers")
    }

    /// A filtered status chart's axis states the base its years have, not the population.
    @Test(arguments: [([14, 14], "(n = 14)"), ([8, 8], "(n = 8)"), ([14, 8], "(n = 14; abweichend: n am Jahr)"), ([7, 8], "(n am Jahr)")])
    func theAxisStatesTheRealBase(bases: [Int], title: String) {
        var points: [SeriesPoint] = []
        for (year, base) in zip([2022, 2023], bases) {
            points.append(SeriesPoint(year: year, category: "umgesetzt", asked: true, count: base - 1, base: base))
            points.append(SeriesPoint(year: year, category: "nicht umgesetzt", asked: true, count: 1, base: base))
        }
        let figure = FigureSeries(
            number: 97, itemID: "X", kind: .status, caption: "x", question: "x",
            categories: ["umgesetzt", "nicht umgesetzt"], categoryItemIDs: [], years: [2022, 2023], points: points)
        let text = FigureRenderer().svg(figure, context: FigureContext(population: 14, unitPlural: "Landkreise", sourceLine: "Q"))
        #expect(text.contains(">Anzahl Landkreise \(title)</text>"), "\(bases)")
    }

    @Test func wrappingNeverDropsText() {
        let text = "Lehrkräfte/Berufsorientierungskoordinator*innen und ein sehr langes Wort: Donaudampfschifffahrtsgesellschaftskapitän"
        let lines = FontMetrics.regular.wrap(text, maxWidth: 80, size: 9)
        #expect(lines.allSatisfy { FontMetrics.regular.width($0, size: 9) <= 80 })
        #expect(lines.joined().filter { $0 != " " } == text.filter { $0 != " " })
    }

    /// Labels from spreadsheets are untrusted: markup, quotes, very long names, emoji.
    static func hostileFigure(kind: ReportSpec.FigureKind) -> FigureSeries {
        let labels = [
            "<script>alert(1)</script>", "A & B \"quoted\" 'single'", String(repeating: "Überlänge ", count: 20),
            "Umlaute äöüß ÄÖÜ", "Emoji 🎉👩‍👩‍👧 ok",
        ]
        let categories = kind == .options ? labels : ["ja", "<b>nein</b>", "keine Angabe"]
        var points: [SeriesPoint] = []
        for year in [2020, 2021] {
            // Status counts add up to the base; options are independent counts.
            let counts = kind == .status ? [year % 7, 13 - year % 7 - 1, 1] : categories.indices.map { ($0 * 3 + year) % 13 }
            for (category, count) in zip(categories, counts) {
                points.append(SeriesPoint(year: year, category: category, asked: true, count: count, base: 13))
            }
        }
        return FigureSeries(
            number: 99, itemID: "X.1", kind: kind, caption: "</title><script>x</script> & \"Titel\"",
            question: "?", categories: categories, categoryItemIDs: [], years: [2020, 2021], points: points)
    }

    @Test(arguments: [ReportSpec.FigureKind.status, .options])
    func hostileLabelsStayText(kind: ReportSpec.FigureKind) throws {
        let context = FigureContext(population: 13, unitPlural: "Bündnisse <&>", sourceLine: "Quelle: \"x\" & <y>")
        let text = FigureRenderer(style: ChartStyle(showTitle: true)).svg(Self.hostileFigure(kind: kind), context: context)
        // Well-formed XML, and nothing became markup.
        let parser = XMLParser(data: Data(text.utf8))
        #expect(parser.parse(), "not well-formed: \(String(describing: parser.parserError))")
        #expect(!text.contains("<script"))
        #expect(!text.contains("<b>"))
        #expect(text.contains("&lt;script&gt;"))
        if Self.canCheckSVG {
            let folder = try ProcessInfo.processInfo.environment["SVG_DUMP"].map { URL(fileURLWithPath: $0) } ?? TemporaryFolder.make()
            try text.write(to: folder.appendingPathComponent("hostile-\(kind.rawValue).svg"), atomically: true, encoding: .utf8)
            let result = try ExternalTool.run("python3", [try #require(ExternalTool.checkSVG).path, folder.path])
            #expect(result.status == 0, "\(result.stdout)")
        }
    }

    @Test(.enabled(if: canCheckSVG, "needs chromium, python3 and shared/tools/check-svg"))
    func everyFigurePassesCheckSVG() throws {
        let model = try #require(Self.model)
        let folder = try TemporaryFolder.make()
        for figure in model.figures {
            try FigureRenderer().svg(figure, context: FigureContext(model: model))
                .write(to: folder.appendingPathComponent("\(figure.fileStem).svg"), atomically: true, encoding: .utf8)
        }
        let result = try ExternalTool.run("python3", [try #require(ExternalTool.checkSVG).path, folder.path])
        #expect(result.status == 0, "\(result.stdout)")
        #expect(result.stdout.contains("\(model.figures.count) passed, 0 failed"))
    }

    /// Scales of 3, 5, 7 and 9 categories with long names: the bars keep at least 40 % of the
    /// chart's width (the table of counts moves below them when needed), and no text is
    /// clipped or overlaps (check-svg, where it can run).
    static let longCategories = [
        "vollständig umgesetzt und dauerhaft verankert", "überwiegend umgesetzt", "teilweise umgesetzt",
        "teils/teils", "in Planung, aber noch nicht begonnen", "eher nicht umgesetzt",
        "nicht umgesetzt", "kann ich nicht beurteilen", "Berufsorientierungskoordinator*innen fehlen",
    ]

    static func chart(categories count: Int) -> String {
        let categories = Array(longCategories.prefix(count))
        var points: [SeriesPoint] = []
        for year in [2021, 2022, 2023] {
            for (i, category) in categories.enumerated() {
                points.append(SeriesPoint(year: year, category: category, asked: true, count: i < 14 % count ? 14 / count + 1 : 14 / count, base: 14))
            }
        }
        let figure = FigureSeries(
            number: 90 + count, itemID: "X", kind: .status, caption: "Eine Frage mit langer Skala", question: "x",
            categories: categories, categoryItemIDs: [], years: [2021, 2022, 2023], points: points)
        return FigureRenderer().svg(figure, context: FigureContext(population: 14, unitPlural: "Landkreise", sourceLine: "Quelle: Test"))
    }

    @Test(arguments: [3, 5, 7, 9])
    func barsKeepTheirWidthWithManyLongCategories(count: Int) throws {
        let svg = Self.chart(categories: count)
        // The segments of the first year's bar: rectangles 11 high on one row.
        let rects = svg.matches(of: /<rect x="([0-9.]+)" y="([0-9.]+)" width="([0-9.]+)" height="11"/).map {
            (y: String($0.2), width: Double($0.3) ?? 0)
        }
        let firstRow = rects.filter { $0.y == rects.first?.y }
        let share = firstRow.map(\.width).reduce(0, +) / (ChartStyle.report.width - 2 * ChartStyle.report.margin)
        #expect(share >= 0.4, "bars take \(share) of the width at \(count) categories")
        for category in Self.longCategories.prefix(count) {
            for word in category.split(separator: " ") { #expect(svg.contains(String(word).replacingOccurrences(of: "&", with: "&amp;")), "\(word)") }
        }
        if Self.canCheckSVG {
            let folder = try ProcessInfo.processInfo.environment["SVG_DUMP"].map { URL(fileURLWithPath: $0) } ?? TemporaryFolder.make()
            try svg.write(to: folder.appendingPathComponent("long-\(count).svg"), atomically: true, encoding: .utf8)
            let result = try ExternalTool.run("python3", [try #require(ExternalTool.checkSVG).path, folder.path])
            #expect(result.status == 0, "\(result.stdout)")
        }
    }

    /// With the spec's short forms the table can stay beside the bars: they are used there.
    @Test func shortFormsKeepTheTableBesideTheBars() {
        let categories = Array(Self.longCategories.prefix(5))
        let scale = AnswerScale(
            name: "Status",
            categories: categories.enumerated().map { index, label in
                AnswerScale.Category(
                    label: label, role: index < 3 ? .positive : .negative, short: "S\(index + 1)".replacingOccurrences(of: "S", with: "Stufe "))
            })
        var points: [SeriesPoint] = []
        for (i, category) in categories.enumerated() {
            points.append(SeriesPoint(year: 2023, category: category, asked: true, count: i < 14 % 5 ? 3 : 2, base: 14))
        }
        let figure = FigureSeries(
            number: 89, itemID: "X", kind: .status, caption: "x", question: "x",
            categories: categories, categoryItemIDs: [], years: [2023], points: points)
        let svg = FigureRenderer().svg(figure, context: FigureContext(population: 14, unitPlural: "Landkreise", sourceLine: "Q", scales: [scale]))
        #expect(svg.contains(">Stufe 5</text>"), "the short form in the legend")
        #expect(!svg.contains("dauerhaft verankert</text>"), "no table below with the full names")
        let widths = svg.matches(of: /<rect x="[0-9.]+" y="[0-9.]+" width="([0-9.]+)" height="11"/).map { Double($0.1) ?? 0 }
        #expect(widths.reduce(0, +) / (ChartStyle.report.width - 2 * ChartStyle.report.margin) >= 0.4)
    }
}
