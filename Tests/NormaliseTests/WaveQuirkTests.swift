import Foundation
import Ingest
import Normalise
import TestSupport
import Testing

/// Each shipped wave's shape is read correctly.
@Suite struct WaveQuirkTests {
    static let data: NormalisedData? = {
        if let data = try? DataFolder(url: TestPaths.data).normalise() { return data }
        return nil
    }()

    func answer(_ year: Int, _ region: String, _ item: String) throws -> TidyAnswer? {
        try #require(Self.data).answers.first { $0.year == year && $0.region == region && $0.item == item }
    }

    @Test func wave1SecondHeaderRowIsSkippedAndEmptyTicksAreNotSelected() throws {
        #expect(try answer(2017, "Halle (Saale)", "I.04.m1")?.value == "nicht ausgewählt")
        #expect(try answer(2017, "Halle (Saale)", "I.04.m2")?.value == "ausgewählt")
        #expect(try answer(2017, "Altmarkkreis Salzwedel", "I.04.m1") == nil, "I.04 was 'nein': options not asked")
        #expect(try answer(2017, "Harz", "I.04.m4") == nil, "I.04.m4 has no column in 2017")
    }

    @Test func wave2TitleRowsCapitalisedAnswersAndNumericTicks() throws {
        #expect(try answer(2018, "Altmarkkreis Salzwedel", "I.03")?.value == "in Erarbeitung")
        #expect(try answer(2018, "Anhalt-Bitterfeld", "I.04.m4")?.value == "ausgewählt")
        #expect(try answer(2018, "Altmarkkreis Salzwedel", "I.04.m2")?.value == "nicht ausgewählt")
        #expect(try answer(2018, "Mansfeld-Südharz", "II.09.m1") == nil, "II.09 was 'Nein': filtered")
    }

    @Test func wave3AliasesStraySpacesAndSynonyms() throws {
        #expect(try answer(2019, "Altmarkkreis Salzwedel", "II.07")?.value == "ja", "'ja ' with a trailing space")
        #expect(try answer(2019, "Altmarkkreis Salzwedel", "II.01")?.value == "in Erarbeitung", "'in Bearbeitung'")
        #expect(try answer(2019, "Dessau-Roßlau", "I.01")?.value == "ja", "'Dessau-Rosslau' and 'Ja'")
        #expect(try answer(2019, "Altmarkkreis Salzwedel", "I.04.m1")?.value == "ausgewählt", "'X'")
        #expect(try answer(2019, "Börde", "II.06.t1")?.value == "Fortlaufende Weiterentwicklung der Prozesse")
    }

    @Test func wave4RegionsByAGSNumberAndHeadersWithLineBreaks() throws {
        #expect(try answer(2020, "Altmarkkreis Salzwedel", "I.01")?.regionAGS == "15081")
        #expect(try answer(2020, "Wittenberg", "II.03")?.value == "keine Angabe", "empty status cell")
        #expect(try answer(2020, "Altmarkkreis Salzwedel", "Z.03")?.value == "sehr gering")
    }

    @Test func wave5HiddenColumnSecondSheetAndFreeText() throws {
        #expect(try answer(2021, "Harz", "I.01")?.value == "ja", "column B is hidden but read")
        #expect(try answer(2021, "Stendal", "III.06")?.value == "keine Angabe", "'keine Angabe' spelled out")
        #expect(try answer(2021, "Stendal", "III.05")?.value == "keine Angabe", "empty cell")
        let text = try #require(try answer(2021, "Harz", "I.05.t"))
        #expect(text.isFreeText)
        #expect(text.value.hasPrefix("Intranet des Landkreises"))
        #expect(text.source.description == "Monitoring 2021 - Welle 5 - final.xlsx › Monitoring 2021 › O3")
    }

    @Test func notesNameFileSheetAndCell() throws {
        let notes = try #require(Self.data).notes.map(\.description)
        #expect(notes.contains("Monitoring 2021 - Welle 5 - final.xlsx › Monitoring 2021 › BT2: column 'Bemerkung' is not in the catalogue; ignored"))
        #expect(
            notes.contains("Monitoring 2021 - Welle 5 - final.xlsx › Monitoring 2021 › B2: column 'F01' is hidden in the workbook; read as usual"))
        #expect(notes.contains("welle4_2020_export.xlsx › Export › C1: column 'Eingang' is not in the catalogue; ignored"))
        #expect(notes.contains { $0.contains("(II.04.t, Dessau-Roßlau)") && $0.contains("although II.04 was answered \"nein\"") })
    }

    @Test func notAskedAndNoAnswerStayDistinct() throws {
        let data = try #require(Self.data)
        // I.05 was first asked in 2019: no 2017 rows at all, not "keine Angabe".
        #expect(!data.answers.contains { $0.item == "I.05" && $0.year == 2017 })
        #expect(data.answers.filter { $0.item == "I.05" && $0.year == 2019 }.count == 13)
        #expect(data.answers.filter { $0.value == "keine Angabe" }.count > 0)
    }

    @Test func everyAnswerIsACatalogueCategoryOrFreeText() throws {
        let data = try #require(Self.data)
        let categories = Set(data.catalogue.categories.map(\.name))
        for answer in data.answers where !answer.isFreeText {
            #expect(categories.contains(answer.value), "\(answer.item) \(answer.region) \(answer.year): \(answer.value)")
        }
    }
}
