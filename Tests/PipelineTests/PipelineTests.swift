import Foundation
import Normalise
import Pipeline
import Testing
import TestSupport

@Suite struct PipelineTests {
    @Test func writesResponsesAndValidationReport() throws {
        let out = try TemporaryFolder.make().appendingPathComponent("out")
        let result = ReportPipeline(options: .init(specFile: TestPaths.finalReportSpec, dataFolder: TestPaths.data, outputFolder: out, formats: [.md])).run()
        guard case .success(let summary) = result else {
            Issue.record("run failed: \(result)")
            return
        }
        let csv = try String(contentsOf: out.appendingPathComponent("responses.csv"), encoding: .utf8)
        let lines = csv.components(separatedBy: "\r\n")
        #expect(lines.first == "wave,year,region_ags,region,item,value")
        #expect(lines.contains("5,2021,15085,Harz,I.01,ja"))
        // Free text that starts like a formula is written so a spreadsheet keeps it as text.
        #expect(csv.contains("5,2021,15087,Mansfeld-Südharz,Z.01.t,'- Fallberatungen als Telefon- oder Videokonferenz"))
        #expect(summary.answers == 2933)
        let report = try String(contentsOf: out.appendingPathComponent("validierung.md"), encoding: .utf8)
        #expect(report.contains("## Hinweise (16)"))
        #expect(report.contains("Die Spalte „Bemerkung“ steht nicht im Fragenkatalog"))
    }

    @Test func aFailedRunLeavesThePreviousOutputUntouched() throws {
        let root = try TemporaryFolder.make()
        let out = root.appendingPathComponent("out")
        guard case .success = ReportPipeline(options: .init(specFile: TestPaths.finalReportSpec, dataFolder: TestPaths.data, outputFolder: out, formats: [.md])).run() else {
            Issue.record("first run failed")
            return
        }
        let before = try Data(contentsOf: out.appendingPathComponent("responses.csv"))
        let fixture = try DataFolderFixture()
        try fixture.replaceWaveWithCSV("Monitoring_W3_2019.xlsx", sheet: "Antworten") { $0[7][2] = "vielleicht" }
        let result = ReportPipeline(options: .init(specFile: TestPaths.finalReportSpec, dataFolder: fixture.url, outputFolder: out, formats: [.md])).run()
        guard case .failure(.dataErrors(let issues)) = result else {
            Issue.record("expected data errors")
            return
        }
        #expect(issues.filter { $0.severity == .error }.count == 1)
        #expect(try Data(contentsOf: out.appendingPathComponent("responses.csv")) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == ["out"], "no staging debris")
    }

    @Test func strictTurnsNotesIntoErrors() throws {
        let out = try TemporaryFolder.make().appendingPathComponent("out")
        let result = ReportPipeline(options: .init(specFile: TestPaths.finalReportSpec, dataFolder: TestPaths.data, outputFolder: out, strict: true, formats: [.md])).run()
        guard case .failure(.dataErrors(let issues)) = result else {
            Issue.record("expected strict failure")
            return
        }
        #expect(issues.count == 16)
        #expect(issues.allSatisfy { $0.severity == .error })
    }

    @Test func twoRunsGiveIdenticalFiles() throws {
        let root = try TemporaryFolder.make()
        for name in ["a", "b"] {
            _ = ReportPipeline(options: .init(specFile: TestPaths.finalReportSpec, dataFolder: TestPaths.data,
                                              outputFolder: root.appendingPathComponent(name), formats: [.md])).run()
        }
        for file in ["responses.csv", "validierung.md"] {
            #expect(try Data(contentsOf: root.appendingPathComponent("a/\(file)"))
                    == Data(contentsOf: root.appendingPathComponent("b/\(file)")))
        }
    }
}
