import Foundation
import Pipeline
import TestSupport
import Testing

/// `monitoring new-report`: next year's folder from this year's, with the spec advanced and
/// its paths still pointing where they pointed, wherever the new folder is.
@Suite struct NextReportTests {
    static func reports() throws -> URL {
        let root = try TemporaryFolder.make()
        try FileManager.default.copyItem(at: TestPaths.repository.appendingPathComponent("reports"), to: root.appendingPathComponent("reports"))
        return root.appendingPathComponent("reports")
    }

    @Test func theSpecMovesOnOneYearAndKeepsItsComments() throws {
        let reports = try Self.reports()
        let result = try NextReport(source: reports.appendingPathComponent("kurzbericht-2021"), year: 2022).make()
        #expect(result.folder.lastPathComponent == "kurzbericht-2022")
        let old = try String(contentsOf: reports.appendingPathComponent("kurzbericht-2021/bericht.yaml"), encoding: .utf8)
        let new = try String(contentsOf: result.spec, encoding: .utf8)
        let changed = zip(old.split(separator: "\n"), new.split(separator: "\n")).filter { $0 != $1 }.map { "\($0.1)" }
        #expect(
            changed == [
                "title: \"RÜMSA-Monitoring 2022 auf einen Blick\"", "date: \"2023-02-15\"", "created: \"2023-02-15T12:00:00Z\"",
                "last_year: 2022", "annex_file: \"Kurzbericht_RUEMSA_2022.xlsx\"",
            ])
        #expect(old.split(separator: "\n").count == new.split(separator: "\n").count)
        #expect(FileManager.default.fileExists(atPath: result.folder.appendingPathComponent("kurzbericht.md.mustache").path))
        #expect(result.review.contains { $0.contains("redaktion.md") })
    }

    @Test func pathsOutsideTheFolderAreRewrittenForANewPlace() throws {
        let reports = try Self.reports()
        let elsewhere = reports.deletingLastPathComponent().appendingPathComponent("archiv/2022/kurz")
        let result = try NextReport(source: reports.appendingPathComponent("kurzbericht-2021"), year: 2022, destination: elsewhere).make()
        let spec = try String(contentsOf: result.spec, encoding: .utf8)
        #expect(spec.contains("style: \"../../../reports/hausstil\""))
        #expect(spec.contains("data: \"../../../data\""))
        #expect(spec.contains("template: \"kurzbericht.md.mustache\""), "copied with the folder: unchanged")
    }

    @Test func aYearNotAfterTheLastOrAnExistingFolderIsRefused() throws {
        let reports = try Self.reports()
        let source = reports.appendingPathComponent("abschlussbericht-2021")
        #expect(throws: NextReport.Failure.self) { try NextReport(source: source, year: 2021).make() }
        #expect(throws: NextReport.Failure.self) {
            try NextReport(source: source, year: 2022, destination: reports.appendingPathComponent("hausstil")).make()
        }
        #expect(!FileManager.default.fileExists(atPath: reports.appendingPathComponent("abschlussbericht-2022").path))
    }
}
