import Aggregate
import Foundation
import Ingest
import IngestFixtures
import Normalise
import RenderReport
import TestSupport
import Testing

/// The third example survey, end to end through the CLI: a masculine unit, a status scale
/// without ja/nein, a satisfaction scale with a middle and "kann ich nicht beurteilen", a
/// filter chain U.01 → U.02 → U.03 opened by non-first answers, a Landkreis that sat 2023
/// out and one renamed in 2024. Report, annex, CSVs and profiles state the right base,
/// filter and words.
@Suite(.serialized) struct LandkreiseExampleTests {
    struct Run {
        let text: String
        let stderr: String
        let folder: URL
    }

    static func run(data: URL? = nil) throws -> Run {
        let out = try TemporaryFolder.make().appendingPathComponent("out")
        var arguments = ["report", ExampleSurvey.landkreiseSpec.path, "--out", out.path, "--profiles"]
        if let data { arguments += ["--data", data.path] }
        let result = try ExternalTool.run(try #require(TestPaths.cliBinary), arguments, environment: ["SOURCE_DATE_EPOCH": "1700000000"])
        #expect(result.status == 0, "\(result.stderr)")
        return Run(text: try String(contentsOf: out.appendingPathComponent("Bericht.md"), encoding: .utf8), stderr: result.stderr, folder: out)
    }

    static let shipped = Result { try run() }

    /// Units whose `parent` answer in `year` opens `item`, recounted from the tidy answers.
    static func asked(_ item: String, year: Int, data: URL) throws -> Int {
        let normalised = try DataFolder(url: data).normalise()
        let child = try #require(normalised.catalogue.item(item))
        let parentID = try #require(child.parentID)
        let parent = try #require(normalised.catalogue.item(parentID))
        return Set(
            normalised.answers.filter {
                $0.year == year && $0.item == parent.id && normalised.catalogue.opens(child, parent: parent, answer: $0.value)
            }.map(\.regionAGS)
        ).count
    }

    @Test func theReportSpeaksOfLandkreiseAndWhoAnswered() throws {
        let run = try Self.shipped.get()
        #expect(run.text.contains("Befragt wurden 14 Landkreise in drei Wellen (2022–2024)."))
        #expect(run.text.contains("13 der 14 Landkreise im Jahr 2023"))
        #expect(run.text.contains("in zwei Landkreisen teilweise"), "masculine dative plural")
        #expect(!run.stderr.contains("note:"), "no sentence for the editor: \(run.stderr)")
        #expect(!run.text.contains("Arbeitsbündnis") && !run.text.contains("Kommune"))
    }

    @Test func theChainsLastStepCountsOutOfThoseItOpensFor() throws {
        let run = try Self.shipped.get()
        let asked = try Self.asked("U.03", year: 2024, data: ExampleSurvey.landkreiseData)
        #expect(asked >= 1)
        let context = try JSONSerialization.jsonObject(with: Data(contentsOf: run.folder.appendingPathComponent("report-context.json")))
        let respondents = ((((context as? [String: Any])?["item"] as? [String: Any])?["U_03"] as? [String: Any])?["respondents"] as? [String: Any])
        #expect(respondents?["base"] as? String == String(asked))
    }

    /// The chart CSV of the filtered question gives as n the units its filter opened it for.
    @Test func theFilteredChartsCSVStatesItsBase() throws {
        let run = try Self.shipped.get()
        let rows = try String(contentsOf: run.folder.appendingPathComponent("daten/abb02.csv"), encoding: .utf8).components(separatedBy: .newlines)
        let header = try #require(rows.first?.components(separatedBy: ","))
        let nColumn = try #require(header.firstIndex(of: "n"))
        for year in [2022, 2023, 2024] {
            let row = try #require(rows.first { $0.hasPrefix("\(year),") }?.components(separatedBy: ","))
            #expect(row[nColumn] == String(try Self.asked("U.02", year: year, data: ExampleSurvey.landkreiseData)), "\(year)")
        }
        let year2023 = try #require(rows.first { $0.hasPrefix("2023,") })
        #expect(year2023.hasSuffix(",13 der 14 Landkreise haben teilgenommen"))
    }

    @Test func theAnnexNamesEachFilterWithItsOpeningAnswers() throws {
        let run = try Self.shipped.get()
        let book = try WorkbookReader.open(run.folder.appendingPathComponent("Anhang_Landkreisbefragung.xlsx"))
        let codebook = try book.readSheet(named: "Codebuch")
        func row(_ id: String) -> [String] { codebook.rows.first { $0.cells.first?.value.text == id }?.cells.map(\.value.text) ?? [] }
        #expect(Array(row("U.02").prefix(5)) == ["U.02", "U", "Skala", "U.01", "„umgesetzt“ oder „teilweise umgesetzt“"])
        #expect(Array(row("U.03").prefix(5)) == ["U.03", "U", "Freitext", "U.02", "„eher unzufrieden“ oder „sehr unzufrieden“"])
        let abb02 = try book.readSheet(named: "Abb02").rows.prefix(10).compactMap { $0.cells.first?.value.text }.joined(separator: " ")
        #expect(
            abb02.contains(
                "Basis: Landkreise, die Frage U.01 („Jugendberufsagentur umgesetzt“) mit „umgesetzt“ oder „teilweise umgesetzt“ beantwortet haben"),
            "\(abb02)")
        let internalBook = try WorkbookReader.open(run.folder.appendingPathComponent("intern/Anhang_Landkreisbefragung_intern.xlsx"))
        let answersNote = try internalBook.readSheet(named: "Antworten").rows.prefix(10).compactMap { $0.cells.first?.value.text }
            .joined(separator: " ")
        #expect(answersNote.contains("(teilgenommen haben 2023: 13 von 14)"))
    }

