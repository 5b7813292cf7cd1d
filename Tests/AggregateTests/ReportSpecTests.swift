import Aggregate
import Foundation
import ModelFixtures
import ReportSpec
import TestSupport
import Testing

@Suite struct ReportSpecTests {
    func errors(_ yaml: String) throws -> [String] {
        let folder = try TemporaryFolder.make()
        let url = folder.appendingPathComponent("bericht.yaml")
        try yaml.write(to: url, atomically: true, encoding: .utf8)
        do {
            _ = try ReportModelBuilder.build(spec: url)
            return []
        } catch let errors as SpecErrors {
            return errors.errors.map(\.description)
        }
    }

    /// A spec copied for next year without its published figures: the message names the
    /// spec's line and the path it looked for, and says paths are relative to the spec.
    @Test func aRevisionsTableThatIsNotThereNamesTheSpecLineAndThePath() throws {
        let folder = try TemporaryFolder.make()
        let spec = try SpecCopy.finalReport(in: folder) { text in
            text.replacingOccurrences(
                of: TestPaths.finalReportSpec.deletingLastPathComponent()
                    .appendingPathComponent("veroeffentlichte-werte.csv").path, with: "veroeffentlichte-werte.csv")
        }
        let text = try String(contentsOf: spec, encoding: .utf8)
        let line =
            try #require(
                text.split(separator: "\n", omittingEmptySubsequences: false)
                    .firstIndex { $0.contains("table: \"veroeffentlichte-werte.csv\"") }) + 1
        let error = #expect(throws: SpecErrors.self) { _ = try ReportSpecReader().read(spec) }
        #expect(
            error?.errors.map(\.description) == [
                "bericht.yaml:\(line): 'revisions.table': there is no file \(folder.appendingPathComponent("veroeffentlichte-werte.csv").standardizedFileURL.path) "
                    + "(the path is relative to the spec's folder)"
            ])
    }

    @Test func assessmentsNameTheirFactsOrFailWithTheirLine() throws {
        let folder = try TemporaryFolder.make()
        let spec = try SpecCopy.finalReport(in: folder) { text in
            text.replacingOccurrences(
                of: "  - { name: plattformZugang, year: 2021 }\n",
                with: """
                      - { name: plattformZugang, year: 2021 }
                      - { name: kaputt, year: 2021, change: down }
                      - { name: auch-kaputt, year: 2021, item: III.05, change: sideways }
                      - { name: plattformZugang, year: 2021 }

                    """)
        }
        let error = #expect(throws: SpecErrors.self) { _ = try ReportSpecReader().read(spec) }
        let messages = error?.errors.map(\.message) ?? []
        #expect(messages.contains("'change' needs the 'item' whose change the assessment rests on"))
        #expect(messages.contains("unknown change 'sideways'; expected up, down, same, largest"))
        #expect(messages.contains("assessment name 'auch-kaputt' must be letters and digits, starting with a letter (it is a template key)"))
        #expect(messages.contains("assessment 'plattformZugang' is named 2 times"))
    }

    let header = """
        title: "T"
        date: "2022-01-31"
        data: "."
        source: "Monitoring"
        unit: "Arbeitsbündnisse"

        """

    @Test func unknownItemNamesFileAndLine() async throws {
        let e = try errors(header + "figures:\n  - { number: 1, item: I.03, kind: status }\n  - { number: 2, item: X.99, kind: status }\n")
        #expect(e == ["bericht.yaml:8: unknown item 'X.99'; it is not in the catalogue's sheet Fragen"])
    }

    /// A category the spec gives no role (here „in Erarbeitung“, and the whole Skala) would be
    /// pooled by a guess; the spec must name each one.
    @Test func everyCategoryOfAUsedScaleNeedsItsRole() async throws {
        let e = try errors(header + "scales:\n  Status:\n    - { label: ja, role: positive }\n    - { label: nein, role: negative }\n")
        #expect(e.count == 2, "\(e)")
        #expect(
            e.contains(
                "bericht.yaml:7: scale 'Status' has no role for 'in Erarbeitung' (the catalogue's Antwortkategorien); add "
                    + "{ label: \"in Erarbeitung\", role: … } with one of positive, partly, middle, negative, neutral, missing"), "\(e)")
        #expect(
            e.contains {
                $0.hasPrefix("bericht.yaml:7: 'scales' has no scale 'Skala', but the catalogue's questions of type Skala answer with 'sehr hoch', ")
            }, "\(e)")
    }

    @Test func unknownWave() async throws {
        let e = try errors(header + "figures:\n  - { number: 1, item: I.03, kind: status, years: [2019, 2016] }\n")
        #expect(e == ["bericht.yaml:7: no wave in 2016; the catalogue has 2017, 2018, 2019, 2020, 2021"])
    }

    @Test func malformedFields() async throws {
        let e = try errors(
            header + "figures:\n  - { number: eins, item: I.03, kind: torte }\n  - { number: 2, item: I.04, kind: status, colour: red }\n")
        #expect(e.contains("bericht.yaml:7: 'number' must be a whole number, not 'eins'"))
        #expect(e.contains("bericht.yaml:7: unknown figure kind 'torte'; expected status, options"))
        #expect(e.contains("bericht.yaml:8: unknown field 'colour' in a figure; expected one of caption, item, kind, number, years"))
    }

    @Test func wrongKindForItem() async throws {
        let e = try errors(header + "figures:\n  - { number: 3, item: I.04.m, kind: status }\n")
        #expect(e == ["bericht.yaml:7: figure 3: item 'I.04.m' is of type Mehrfachauswahl; kind 'status' needs Status or Skala"])
    }

    @Test func missingFieldAndBadYAML() async throws {
        #expect(
            try errors("title: T\ndate: 2022-01-31\n") == [
                "bericht.yaml:1: missing field 'data'", "bericht.yaml:1: missing field 'source'", "bericht.yaml:1: missing field 'unit'",
            ])
        let yaml = try errors("title: \"T\nfigures: [\n")
        #expect(yaml.count == 1)
        #expect(yaml.first?.hasPrefix("bericht.yaml:") == true)
        #expect(yaml.first?.contains("not valid YAML") == true)
    }
}
