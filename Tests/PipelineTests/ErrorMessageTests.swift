import Aggregate
import Diagnostics
import Foundation
import Ingest
import IngestFixtures
import Normalise
import Pipeline
import Publish
import RenderReport
import ReportSpec
import SystemInterface
import TestSupport
import Testing
import XlsxWriter

/// Every error a user can meet prints its own message: one test per error type checks the
/// text the command line prints (`error: ` + `userMessage`) names the file (and sheet and
/// cell where there is one), what was expected, and never Foundation's "The operation could
/// not be completed". The exit code comes with the error type.
@Suite struct ErrorMessageTests {
    static let foundationPhrase = "The operation could not be completed"

    /// What the CLI prints for an error, and the code it exits with (its own `ErrorReport`).
    static func printed(_ error: any Error) -> (text: String, status: Diagnostics.ExitStatus) {
        let report = ErrorReport(error)
        return (report.text, report.status)
    }

    static func expectPlain(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(!text.contains(foundationPhrase), "\(text)", sourceLocation: sourceLocation)
        #expect(!text.contains("error 1.)"), "\(text)", sourceLocation: sourceLocation)
    }

    // MARK: SpecErrors (exit 2)

    @Test(.enabled(if: TestPaths.cliBinary != nil, "needs the CLI built (make test builds it)"))
    func aMissingSpecFileSaysThereIsNoSuchFile() throws {
        let binary = try #require(TestPaths.cliBinary)
        let root = try TemporaryFolder.make()
        let missing = root.appendingPathComponent("nosuch.yaml")
        let run = try ChildProcess.run(binary, ["report", missing.path])
        #expect(run.status == Diagnostics.ExitStatus.usage.rawValue)
        #expect(
            run.stderr == "error: the report spec has 1 problem(s):\n"
                + "  nosuch.yaml: no such file (looked for \(missing.standardizedFileURL.path))\n", "\(run.stderr)")
        Self.expectPlain(run.stderr)
    }

    @Test func aFolderGivenAsSpecIsNamedAsAFolder() async throws {
        let root = try TemporaryFolder.make()
        let pipeline = ReportPipeline(options: .init(specFile: root, dataFolder: TestPaths.data, formats: [.md]))
        let error = await #expect(throws: SpecErrors.self) { try await pipeline.run() }
        let printed = Self.printed(try #require(error))
        #expect(printed.text.contains("\(root.lastPathComponent): \(root.path) is a folder; give the spec's YAML file"), "\(printed.text)")
        #expect(printed.status == .usage)
    }

    @Test func aSpecThatIsNotUTF8SaysSo() async throws {
        let root = try TemporaryFolder.make()
        let spec = root.appendingPathComponent("latin1.yaml")
        try Data([0x74, 0x69, 0x74, 0x6C, 0x65, 0x3A, 0x20, 0xE4, 0x0A]).write(to: spec)  // "title: ä" in Latin-1
        let pipeline = ReportPipeline(options: .init(specFile: spec, dataFolder: TestPaths.data, formats: [.md]))
        let error = await #expect(throws: SpecErrors.self) { try await pipeline.run() }
        #expect(
            Self.printed(try #require(error)).text == "error: the report spec has 1 problem(s):\n"
                + "  latin1.yaml: the file is not UTF-8 text (expected a UTF-8 YAML file; save it as UTF-8)")
    }

    // MARK: DataProblems (exit 1)

    @Test(.enabled(if: TestPaths.cliBinary != nil, "needs the CLI built (make test builds it)"))
    func anUnknownAnswerNamesFileSheetAndCell() throws {
        let binary = try #require(TestPaths.cliBinary)
        let fixture = try DataFolderFixture()
        try fixture.replaceWaveWithCSV("Monitoring_W3_2019.xlsx", sheet: "Antworten") { $0[7][2] = "vielleicht" }
        let out = try TemporaryFolder.make().appendingPathComponent("out")
        let run = try ChildProcess.run(
            binary,
            [
                "report", TestPaths.finalReportSpec.path, "--data", fixture.url.path,
                "--out", out.path, "--formats", "md",
            ])
        #expect(run.status == Diagnostics.ExitStatus.dataErrors.rawValue)
        #expect(
            run.stderr.hasPrefix("error: the data has 1 problem(s):\n  Monitoring_W3_2019.csv › Monitoring_W3_2019 › C8"),
            "\(run.stderr)")
        #expect(run.stderr.contains("unknown answer \"vielleicht\"; expected ja, "), "\(run.stderr)")
        Self.expectPlain(run.stderr)
        #expect(!FileManager.default.fileExists(atPath: out.path), "nothing written")
    }

    /// `generate` reports like every other command: the template folder's problems by file ›
    /// sheet › cell and exit 1, not a usage error with only the first problem.
    @Test(.enabled(if: TestPaths.cliBinary != nil, "needs the CLI built (make test builds it)"))
    func generateReportsATemplateFolderThatDoesNotNormalise() throws {
        let binary = try #require(TestPaths.cliBinary)
        let fixture = try DataFolderFixture()
        try fixture.replaceWaveWithCSV("Monitoring_W3_2019.xlsx", sheet: "Antworten") { $0[7][2] = "vielleicht" }
        let out = try TemporaryFolder.make().appendingPathComponent("synthetisch")
        let run = try ChildProcess.run(binary, ["generate", "--template", fixture.url.path, "--out", out.path, "--regions", "3", "--waves", "2"])
        #expect(run.status == Diagnostics.ExitStatus.dataErrors.rawValue)
        #expect(
            run.stderr.hasPrefix("error: the data has 1 problem(s):\n  Monitoring_W3_2019.csv › Monitoring_W3_2019 › C8"),
            "\(run.stderr)")
        Self.expectPlain(run.stderr)
        #expect(!FileManager.default.fileExists(atPath: out.path), "nothing written")
    }

    // MARK: IngestError (exit 1)

    @Test(.enabled(if: TestPaths.cliBinary != nil, "needs the CLI built (make test builds it)"))
    func aDamagedWorkbookIsNamedByTheReader() throws {
        let binary = try #require(TestPaths.cliBinary)
        let file = try TemporaryFolder.make().appendingPathComponent("kaputt.xlsx")
        try Data("PK\u{3}\u{4} not really a zip".utf8).write(to: file)
        let run = try ChildProcess.run(binary, ["inspect", file.path])
        #expect(run.status == Diagnostics.ExitStatus.dataErrors.rawValue)
        #expect(run.stderr.hasPrefix("error: kaputt.xlsx: "), "\(run.stderr)")
        Self.expectPlain(run.stderr)
    }

    @Test func anIngestErrorNamesFileSheetAndCell() {
        let error = IngestError(
            file: "welle.xlsx", sheet: "Antworten", cell: CellReference(row: 3, column: 2),
            .sharedStringOutOfRange(index: 9, count: 4))
        let printed = Self.printed(error)
        #expect(printed.text == "error: welle.xlsx › Antworten › B3: shared string index 9 is out of range (the table has 4 strings)")
        #expect(printed.status == .dataErrors)
    }

    // MARK: TemplateError (exit 2)

    @Test func aTemplateErrorNamesTheTemplateAndLine() {
        let printed = Self.printed(TemplateError(file: "bericht.md.mustache", line: 3, message: "unknown placeholder 'x'"))
        #expect(printed.text == "error: the report template: bericht.md.mustache:3: unknown placeholder 'x'")
        #expect(printed.status == .usage)
    }

    // MARK: PublishError (exit 2 for the house style, 3 for a tool)

    /// Without `style:` the shipped house style is used; only when that is missing too (a
    /// binary moved away from its checkout or installed tree) does the run ask for one.
    @Test func aSpecWithoutHouseStyleUsesTheShippedOneOrAsksForOne() async throws {
        let folder = try TemporaryFolder.make()
        _ = try SpecCopy.finalReport(in: folder) { text in
            text.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("style:") }.joined(separator: "\n")
        }
        var options = ReportPipeline.Options(
            specFile: folder.appendingPathComponent("bericht.yaml"),
            outputFolder: folder.appendingPathComponent("out"), formats: [.md, .html])
        options.shippedStyle = TestPaths.repository.appendingPathComponent("reports/hausstil")
        if ExternalTool.available("pandoc") {
            let summary = try await ReportPipeline(options: options).run()
            #expect(summary.files.contains("Bericht.html"))
            try FileManager.default.removeItem(at: folder.appendingPathComponent("out"))
        }
        options.shippedStyle = nil
        let pipeline = ReportPipeline(options: options)
        let error = await #expect(throws: PublishError.self) { try await pipeline.run() }
        let printed = Self.printed(try #require(error))
        #expect(
            printed.text.hasPrefix("error: house style: bericht.yaml: the formats html, pdf and docx need a 'style' folder"),
            "\(printed.text)")
        #expect(printed.status == .usage)
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out").path))
    }

    @Test func aFailingToolIsNamedWithWhatItPrinted() {
        let printed = Self.printed(PublishError.toolFailed(format: "pdf", tool: "WeasyPrint", status: 1, detail: "no font"))
        #expect(printed.text == "error: pdf: WeasyPrint failed (exit 1): no font")
        #expect(printed.status == .outputFailed)
    }

    // MARK: OutputError (exit 3)

    /// `--out` below a file: the folder cannot be created, and the message says why.
    @Test func anOutputFolderThatCannotBeCreatedSaysWhy() async throws {
        let root = try TemporaryFolder.make()
        let blocker = root.appendingPathComponent("blocker")
        try Data("a file".utf8).write(to: blocker)
        let out = blocker.appendingPathComponent("report")
        let pipeline = ReportPipeline(
            options: .init(
                specFile: TestPaths.finalReportSpec, dataFolder: TestPaths.data,
                outputFolder: out, formats: [.md]))
        let error = await #expect(throws: OutputError.self) { try await pipeline.run() }
        let printed = Self.printed(try #require(error))
        #expect(printed.text == "error: cannot create the folder \(out.path): \(blocker.path) is a file, not a folder")
        #expect(printed.status == .outputFailed)
    }

    @Test(
        .enabled(
            if: TestPaths.cliBinary != nil && FileManager.default.fileExists(atPath: "/proc/self"),
            "needs the CLI and Linux's /proc"))
    func anOutputFolderInProcSaysTheSystemRefuses() throws {
        let binary = try #require(TestPaths.cliBinary)
        let run = try ChildProcess.run(
            binary,
            [
                "report", TestPaths.finalReportSpec.path, "--data", TestPaths.data.path,
                "--out", "/proc/x", "--formats", "md",
            ])
        #expect(run.status == Diagnostics.ExitStatus.outputFailed.rawValue)
        #expect(run.stderr.hasPrefix("error: cannot create the folder /proc/x: "), "\(run.stderr)")
        Self.expectPlain(run.stderr)
    }

    @Test func systemReasonsReadAsPlainWords() {
        #expect(OutputError.posix(.writeFile, path: "/x/a.csv", code: EACCES).description == "cannot write /x/a.csv: permission denied")
        #expect(OutputError.posix(.writeFile, path: "/x/a.csv", code: ENOSPC).description == "cannot write /x/a.csv: the disk is full")
        #expect(
            OutputError.posix(.createFolder, path: "/ro/x", code: EROFS).description
                == "cannot create the folder /ro/x: the file system is read-only")
        #expect(OutputError.posix(.replaceTarget, path: "/x/out", code: EXDEV).description.hasPrefix("cannot move the finished outputs to /x/out: "))
    }

    // MARK: XlsxError (exit 3)

    /// libxlsxwriter's own message and the file reach the user instead of "XlsxError error 1".
    @Test func aWorkbookThatCannotBeWrittenCarriesLibxlsxwritersMessage() throws {
        let path = try TemporaryFolder.make().appendingPathComponent("no/such/folder/Anhang.xlsx").path
        let error = #expect(throws: XlsxError.self) {
            let book = try XlsxWorkbook(path: path)
            _ = try book.addWorksheet(named: "A")
            try book.close()
        }
        let printed = Self.printed(try #require(error))
        #expect(printed.text.contains(path), "\(printed.text)")
        #expect(printed.text.contains("(libxlsxwriter error "), "\(printed.text)")
        #expect(printed.status == .outputFailed)
        Self.expectPlain(printed.text)
    }

    /// Every exit code is documented in the README, with the number the CLI uses.
    @Test func everyExitCodeIsDocumented() throws {
        let readme = try String(contentsOf: TestPaths.repository.appendingPathComponent("README.md"), encoding: .utf8)
        for status in Diagnostics.ExitStatus.allCases {
            #expect(readme.contains("| \(status.rawValue) |"), "exit code \(status.rawValue) (\(status))")
        }
    }
}
