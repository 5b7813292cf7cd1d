import Foundation
import Pipeline
import Testing
import TestSupport

/// The README's library example, as a user of `MonitoringPipeline` writes it: only
/// `import Pipeline`, errors caught as `any UserFacingError`.
@Suite struct LibraryExampleTests {
    @Test func theREADMEExampleRunsAndItsErrorsCarryMessageAndExitCode() async throws {
        let out = try TemporaryFolder.make().appendingPathComponent("out")
        let pipeline = ReportPipeline(options: .init(specFile: TestPaths.finalReportSpec, dataFolder: TestPaths.data,
                                                     outputFolder: out, formats: [.md]))
        let summary = try await pipeline.run()
        #expect(summary.outputFolder.standardizedFileURL == out.standardizedFileURL)
        #expect(summary.files.contains("Bericht.md"))
        #expect(summary.files == summary.files.sorted())

        let broken = ReportPipeline(options: .init(specFile: out.appendingPathComponent("nosuch.yaml")))
        do {
            _ = try await broken.run()
            Issue.record("a missing spec ran")
        } catch let error as any UserFacingError {
            #expect(error.userMessage.contains("nosuch.yaml: no such file"))
            #expect(error.exitStatus == .usage)
        }
    }
}
