import Aggregate
import Formatting
import Foundation
import Ingest
import Normalise
import ReportSpec
import SyntheticData
import TestSupport
import Testing

/// Invariants of the aggregation on randomly generated surveys (catalogue, waves, regions
/// and answers all generated from a seed), so nothing depends on the shipped data's shape.
@Suite struct GeneratedDataPropertyTests {
    struct Survey {
        let data: NormalisedData
        let spec: ReportSpec
    }

    static func survey(seed: UInt64) throws -> Survey {
        var random = SeededGenerator(seed: seed)
        func pick(_ n: Int) -> Int { Int(random.next() % UInt64(n)) }
        let waveCount = 2 + pick(4)
        let waves = (1...waveCount).map {
            WaveDefinition(
                number: $0, year: 2000 + $0, fieldStart: nil, fieldEnd: nil, fileName: "w\($0).xlsx",
                sheetName: "S", headerRow: 1, firstDataRow: 2, regionColumnHeader: "Region")
        }
        let regions = (1...(3 + pick(15))).map { Region(ags: String(format: "R%03d", $0), name: "Region \($0)", kind: "", spellings: []) }
        var items: [CatalogueItem] = []
        func headers() -> [Int: String] {
            var h: [Int: String] = [:]
            for wave in waves where pick(4) != 0 { h[wave.number] = "H\(items.count)-\(wave.number)" }
            return h
        }
        for i in 1...(2 + pick(5)) {
            items.append(
                CatalogueItem(
                    id: "S.\(i)", theme: i % 2 == 1 ? "A" : "B", type: .status, parentID: nil,
                    shortTitle: "Status \(i)", wording: "Frage \(i)?", answerOptions: [],
                    headers: headers(), row: items.count + 2))
        }
        items.append(
            CatalogueItem(
                id: "S.1.m", theme: "A", type: .multipleChoice, parentID: "S.1", shortTitle: "Welche?",
                wording: "Welche?", answerOptions: [], headers: [:], row: items.count + 2))
        for o in 1...(1 + pick(4)) {
            items.append(
                CatalogueItem(
                    id: "S.1.m\(o)", theme: "A", type: .option, parentID: "S.1.m", shortTitle: "Option \(o)",
                    wording: "", answerOptions: [], headers: headers(), row: items.count + 2))
        }
        let categories = [
            AnswerCategory(type: "Status", name: "ja", spellings: []),
            AnswerCategory(type: "Status", name: "in Erarbeitung", spellings: []),
            AnswerCategory(type: "Status", name: "nein", spellings: []),
            AnswerCategory(type: "Status", name: "keine Angabe", spellings: ["(leer)"]),
            AnswerCategory(type: "Option", name: "ausgewählt", spellings: []),
            AnswerCategory(type: "Option", name: "nicht ausgewählt", spellings: ["(leer)"]),
        ]
        let catalogue = Catalogue(fileName: "k.xlsx", items: items, waves: waves, regions: regions, categories: categories, notes: [])
        var answers: [TidyAnswer] = []
        let status = ["ja", "in Erarbeitung", "nein", "keine Angabe"]
        for wave in waves {
            for region in regions where pick(6) != 0 {  // some regions missing in some waves
                var given: [String: String] = [:]
                for item in items where item.headers[wave.number] != nil {
                    let value: String
                    if item.type == .option {
                        guard given["S.1"] == "ja" || items.first(where: { $0.id == "S.1" })?.headers[wave.number] == nil else { continue }
                        value = pick(2) == 0 ? "ausgewählt" : "nicht ausgewählt"
                    } else {
                        value = status[pick(4)]
                    }
                    given[item.id] = value
                    answers.append(
                        TidyAnswer(
                            wave: wave.number, year: wave.year, regionAGS: region.ags, region: region.name,
                            item: item.id, value: value, isFreeText: false,
                            source: CellLocation(file: wave.fileName, sheet: "S", reference: nil)))
                }
            }
        }
        var yaml = """
            title: "Zufall \(seed)"
            date: "2020-01-01"
            data: "."
            source: "Test"
            unit: "Regionen"
            themes: { A: "Thema A", B: "Thema B" }
            figures:

            """
        let statusItems = items.filter { $0.type == .status }
        for (n, item) in statusItems.enumerated() { yaml += "  - { number: \(n + 1), item: \(item.id), kind: status }\n" }
        yaml += "  - { number: \(statusItems.count + 1), item: S.1.m, kind: options }\n"
        yaml += "tables:\n  - { number: 1, kind: themeSummary, title: T, themes: [A, B] }\n"
        let url = try TemporaryFolder.make().appendingPathComponent("spec.yaml")
        try yaml.write(to: url, atomically: true, encoding: .utf8)
        let spec = try ReportSpecReader().read(url)
        #expect(ReportSpecReader().validate(spec, against: catalogue).isEmpty)
        return Survey(data: NormalisedData(catalogue: catalogue, answers: answers), spec: spec)
    }

    @Test(arguments: 1...40)
    func invariantsHold(seed: Int) throws {
        let survey = try Self.survey(seed: UInt64(seed))
        let model = Aggregator(data: survey.data, spec: survey.spec).model()
        let answers = survey.data.answers
        for figure in model.figures {
            for year in figure.years {
                let points = figure.points(year: year)
                guard figure.kind == .status else {
                    for point in points where point.asked { #expect(point.count <= point.base) }
                    continue
                }
                guard let first = points.first, first.asked else {
                    #expect(points.allSatisfy { !$0.asked && $0.share == nil })
                    continue
                }
                // Counts sum to the base; shares (exact) sum to 100 % before rounding.
                #expect(points.map(\.count).reduce(0, +) == first.base)
                if first.base > 0 {
                    let total = points.compactMap(\.share).reduce(Ratio(0, 1), +)
                    #expect(total == Ratio(1, 1))
                }
                #expect(first.base == answers.filter { $0.item == figure.itemID && $0.year == year }.count)
            }
        }
        // Transitions: each row sums to the earlier wave's count among regions present in both.
        for item in survey.data.catalogue.items where item.type == .status {
            let waves = survey.data.catalogue.waves.filter { item.headers[$0.number] != nil }
            for (earlier, later) in zip(waves, waves.dropFirst()) where later.number == earlier.number + 1 {
                let laterRegions = Set(answers.filter { $0.item == item.id && $0.year == later.year }.map(\.regionAGS))
                for from in ["ja", "in Erarbeitung", "nein", "keine Angabe"] {
                    let expected = answers.filter {
                        $0.item == item.id && $0.year == earlier.year && $0.value == from && laterRegions.contains($0.regionAGS)
                    }.count
                    let moved = model.transitions.filter {
                        $0.itemID == item.id && $0.fromYear == earlier.year && $0.toYear == later.year && $0.from == from
                    }.map(\.count).reduce(0, +)
                    #expect(moved == expected, "seed \(seed) \(item.id) \(earlier.year)→\(later.year) from \(from)")
                }
            }
        }
        // Theme summary: pooled shares sum to 1 and changes to 0.
        guard case .themeSummary(let table)? = model.tables.first else {
            Issue.record("no theme summary")
            return
        }
        for column in table.columns where column.cells.first?.total ?? 0 > 0 {
            #expect(column.cells.map(\.share).reduce(Ratio(0, 1), +) == Ratio(1, 1))
            if column.previousTotal ?? 0 > 0 {
                #expect(column.cells.compactMap(\.change).reduce(Ratio(0, 1), +) == Ratio(0, 1))
            }
        }
    }
}
