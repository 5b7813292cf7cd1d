import Foundation
import IngestFixtures
import Normalise
import Pipeline
import TestSupport
import Testing

@Suite struct PipelineTests {
    @Test func writesResponsesAndValidationReport() async throws {
        let out = try TemporaryFolder.make().appendingPathComponent("out")
        let summary = try await ReportPipeline(
            options: .init(specFile: TestPaths.finalReportSpec, dataFolder: TestPaths.data, outputFolder: out, formats: [.md])
        ).run()
        let csv = try String(contentsOf: out.appendingPathComponent("intern/responses.csv"), encoding: .utf8)
        let lines = csv.components(separatedBy: "\r\n")
        #expect(lines.first == "wave,year,region_ags,region,item,value")
        #expect(lines.contains("5,2021,15085,Harz,I.01,ja"))
        // Free text that starts like a formula is written so a spreadsheet keeps it as text.
        #expect(csv.contains("5,2021,15087,Mansfeld-Südharz,Z.01.t,'- Fallberatungen als Telefon- oder Videokonferenz"))
        #expect(summary.answers == 2933)
        let report = try String(contentsOf: out.appendingPathComponent("intern/validierung.md"), encoding: .utf8)
        #expect(report.contains("## Hinweise (16)"))
        #expect(report.contains("Die Spalte „Bemerkung“ steht nicht im Fragenkatalog"))
    }

    @Test func aFailedRunLeavesThePreviousOutputUntouched() async throws {
        let root = try TemporaryFolder.make()
        let out = root.appendingPathComponent("out")
        _ = try await ReportPipeline(
            options: .init(specFile: TestPaths.finalReportSpec, dataFolder: TestPaths.data, outputFolder: out, formats: [.md])
        ).run()
        let before = try Data(contentsOf: out.appendingPathComponent("intern/responses.csv"))
        let fixture = try DataFolderFixture()
        try fixture.replaceWaveWithCSV("Monitoring_W3_2019.xlsx", sheet: "Antworten") { $0[7][2] = "vielleicht" }
        let pipeline = ReportPipeline(options: .init(specFile: TestPaths.finalReportSpec, dataFolder: fixture.url, outputFolder: out, formats: [.md]))
        let problems = await #expect(throws: DataProblems.self) { try await pipeline.run() }
        #expect(problems?.errors.count == 1)
        #expect(try Data(contentsOf: out.appendingPathComponent("intern/responses.csv")) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == ["out"], "no staging debris")
    }

    @Test func strictTurnsNotesIntoErrors() async throws {
        let out = try TemporaryFolder.make().appendingPathComponent("out")
        let pipeline = ReportPipeline(
            options: .init(specFile: TestPaths.finalReportSpec, dataFolder: TestPaths.data, outputFolder: out, strict: true, formats: [.md]))
        let problems = await #expect(throws: DataProblems.self) { try await pipeline.run() }
        #expect(problems?.issues.count == 16)
        #expect(problems?.issues.allSatisfy { $0.severity == .error } == true)
    }

    @Test func twoRunsGiveIdenticalFiles() async throws {
        let root = try TemporaryFolder.make()
        for name in ["a", "b"] {
            _ = try await ReportPipeline(
                options: .init(
                    specFile: TestPaths.finalReportSpec, dataFolder: TestPaths.data,
                    outputFolder: root.appendingPathComponent(name), formats: [.md])
            ).run()
        }
        for file in ["intern/responses.csv", "intern/validierung.md"] {
            #expect(
                try Data(contentsOf: root.appendingPathComponent("a/\(file)"))
                    == Data(contentsOf: root.appendingPathComponent("b/\(file)")))
        }
    }

    /// The short report (another spec, same data) goes through the same stages.
    @Test func theSecondSpecRendersThroughTheSamePath() async throws {
        let out = try TemporaryFolder.make().appendingPathComponent("kurz")
        let summary = try await ReportPipeline(
            options: .init(specFile: TestPaths.shortReportSpec, dataFolder: TestPaths.data, outputFolder: out, formats: [.md])
        ).run()
        #expect(summary.files.contains("daten/abb03.csv"))
        let csv = try String(contentsOf: out.appendingPathComponent("daten/abb02.csv"), encoding: .utf8)
        #expect(csv.hasPrefix("Jahr,sehr hoch,eher hoch,eher gering,sehr gering,keine Angabe,n,Hinweis\r\n"))
        let table = try String(contentsOf: out.appendingPathComponent("daten/tab01.csv"), encoding: .utf8)
        #expect(table.components(separatedBy: "\r\n")[1].hasPrefix("III,ja,2021,130,169,"))
    }
}