    @Test func theMiddleIsItsOwnRowAndTheRenamedLandkreisIsRead() throws {
        let run = try Self.shipped.get()
        #expect(run.text.contains("| umgesetzt / zufrieden | "), "the spec's pooled label")
        #expect(run.text.contains("| teils/teils | ") && run.text.contains("| kann ich nicht beurteilen | "), "middle and don't-know apart")
        let csv = try String(contentsOf: run.folder.appendingPathComponent("intern/responses.csv"), encoding: .utf8)
        #expect(csv.contains("3,2024,09980010,Nordheide,U.01,"), "'Landkreis Nordheide' in 2024 is Nordheide")
        let profiles = try WorkbookReader.open(run.folder.appendingPathComponent("intern/regionalprofile/Regionalprofile.xlsx"))
        let heideland = try profiles.readSheet(named: try #require(profiles.sheetNames.first { $0.contains("Heideland") }))
        #expect(heideland.rows.flatMap(\.cells).map(\.value.text).contains("nicht teilgenommen"))
    }

    /// The catalogue's opening answer changed: the base follows it in the text and the annex.
    @Test(.enabled(if: ExternalTool.available("python:openpyxl"), "needs python3 with openpyxl"))
    func aChangedOpeningAnswerIsFollowedEverywhere() throws {
        let data = try ExampleSurvey.data(opening: "U.03", with: "teils/teils | eher unzufrieden", in: ExampleSurvey.landkreiseData)
        let run = try Self.run(data: data)
        let asked = try Self.asked("U.03", year: 2024, data: data)
        let context = try JSONSerialization.jsonObject(with: Data(contentsOf: run.folder.appendingPathComponent("report-context.json")))
        let respondents = ((((context as? [String: Any])?["item"] as? [String: Any])?["U_03"] as? [String: Any])?["respondents"] as? [String: Any])
        #expect(respondents?["base"] as? String == String(asked))
        let book = try WorkbookReader.open(run.folder.appendingPathComponent("Anhang_Landkreisbefragung.xlsx"))
        let codebook = try book.readSheet(named: "Codebuch")
        let u03 = codebook.rows.first { $0.cells.first?.value.text == "U.03" }?.cells.map(\.value.text) ?? []
        #expect(u03.count > 4 && u03[4] == "„teils/teils“ oder „eher unzufrieden“")
    }
}
