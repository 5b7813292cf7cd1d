import Concurrency
import Foundation
import Pipeline
import Testing
import TestSupport
import XlsxWriter

/// The errors a user meets when the spec or the output folder is wrong say what is wrong in
/// the user's terms and name the path, never Foundation's "The operation could not be
/// completed".
@Suite struct ErrorMessageTests {
    static let foundationPhrase = "The operation could not be completed"

    @Test(.enabled(if: TestPaths.cliBinary != nil, "needs the CLI built (make test builds it)"))
    func aMissingSpecFileSaysThereIsNoSuchFile() throws {
        let binary = try #require(TestPaths.cliBinary)
        let root = try TemporaryFolder.make()
        let missing = root.appendingPathComponent("nosuch.yaml")
        let run = try ChildProcess.run(binary, ["report", missing.path])
        #expect(run.status == 2)
        #expect(run.stderr.contains("nosuch.yaml: no such file (looked for \(missing.standardizedFileURL.path))"), "\(run.stderr)")
        #expect(!run.stderr.contains(Self.foundationPhrase))
    }

    @Test func aFolderGivenAsSpecIsNamedAsAFolder() throws {
        let root = try TemporaryFolder.make()
        let result = ReportPipeline(options: .init(specFile: root, dataFolder: TestPaths.data, formats: [.md])).run()
        guard case .failure(.specErrors(let errors)) = result else {
            Issue.record("expected a spec error, got \(result)")
            return
        }
        #expect(errors.first?.description.contains("is a folder; give the spec's YAML file") == true, "\(errors)")
    }

    @Test func aSpecThatIsNotUTF8SaysSo() throws {
        let root = try TemporaryFolder.make()
        let spec = root.appendingPathComponent("latin1.yaml")
        try Data([0x74, 0x69, 0x74, 0x6C, 0x65, 0x3A, 0x20, 0xE4, 0x0A]).write(to: spec) // "title: ä" in Latin-1
        let result = ReportPipeline(options: .init(specFile: spec, dataFolder: TestPaths.data, formats: [.md])).run()
        guard case .failure(.specErrors(let errors)) = result else {
            Issue.record("expected a spec error, got \(result)")
            return
        }
        #expect(errors.first?.description == "latin1.yaml: the file is not UTF-8 text (expected a UTF-8 YAML file; save it as UTF-8)")
    }

    /// `--out` below a file: the folder cannot be created, and the message says why.
    @Test func anOutputFolderThatCannotBeCreatedSaysWhy() throws {
        let root = try TemporaryFolder.make()
        let blocker = root.appendingPathComponent("blocker")
        try Data("a file".utf8).write(to: blocker)
        let out = blocker.appendingPathComponent("report")
        let result = ReportPipeline(options: .init(specFile: TestPaths.finalReportSpec, dataFolder: TestPaths.data,
                                                   outputFolder: out, formats: [.md])).run()
        guard case .failure(.output(let message)) = result else {
            Issue.record("expected an output error, got \(result)")
            return
        }
        #expect(message == "cannot create the folder \(out.path): \(blocker.path) is a file, not a folder")
        #expect(!message.contains(Self.foundationPhrase))
    }

    @Test func systemReasonsReadAsPlainWords() {
        #expect(OutputError.posix(.writeFile, path: "/x/a.csv", code: EACCES).description == "cannot write /x/a.csv: permission denied")
        #expect(OutputError.posix(.writeFile, path: "/x/a.csv", code: ENOSPC).description == "cannot write /x/a.csv: the disk is full")
        #expect(OutputError.posix(.createFolder, path: "/ro/x", code: EROFS).description
            == "cannot create the folder /ro/x: the file system is read-only")
        #expect(OutputError.posix(.replaceTarget, path: "/x/out", code: EXDEV).description.hasPrefix("cannot move the finished outputs to /x/out: "))
    }

    /// libxlsxwriter's own message reaches the user instead of "XlsxError error 1".
    @Test func anAnnexFailureCarriesLibxlsxwritersMessage() {
        let error = XlsxError(code: 2, message: "Error creating output xlsx file. Usually a permissions error.",
                              operation: "write workbook '/x/Anhang.xlsx'")
        let message = ReportPipeline.writeFailure(error, target: URL(fileURLWithPath: "/x"))
        #expect(message == "cannot write the Excel annex: write workbook '/x/Anhang.xlsx': Error creating output xlsx file. "
            + "Usually a permissions error. (libxlsxwriter error 2)")
        #expect(!message.contains(Self.foundationPhrase))
    }
}
