import Aggregate
import Foundation
import IngestFixtures
import Pipeline
import TestSupport
import Testing

/// A free-text answer that names its own unit is published without the name: the data
/// cannot make a published table say who answered what, and the run does not fail on it.
@Suite struct OwnNameTests {
    @Test func theNameIsTakenOutAsAWholeWordInAnyCase() {
        #expect(
            OwnName.removed(from: "Wir im Landkreis Harz nutzen YouConnect", names: ["Harz", "15085"])
                == "Wir im Landkreis [Name entfernt] nutzen YouConnect")
        #expect(OwnName.removed(from: "HARZ und 15085: ja", names: ["Harz", "15085"]) == "[Name entfernt] und [Name entfernt]: ja")
        #expect(OwnName.removed(from: "Kooperation mit Harzgerode", names: ["Harz"]) == "Kooperation mit Harzgerode")
        #expect(OwnName.removed(from: "Halle (Saale) und Halle (Saale)", names: ["Halle (Saale)"]) == "[Name entfernt] und [Name entfernt]")
    }

    @Test func aSelfNamingAnswerIsPublishedWithoutTheName() async throws {
        let fixture = try DataFolderFixture()
        // Börde (row 9 of the 2021 sheet) writes its own name into every free-text answer.
        try fixture.replaceWaveWithCSV("Monitoring 2021 - Welle 5 - final.xlsx", sheet: "Monitoring 2021") { grid in
            for column in [14, 22, 25, 26, 29, 56, 58, 66] where column < grid[8].count {
                grid[8][column] = "Im Landkreis Börde: YouConnect, Börde-Cloud"
            }
        }
        let out = try TemporaryFolder.make().appendingPathComponent("out")
        let summary = try await ReportPipeline(
            options: .init(
                specFile: TestPaths.finalReportSpec, dataFolder: fixture.url,
                outputFolder: out, formats: [.md])
        ).run()
        var published = ""
        for file in summary.files where !file.hasPrefix("intern/") && (file.hasSuffix(".md") || file.hasSuffix(".csv") || file.hasSuffix(".json")) {
            published += try String(contentsOf: out.appendingPathComponent(file), encoding: .utf8)
        }
        #expect(published.contains("[Name entfernt]"), "the answer is published, without the name")
        #expect(!published.contains("Im Landkreis Börde"))
        let internalAnswers = try String(contentsOf: out.appendingPathComponent("intern/responses.csv"), encoding: .utf8)
        #expect(internalAnswers.contains("Im Landkreis Börde: YouConnect"), "the internal answers keep the text as written")
    }
}
