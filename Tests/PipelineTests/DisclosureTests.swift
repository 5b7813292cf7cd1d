import Aggregate
import Disclosure
import Foundation
import Ingest
import ModelFixtures
import Normalise
import Pipeline
import SystemInterface
import TestSupport
import Testing

/// No published output may name a unit beside its answers; the internal outputs hold them.
@Suite struct DisclosureTests {
    static let answers: AnswerTable? = try? ReportModelBuilder.build().data.answers

    /// The check on texts: whole words, folded, the unit's own answers only.
    @Test func aUnitBesideItsOwnAnswerIsALeakAndNothingElseIs() throws {
        let answers = try #require(Self.answers)
        let folder = try TemporaryFolder.make()
        let files: [String: String] = [
            "leak.md": "Harz antwortete „ja“.",
            "key.csv": "item,region,value\nI.01,15085,ja\n",
            "page.html": "<table><tr><td>Harz</td>\n<td>in Erarbeitung</td></tr></table>",
            "chart.svg": "<svg><title>Abbildung</title><text>Harz</text><text>ja</text></svg>",
            "clean.md": "Harz\n„ja“ in another record\nHarzgerode antwortete ja\nMagdeburg: ja\n",
            "data.json": "{\"units\": 13, \"answer\": \"ja\"}",
        ]
        for (name, text) in files { try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        let result = DisclosureCheck(answers: answers).check(folder: folder, files: Array(files.keys))
        #expect(Set(result.leaks.map(\.file)) == ["leak.md", "key.csv", "page.html", "chart.svg"], "\(result.leaks)")
        #expect(result.leaks.allSatisfy { $0.unit == "Harz" })
        #expect(result.leaks.first { $0.file == "key.csv" }?.record == 2)
    }

    /// What published text holds for other reasons is not taken for a unit: a number that
    /// merely contains a key's digits, a key short enough to be a count, a name that is a
    /// phrase of the catalogue's own words.
    @Test func countsDecimalsAndTheCataloguesWordsAreNotUnits() throws {
        let answers = try #require(Self.answers)
        let folder = try TemporaryFolder.make()
        let files = ["decimal.csv": "0.15085,ja\n1.15085,nein\n", "key.csv": "15085,ja\n", "word.md": "Harz: ja\n"]
        for (name, text) in files { try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        let plain = DisclosureCheck(answers: answers).check(folder: folder, files: Array(files.keys))
        #expect(Set(plain.leaks.map(\.file)) == ["key.csv", "word.md"])
        let withVocabulary = DisclosureCheck(answers: answers, vocabulary: ["Wanderwege im Harz"]).check(folder: folder, files: ["word.md"])
        #expect(withVocabulary.leaks.isEmpty, "a name that is one of the catalogue's words")
        // 2,933 answers: a count has at most four digits, so a five-digit key is a key; a
        // three-digit one would not be (the synthetic surveys' bases at 10,800 units).
        #expect(UnitMentions.words("n = 10800; 0,5 und 1.048.576") == ["n", "10800", "0", "5", "und", "1.048.576"])
    }

    /// The shipped report, all formats: nothing published names a unit; the internal folder
    /// holds the answers, the validation notes and the profiles.
    @Test(.enabled(if: TestPaths.cliBinary != nil, "needs the CLI built (make test builds it)"))
    func theShippedReportPublishesNoUnitsAnswers() throws {
        let binary = try #require(TestPaths.cliBinary)
        let folder = try TemporaryFolder.make()
        let spec = try SpecCopy.finalReport(in: folder)
        let out = folder.appendingPathComponent("out")
        let run = try ChildProcess.run(binary, ["report", spec.path, "--out", out.path, "--profiles"])
        #expect(run.status == 0, "\(run.stderr)")
        let files = try FileManager.default.subpathsOfDirectory(atPath: out.path)
        for file in [
            "intern/responses.csv", "intern/validierung.md", "intern/Anhang_Monitoring_RUEMSA_2017-2021_intern.xlsx",
            "intern/regionalprofile/Regionalprofile.xlsx",
        ] {
            #expect(files.contains(file), "\(file)")
        }
        #expect(!files.contains("responses.csv") && !files.contains("validierung.md") && !files.contains { $0.hasPrefix("regionalprofile") })
        // The check itself, run again on what was written: clean.
        let published = files.filter { !$0.hasPrefix("intern") && !$0.hasSuffix("/") }
            .filter {
                var d: ObjCBool = false
                return FileManager.default.fileExists(atPath: out.appendingPathComponent($0).path, isDirectory: &d) && !d.boolValue
            }
        let result = DisclosureCheck(answers: try #require(Self.answers)).check(folder: out, files: published)
        #expect(result.leaks.isEmpty, "\(result.leaks)")
        #expect(published.count > 50)
        // The internal files do name units beside answers: the check would stop them.
        let internalResult = DisclosureCheck(answers: try #require(Self.answers))
            .check(folder: out, files: ["intern/responses.csv", "intern/Anhang_Monitoring_RUEMSA_2017-2021_intern.xlsx"])
        #expect(Set(internalResult.leaks.map(\.file)).count == 2)
    }

    /// Another survey (municipalities, other scales): the same check, the same split.
    @Test func theExampleSurveyPublishesNoUnitsAnswers() async throws {
        let out = try TemporaryFolder.make().appendingPathComponent("out")
        let spec = TestPaths.repository.appendingPathComponent("examples/kommunen-2023/bericht.yaml")
        let summary = try await ReportPipeline(options: .init(specFile: spec, outputFolder: out, profiles: true, formats: [.md])).run()
        let (_, data) = try ReportModelBuilder.build(spec: spec, data: nil)
        let check = DisclosureCheck(answers: data.answers)
        let published = summary.files.filter { !$0.hasPrefix("intern/") }
        #expect(published.contains("Bericht.md") && published.count > 10)
        #expect(check.check(folder: out, files: published).leaks.isEmpty)
        let internalFiles = summary.files.filter { $0.hasPrefix("intern/") && ($0.hasSuffix(".csv") || $0.hasSuffix(".md")) }
        #expect(!check.check(folder: out, files: internalFiles).leaks.isEmpty, "the check does find units beside their answers")
    }

    /// A figure caption and a template sentence that put a unit beside its answer reach every
    /// format; the run fails, names each file, and leaves the previous outputs as they were.
    @Test(.enabled(if: TestPaths.cliBinary != nil, "needs the CLI built (make test builds it)"))
    func aPlantedLeakIsCaughtInEveryPublishedFormat() throws {
        let binary = try #require(TestPaths.cliBinary)
        let folder = try TemporaryFolder.make()
        let template = folder.appendingPathComponent("bericht.md.mustache")
        let shipped = try String(
            contentsOf: TestPaths.finalReportSpec.deletingLastPathComponent()
                .appendingPathComponent("bericht.md.mustache"), encoding: .utf8)
        try shipped.replacingOccurrences(
            of: "\n## ", with: "\n\nIm Landkreis Harz lautete die Antwort auf die erste Frage „ja“.\n\n## ",
            options: [], range: shipped.range(of: "\n## ")
        )
        .write(to: template, atomically: true, encoding: .utf8)
        let spec = try SpecCopy.finalReport(in: folder, keepTemplate: false) {
            $0.replacingOccurrences(
                of: "  - { number: 1,  item: I.03,     kind: status }",
                with: "  - { number: 1,  item: I.03,     kind: status, caption: \"Harz: ja\" }")
        }
        let out = folder.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        try "before".write(to: out.appendingPathComponent("marker.txt"), atomically: true, encoding: .utf8)
        let run = try ChildProcess.run(binary, ["report", spec.path, "--out", out.path])
        #expect(run.status == 3, "\(run.stderr)")
        #expect(run.stderr.contains("a published output names a unit beside its answers"))
        var expected = [
            "Bericht.md", "Bericht.html", "Bericht.docx", "Anhang_Monitoring_RUEMSA_2017-2021.xlsx", "abbildungen/abb01.svg",
            "report-context.json",
        ]
        if ExternalTool.exists("pdftotext"), run.stderr.contains("Bericht.pdf") || !run.stderr.contains("skipped") { expected.append("Bericht.pdf") }
        for file in expected { #expect(run.stderr.contains("  \(file), record "), "\(file) is named") }
        #expect(try String(contentsOf: out.appendingPathComponent("marker.txt"), encoding: .utf8) == "before")
    }

    @Test func audiencesAreReadFromTheSpec() throws {
        let folder = try TemporaryFolder.make()
        let spec = try SpecCopy.finalReport(in: folder) { $0 + "\naudiences: [public]\n" }
        #expect(try ReportModelBuilder.build(spec: spec).model.spec.audiences == [.published])
        let wrong = try SpecCopy.finalReport(in: folder) { $0 + "\naudiences: [öffentlich]\n" }
        let error = try #require(throws: (any Error).self) { _ = try ReportModelBuilder.build(spec: wrong) }
        #expect("\(error)".contains("'audiences': unknown audience 'öffentlich'; expected public, internal"))
    }

    /// Only public: no internal folder at all; only internal: no report, no public annex.
    @Test func eachAudienceGetsOnlyItsOutputs() async throws {
        let folder = try TemporaryFolder.make()
        for (audience, present, absent) in [
            ("public", "Anhang_Monitoring_RUEMSA_2017-2021.xlsx", "intern"),
            ("internal", "intern/responses.csv", "Bericht.md"),
        ] {
            let spec = try SpecCopy.finalReport(in: folder) { $0 + "\naudiences: [\(audience)]\n" }
            let out = folder.appendingPathComponent("out-\(audience)")
            _ = try await ReportPipeline(options: .init(specFile: spec, outputFolder: out, formats: [.md])).run()
            let files = try FileManager.default.subpathsOfDirectory(atPath: out.path)
            #expect(files.contains(present), "\(audience): \(present)")
            #expect(!files.contains(absent), "\(audience): no \(absent)")
        }
    }
}
