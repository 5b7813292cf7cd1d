import Foundation
import TestSupport
import Testing

/// The README's library example (`ReadmeExample.swift`, word for word the README's code
/// block): it imports `Pipeline` alone and builds with MemberImportVisibility, so a type it
/// needs that `Exports.swift` does not re-export fails the build.
@Suite struct LibraryExampleTests {
    @Test func theREADMEShowsTheCompiledExampleWordForWord() throws {
        let readme = try String(contentsOf: TestPaths.repository.appendingPathComponent("README.md"), encoding: .utf8)
        let example = try String(
            contentsOf: TestPaths.repository.appendingPathComponent("Tests/PackageTests/ReadmeExample.swift"),
            encoding: .utf8)
        let block = readme.components(separatedBy: "### Using the library").dropFirst().first?
            .components(separatedBy: "```swift\n").dropFirst().first?
            .components(separatedBy: "```").first
        #expect(block == example)
    }

    @Test func theExampleWritesTheReportAndItsErrorsCarryMessageAndExitCode() async throws {
        let out = try TemporaryFolder.make().appendingPathComponent("out")
        #expect(await writeReport(spec: TestPaths.finalReportSpec, to: out) == 0)
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("Bericht.md").path))

        let missing = out.appendingPathComponent("nosuch.yaml")
        #expect(await writeReport(spec: missing, to: out) == 2, "a missing spec is a usage error")
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("Bericht.md").path), "the previous output stays")
    }
}
