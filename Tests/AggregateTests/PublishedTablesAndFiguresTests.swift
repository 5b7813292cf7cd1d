import Aggregate
import Formatting
import ModelFixtures
import Normalise
import TestSupport
import Testing

/// Every Abbildung and Tabelle row of the published figures, checked against the series
/// and tables the report draws from (not against the tidy answers directly).
@Suite struct PublishedTablesAndFiguresTests {
    static let model: ReportModel? = ReportModelBuilder.shipped?.model

    static let rows: [PublishedFigure] = ((try? PublishedFigure.load(TestPaths.publishedFigures)) ?? [])
        .filter { $0.source.hasPrefix("Abbildung") || $0.source.hasPrefix("Tabelle") }

    /// The data's values where the published report slipped (see data/README.md).
    static let corrections: [String: String] = ["Themenbereich III|nein": "-11.8", "Themenbereich III|keine Angabe": "3.6"]

    @Test func theModelBuilds() async throws {
        let model = try #require(Self.model)
        #expect(model.figures.count == 22)
        #expect(model.tables.map(\.number) == [1, 2, 3, 4])
        #expect(Self.rows.count >= 90)
    }

    @Test(arguments: rows)
    func publishedRow(_ row: PublishedFigure) throws {
        let model = try #require(Self.model)
        let number = try #require(Int(row.source.split(separator: " ").last ?? ""))
        if row.source.hasPrefix("Abbildung") {
            let figure = try #require(model.figure(number))
            #expect(figure.itemID == row.item)
            let point = try #require(figure.point(year: Int(row.year) ?? 0, category: row.category))
            #expect(point.asked)
            #expect(String(point.count) == row.value, "\(row)")
            return
        }
        let table = try #require(model.tables.first { $0.number == number })
        switch table {
        case .options(let t):
            #expect(t.itemID == row.item)
            #expect(t.rows.first { $0.option == row.category }.map { String($0.count) } == row.value, "\(row)")
        case .themeSummary(let t):
            let theme = String(row.item.split(separator: " ").last ?? "")
            let cell = try #require(t.cell(theme: theme, category: row.category))
            let correction = Self.corrections["\(row.item)|\(row.category)"]
            let expected = row.note.isEmpty ? row.value : try #require(correction)
            if row.unit == "percent" {
                #expect(Self.tenths(cell.share) == expected, "\(row)")
            } else {
                #expect(t.previousYear == 2020)
                let change = try #require(cell.change)
                #expect(Self.tenths(change) == expected, "\(row)")
            }
        case .freeText:
            Issue.record("no published number refers to a free-text table")
        }
    }

    /// A share as percent with one decimal, rounded half away from zero: `-1.0`, `91.3`.
    static func tenths(_ ratio: Ratio) -> String {
        let t = ratio.rounded(scale: 100, decimals: 1)
        return (t < 0 ? "-" : "") + "\(abs(t) / 10).\(abs(t) % 10)"
    }

    @Test func notAskedWavesAreMarkedNotZero() async throws {
        let model = try #require(Self.model)
        let figure = try #require(model.figure(4))  // I.05 from 2019 on
        let point = try #require(figure.point(year: 2017, category: "ja"))
        #expect(!point.asked)
        #expect(point.share == nil)
        #expect(figure.base(year: 2017) == nil)
        let options = try #require(model.figure(3))  // I.04.m4 not in 2017
        #expect(options.point(year: 2017, category: "Koordinierungsgruppe")?.asked == false)
        #expect(options.point(year: 2017, category: "Steuerungsgruppe")?.asked == true)
    }

    @Test func transitionsCiteTheReportsSentences() async throws {
        let model = try #require(Self.model)
        let ii03 = model.transitions.filter { $0.itemID == "II.03" && $0.fromYear == 2020 }
        #expect(ii03.first { $0.from == "keine Angabe" && $0.to == "ja" }?.count == 1)
        #expect(ii03.first { $0.from == "in Erarbeitung" && $0.to == "ja" }?.count == 2)
        #expect(ii03.first { $0.from == "ja" && $0.to == "nein" }?.count == 1)
    }

    @Test func freeTextIsCodedIntoDistinctEntries() async throws {
        let model = try #require(Self.model)
        guard case .freeText(let table)? = model.tables.first(where: { $0.number == 1 }) else {
            Issue.record("table 1 is not a free-text table")
            return
        }
        let factors = try #require(table.columns.first).entries.map(\.text)
        #expect(factors.contains("Bereitschaft der Mitarbeiter*innen"))
        #expect(factors.contains("Persönliches Kennenlernen der Kolleg*innen der anderen Rechtskreise"))
        #expect(!factors.contains { $0.hasPrefix("-") })
        let challenges = table.columns[1].entries.map(\.text)
        #expect(challenges.contains("Coronabedingte Einschränkungen, z. B. weniger gemeinsame Veranstaltungen vor Ort"))
    }
}
