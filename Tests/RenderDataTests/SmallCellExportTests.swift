import Aggregate
import Foundation
import ModelFixtures
import RenderData
import ReportSpec
import Testing

/// With `min_cell_size`, the CSV exports withhold what the annex withholds: no count of one
/// or two units, a second count beside a single small one, small free-text entries summed up.
@Suite struct SmallCellExportTests {
    /// The hand-made survey (`ModelFixture`), whose counts are mostly 0 to 4 of 4 or 5 units.
    static func model(minimum: Int?) throws -> ReportModel {
        try ModelFixture.model(extra: minimum.map { "min_cell_size: \($0)\n" } ?? "")
    }

    @Test func seriesAndFigureFilesWithholdSmallCounts() throws {
        let model = try Self.model(minimum: 3)
        let rows = DataExports.series(model).split(separator: "\r\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        var withheld = 0
        for row in rows where row.count >= 8 && row[7] == "true" {
            if row[4] == "." {
                withheld += 1
                #expect(row[6] == ".", "the share goes with its count")
                continue
            }
            let count = Int(row[4]) ?? -1
            #expect(count == 0 || count >= 3, "\(row)")
        }
        #expect(withheld >= 4, "Abbildung 1, 2021: ja 2, in Erarbeitung 1, nein 1, keine Angabe 1, all withheld")
        let abb01 = DataExports.figure(try #require(model.figure(1)), small: model.smallCells)
        #expect(abb01.contains("2021,.,.,.,.,5,"), "\(abb01)")
        // A year with one small count loses a second one, so that the base does not give it away.
        for figure in model.figures where figure.kind == .status {
            for year in figure.years where figure.asked(year: year) {
                let hidden = figure.withheld(by: model.smallCells).filter { $0.hasPrefix("\(year)|") }
                #expect(hidden.count != 1, "Abbildung \(figure.number) \(year): a single withheld count can be recomputed")
            }
        }
        let transitions = DataExports.transitions(model).split(separator: "\r\n").dropFirst()
        #expect(transitions.allSatisfy { line in line.hasSuffix(",.") || (Int(line.split(separator: ",").last ?? "") ?? 0) >= 3 })
    }

    @Test func withoutAMinimumNothingIsWithheld() throws {
        let model = try Self.model(minimum: nil)
        let abb01 = DataExports.figure(try #require(model.figure(1)), small: model.smallCells)
        #expect(abb01.contains("2021,2,1,1,1,5,") && abb01.contains("2022,3,1,0,0,4,") && abb01.contains("2023,4,0,1,0,5,"), "\(abb01)")
        #expect(!DataExports.series(model).contains(",.,"))
        #expect(model.figures.allSatisfy { $0.withheld(by: model.smallCells).isEmpty })
    }

    @Test func theRuleWithholdsASecondCountBesideASingleSmallOne() {
        let small = SmallCells(minimum: 3)
        #expect(small.withheld(distribution: [10, 2, 1]) == [1, 2])
        #expect(small.withheld(distribution: [11, 2, 0]) == [1, 2], "the smallest other, even a zero")
        #expect(small.withheld(distribution: [7, 3, 3, 0]) == [])
        #expect(small.withheld(count: 12, base: 13), "one unit did not choose it: as telling as one that did")
        #expect(!small.withheld(count: 0, base: 13))
        #expect(!SmallCells(minimum: nil).withheld(count: 1, base: 13))
    }
}
