import Ingest
import Normalise
import Testing

/// The columnar answer table gives back exactly the answers put in, whatever the order
/// in which its dictionaries grew, and keeps a free text apart from an equal category.
@Suite struct AnswerTableTests {
    static func answer(
        _ wave: Int, _ region: String, _ item: String, _ value: String, freeText: Bool = false,
        row: Int? = nil
    ) -> TidyAnswer {
        TidyAnswer(
            wave: wave, year: 2016 + wave, regionAGS: "0\(region.count)", region: region, item: item, value: value,
            isFreeText: freeText,
            source: CellLocation(file: "w\(wave).xlsx", sheet: "S", reference: row.map { CellReference(row: $0, column: 3) }))
    }

    static let first = [
        answer(1, "Harz", "I.01", "ja", row: 2), answer(1, "Börde", "I.01", "nein", row: 3),
        answer(1, "Harz", "I.05.t", "ja", freeText: true, row: 2),
    ]
    static let second = [
        answer(2, "Börde", "I.05.t", "Netz am Fluss", freeText: true), answer(2, "Salzland", "I.01", "ja"),
        answer(2, "Harz", "I.01", "in Erarbeitung", row: 7),
    ]

    @Test func answersComeBackAsTheyWentIn() {
        let table = AnswerTable(Self.first + Self.second)
        #expect(Array(table) == Self.first + Self.second)
        #expect(table[4].source.description == "w2.xlsx › S", "no cell: no reference")
        #expect(table[0].source.description == "w1.xlsx › S › C2")
    }

    @Test func aFreeTextEqualToACategoryKeepsItsOwnCode() {
        let table = AnswerTable(Self.first)
        #expect(table.values.filter { $0 == "ja" }.count == 2)
        #expect(table.codes(of: "ja").count == 2)
        #expect(table[2].isFreeText && !table[0].isFreeText)
    }

    @Test func joiningTranslatesCodesAndReleasesTheParts() {
        // The second table's dictionaries grew in another order.
        var tables = [AnswerTable(Self.first), AnswerTable(Self.second)]
        #expect(tables[1].regions.first?.name == "Börde" && tables[0].regions.first?.name == "Harz")
        let joined = AnswerTable.joining(&tables)
        #expect(Array(joined) == Self.first + Self.second)
        #expect(joined.regions.map(\.name) == ["Harz", "Börde", "Salzland"], "each region once")
        #expect(joined.waves.count == 2)
        let released = tables.allSatisfy { $0.isEmpty }
        #expect(released, "the parts are released")
    }

    @Test func reorderingMovesWholeAnswers() {
        let table = AnswerTable(Self.first + Self.second)
        let order = [5, 0, 3, 1, 4, 2]
        #expect(Array(table.reordered(order)) == order.map { (Self.first + Self.second)[$0] })
    }

    @Test func aCatalogueSeededTableCodesRegionsAndItemsInCatalogueOrder() throws {
        let catalogue = try #require(WaveStepsTests.catalogue)
        var table = AnswerTable(catalogue: catalogue)
        #expect(table.regions.map(\.ags) == catalogue.regions.map(\.ags))
        #expect(table.items == catalogue.items.map(\.id))
        let region = try #require(catalogue.regions.last)
        #expect(table.code(region: catalogue.answerRegion(of: region)) == UInt32(catalogue.regions.count - 1))
    }
}
