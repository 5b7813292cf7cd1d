import Foundation
import FuzzTargets
import Testing
import TestSupport

/// Inputs the fuzzer (make fuzz) found, kept so the fixes stay fixed; the seed corpus too.
@Suite struct FuzzRegressionTests {
    static let folders = ["fuzz-regressions", "fuzz-corpus"].map { TestPaths.fixtures.appendingPathComponent($0) }
    static let inputs: [String] = folders.flatMap { folder in
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
            .map { folder.lastPathComponent + "/" + $0 }
    }

    @Test func thereAreInputs() {
        #expect(Self.inputs.contains("fuzz-regressions/timeout-deflate-never-ends"))
    }

    /// Each input is read without a crash, and quickly (the deflate stream that never ends
    /// hung ZIPFoundation's reader forever; the project no longer uses it).
    @Test(arguments: inputs)
    func inputIsHandled(_ name: String) throws {
        let data = try Data(contentsOf: TestPaths.fixtures.appendingPathComponent(name))
        let start = Date()
        FuzzIngest.run([UInt8](data))
        #expect(Date().timeIntervalSince(start) < 2, "\(name) took too long")
    }
}
