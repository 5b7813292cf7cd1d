import Ingest
import Normalise
import Testing

@testable import Aggregate

/// The index groups answers by item and year through a counting sort and counts on value
/// codes; what it counts is what counting the answers' strings gives.
@Suite struct AnswerIndexTests {
    static func answer(_ year: Int, _ region: String, _ item: String, _ value: String, freeText: Bool = false) -> TidyAnswer {
        TidyAnswer(
            wave: year - 2016, year: year, regionAGS: region, region: region, item: item, value: value,
            isFreeText: freeText, source: CellLocation(file: "w.xlsx", sheet: "S", reference: nil))
    }

    static let answers = [
        answer(2017, "A", "I.01", "ja"), answer(2017, "B", "I.01", "nein"), answer(2017, "C", "I.01", "ja"),
        answer(2018, "A", "I.01", "nein"), answer(2018, "B", "I.01", "nein"), answer(2017, "A", "T", "ja", freeText: true),
        answer(2017, "B", "T", "Netz", freeText: true), answer(2018, "C", "I.01", "in Erarbeitung"),
    ]

    @Test func groupsHoldTheirAnswersInTableOrder() {
        let index = AnswerIndex(AnswerTable(Self.answers))
        #expect(Array(index.answers(item: "I.01", year: 2017)) == Array(Self.answers[0...2]))
        #expect(Array(index.answers(item: "I.01", year: 2018)) == [Self.answers[3], Self.answers[4], Self.answers[7]])
        #expect(index.answers(item: "I.01", year: 2019).isEmpty)
        #expect(index.answers(item: "X", year: 2017).isEmpty)
    }

    @Test func countsOnCodesEqualCountsOnStrings() {
        let index = AnswerIndex(AnswerTable(Self.answers))
        for item in ["I.01", "T"] {
            for year in [2017, 2018] {
                let group = index.answers(item: item, year: year)
                var byString: [String: Int] = [:]
                for answer in group { byString[answer.value, default: 0] += 1 }
                var byCode: [String: Int] = [:]
                for (code, count) in group.valueCounts() { byCode[index.table.values[Int(code)], default: 0] += count }
                #expect(byCode == byString, "\(item) \(year)")
                for (value, count) in byString { #expect(group.count(value: value) == count) }
            }
        }
        // A free text equal to a category counts with it, as when strings were compared.
        #expect(index.answers(item: "T", year: 2017).count(value: "ja") == 1)
        #expect(index.answers(item: "T", year: 2017).anonymisedFreeTexts == ["ja", "Netz"])
    }
}
