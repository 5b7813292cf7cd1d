import Foundation
import SystemInterface
import TestSupport
import Testing

/// `monitoring --version`: the version from the one `VERSION` file and the commit — from
/// the line `make dist` adds in an installed tree, from `.git` in a checkout.
@Suite struct VersionTests {
    @Test func anInstalledTreeNamesTheVersionAndCommitMakeDistWrote() throws {
        let root = try TemporaryFolder.make()
        let share = root.appendingPathComponent("usr/share/monitoring")
        try FileManager.default.createDirectory(at: share, withIntermediateDirectories: true)
        try Data("2.3.4\ncommit abcdef1\n".utf8).write(to: share.appendingPathComponent("VERSION"))
        let files = SharedFiles(executable: root.appendingPathComponent("usr/bin/monitoring"), buildCheckout: nil)
        #expect(files.versionLine() == "2.3.4 (commit abcdef1)")
        let nowhere = SharedFiles(executable: URL(fileURLWithPath: "/nowhere/bin/monitoring"), buildCheckout: nil)
        #expect(nowhere.versionLine().hasPrefix("unknown version"))
    }

    @Test func theCheckoutsBinaryNamesTheCheckoutsVersionAndHead() throws {
        let result = try ExternalTool.run(try #require(TestPaths.cliBinary), ["--version"])
        #expect(result.status == 0, "\(result.stderr)")
        let version =
            try String(contentsOf: TestPaths.repository.appendingPathComponent("VERSION"), encoding: .utf8)
            .split(separator: "\n").first.map(String.init) ?? ""
        #expect(result.stdout.hasPrefix(version + " (commit "), "\(result.stdout)")
        if ExternalTool.exists("git") {
            let head = try ExternalTool.run("git", ["-C", TestPaths.repository.path, "rev-parse", "--short=7", "HEAD"])
            if head.status == 0 {
                #expect(result.stdout.contains("(commit \(head.stdout.trimmingCharacters(in: .whitespacesAndNewlines)))"), "\(result.stdout)")
            }
        }
    }
}
