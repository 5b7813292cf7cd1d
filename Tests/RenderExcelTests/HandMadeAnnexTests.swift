import Aggregate
import Foundation
import Ingest
import ModelFixtures
import Normalise
import RenderExcel
import ReportSpec
import TestSupport
import Testing

/// The annex of the hand-made survey (`ModelFixture`), read back with the project's own
/// reader. The expected numbers are counted by hand from `ModelFixture.answersByWave`; the
/// shipped survey's annex is checked end to end in `PipelineTests/AnnexWorkbookTests`.
@Suite struct HandMadeAnnexTests {
    static func write(extra: String = "", audience: ReportSpec.Audience = .published) throws -> (model: ReportModel, book: any Workbook) {
        let model = try ModelFixture.model(extra: extra)
        let data = ModelFixture.data()
        let url = try TemporaryFolder.make().appendingPathComponent("annex.xlsx")
        try AnnexWriter(model: model, answers: data.answers, issues: [], created: 1_688_126_400, audience: audience).write(to: url.path)
        return (model, try WorkbookReader.open(url))
    }

    /// The row whose column A reads `label` (first match), as text by column number.
    static func row(_ sheet: Sheet, startingWith label: String) -> [Int: String]? {
        sheet.rows.first { $0.cells.first { $0.reference.column == 1 }?.value.text == label }
            .map { Dictionary($0.cells.map { ($0.reference.column, $0.value.text) }, uniquingKeysWith: { a, _ in a }) }
    }

    @Test func aStatusSheetHoldsTheCountsOfEachYear() throws {
        let (_, book) = try Self.write()
        #expect(book.sheetNames.contains("Abb01"))
        let sheet = try book.readSheet(named: "Abb01")
        let texts = sheet.rows.flatMap(\.cells).map(\.value.text)
        // Columns: year, n, then the categories. 2023: ja 4, in Erarbeitung 0 (an exact zero
        // prints as „–“ by format, the cell holds 0), nein 1, keine Angabe 0.
        let year2023 = try #require(Self.row(sheet, startingWith: "2023"))
        #expect(Array(year2023.keys.sorted().dropFirst(2).prefix(4).map { year2023[$0] ?? "" }) == ["4", "0", "1", "0"])
        let year2022 = try #require(Self.row(sheet, startingWith: "2022"))
        #expect(Array(year2022.keys.sorted().dropFirst(2).prefix(4).map { year2022[$0] ?? "" }) == ["3", "1", "0", "0"])
        #expect(texts.contains { $0.contains("2022: n = 4") }, "the base of the year a unit was missing")
    }

    @Test func aYearNotAskedIsNamedInTheSheet() throws {
        let (_, book) = try Self.write()
        let sheet = try book.readSheet(named: "Abb02")
        let texts = sheet.rows.flatMap(\.cells).map(\.value.text)
        #expect(texts.contains("2021 (nicht erhoben)"))
        #expect(texts.contains { $0.contains("A.01") && $0.contains("„ja“") }, "the filter is described with its opening answer")
    }

    @Test func labelsWithMarkupAndFreeTextWithDigitsAreTextCells() throws {
        let (_, book) = try Self.write()
        let options = try book.readSheet(named: "Abb03")
        let cells = options.rows.flatMap(\.cells)
        let label = try #require(cells.first { $0.value.text == "Schulen & <Träger>" })
        #expect(label.formula == nil)
        let free = try book.readSheet(named: "Tab01")
        let entries = free.rows.flatMap(\.cells).map(\.value.text)
        #expect(entries.contains("12 Stellen mehr"))
        #expect(entries.contains("<b>Räume</b>"))
    }

    @Test func smallCountsAreWithheldWhenTheSpecAsks() throws {
        let (_, book) = try Self.write(extra: "min_cell_size: 3\n")
        let sheet = try book.readSheet(named: "Abb01")
        let year2021 = try #require(Self.row(sheet, startingWith: "2021"))
        // 2021: ja 2, in Erarbeitung 1, nein 1, keine Angabe 1: every count is below 3.
        let counts = year2021.keys.sorted().dropFirst(2).prefix(4).map { year2021[$0] ?? "" }
        #expect(counts.allSatisfy { $0 == "." }, "\(counts)")
    }

    @Test func theInternalWorkbookListsEveryAnswer() throws {
        let (_, book) = try Self.write(audience: .internal)
        let sheet = try book.readSheet(named: "Antworten")
        let heide = sheet.rows.filter { row in row.cells.contains { $0.value.text == "Heidekreis" } }
        // Heidekreis: 2021 A.01, A.03.1, A.03.2; 2023 A.01, A.03.1–3, A.04; not in 2022.
        #expect(heide.count == 3 + 5)
        #expect(!heide.contains { row in row.cells.contains { $0.value.text == "2022" } })
    }
}
