import Foundation
import Ingest
import ModelFixtures
import SystemInterface
import TestSupport
import Testing

/// More answers than an annex sheet may hold: the run still succeeds, the answers sheet and
/// the contents say where the answers are, and `responses.csv` holds all of them.
@Suite struct AnnexRowLimitTests {
    @Test(.enabled(if: TestPaths.cliBinary != nil, "needs the CLI built (make test builds it)"))
    func answersBeyondTheRowLimitArePointedToInTheCSV() throws {
        let binary = try #require(TestPaths.cliBinary)
        let folder = try TemporaryFolder.make()
        let specFile = try SpecCopy.finalReport(in: folder) { $0 + "\nannex_answer_rows: 1000\n" }
        let out = folder.appendingPathComponent("out")
        let run = try ChildProcess.run(binary, ["report", specFile.path, "--out", out.path, "--formats", "md"])
        #expect(run.status == 0, "\(run.stderr)")

        let book = try WorkbookReader.open(out.appendingPathComponent("intern/Anhang_Monitoring_RUEMSA_2017-2021_intern.xlsx"))
        let answers = try book.readSheet(named: "Antworten")
        let head = answers.rows.compactMap { $0.cells.first?.value.text }.joined(separator: " ")
        #expect(head.contains("Die 2\u{202F}933 Antworten passen nicht auf ein Tabellenblatt"), "\(head)")
        #expect(head.contains("„responses.csv“"))
        #expect(head.contains("Nur für den internen Gebrauch"))
        #expect(answers.rows.allSatisfy { $0.cells.count == 1 }, "no answer rows, only the head in column A")
        let contents = try book.readSheet(named: "Inhalt").rows.flatMap(\.cells).map(\.value.text)
        #expect(contents.contains { $0.hasSuffix("zu viele für ein Tabellenblatt, vollständig in der Datei „responses.csv“") })
        let csv = try String(contentsOf: out.appendingPathComponent("intern/responses.csv"), encoding: .utf8)
        #expect(csv.components(separatedBy: "\r\n").filter { !$0.isEmpty }.count == 2_934)
    }

    @Test func theLimitMustBePositive() throws {
        let folder = try TemporaryFolder.make()
        let spec = folder.appendingPathComponent("bericht.yaml")
        try "title: T\ndate: \"2022-01-31\"\ndata: \"\(TestPaths.data.path)\"\nsource: S\nunit: U\nannex_answer_rows: 0\n"
            .write(to: spec, atomically: true, encoding: .utf8)
        let error = try #require(throws: (any Error).self) { _ = try ReportModelBuilder.build(spec: spec) }
        #expect("\(error)" == "bericht.yaml:6: 'annex_answer_rows' must be at least 1")
    }
}
