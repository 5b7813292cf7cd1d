import Foundation
import IngestFixtures
import SyntheticData
import SystemInterface
import TestSupport
import Testing

/// Every case of `Tests/Fixtures/bad-inputs` (made by scripts/make-bad-inputs.py from the
/// hand-over data, one defect each) through the real CLI: a clear message naming file,
/// sheet and cell, exit code 1, no crash, with bounded memory. How fast a bad input fails
/// is measured by `make bench` (section badinputs) against a good run, not by a clock here.
@Suite struct BadInputCorpusTests {
    static let corpus = TestPaths.fixtures.appendingPathComponent("bad-inputs")
    static let cases: [String] = ((try? FileManager.default.contentsOfDirectory(atPath: corpus.path)) ?? []).sorted()

    static var binary: String? { TestPaths.cliBinary }

    /// A copy of data/ with the case's files laid over it and its removals applied.
    static func dataFolder(for name: String) throws -> URL {
        let folder = try DataFolderFixture().url
        try BadInputCase(folder: corpus.appendingPathComponent(name)).apply(to: folder)
        return folder
    }

    @Test func theCorpusCoversTheListedCases() {
        #expect(Self.cases.count >= 22)
        for name in [
            "empty-file", "not-a-zip", "truncated-zip", "zip-bomb-declared-size", "zip-bomb-actual-size",
            "entity-expansion", "external-entity", "shared-string-out-of-range", "cell-reference-out-of-range",
            "cell-32000-characters", "wrong-sheet-name", "header-row-missing", "duplicated-header",
            "region-listed-twice", "unknown-region", "unknown-answer", "catalogue-duplicate-id",
            "catalogue-bezug-nowhere", "wave-file-missing", "csv-broken-quote", "csv-not-utf8",
        ] {
            #expect(Self.cases.contains(name), "\(name)")
        }
    }

    @Test(.enabled(if: binary != nil, "needs the CLI built (make test builds it)"), arguments: cases)
    func badInputFailsClearly(_ name: String) throws {
        let expected = try String(contentsOf: Self.corpus.appendingPathComponent("\(name)/expected.txt"), encoding: .utf8)
            .split(separator: "\n").map(String.init)
        #expect(!expected.isEmpty, "\(name): no expected message recorded")
        let data = try Self.dataFolder(for: name)
        let out = try TemporaryFolder.make().appendingPathComponent("out")
        let run = try ChildProcess.run(
            try #require(Self.binary),
            [
                "report", TestPaths.finalReportSpec.path,
                "--data", data.path, "--out", out.path,
            ])
        #expect(run.status == 1, "\(name): exit \(run.status)\n\(run.stderr)")
        let reported = run.stderr.split(separator: "\n").filter { $0.hasPrefix("  ") }.map { String($0.dropFirst(2)) }
        #expect(reported == expected, "\(name)")
        if !TestPaths.underSanitizer {
            // A bad file must fail small, not after reading everything into memory.
            #expect(run.peakMiB < 200, "\(name): \(run.peakMiB) MiB")
        }
        #expect(!FileManager.default.fileExists(atPath: out.path), "\(name): nothing may be written")
    }
}
