import Foundation
import FuzzTargets
import TestSupport
import Testing

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

    /// Each input is read to its end without a crash (the deflate stream that never ends
    /// hung ZIPFoundation's reader forever; the project no longer uses it). How fast is
    /// `make fuzz`'s business: it replays these inputs with libFuzzer's per-input budget
    /// first. Here a hang fails the run through CI's time-out, not through a clock.
    @Test(arguments: inputs)
    func inputIsHandled(_ name: String) throws {
        let data = try Data(contentsOf: TestPaths.fixtures.appendingPathComponent(name))
        FuzzIngest.run([UInt8](data))
    }
}
