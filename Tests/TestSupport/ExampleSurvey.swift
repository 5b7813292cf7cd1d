import Foundation

/// The shipped example surveys (examples/kommunen-2023, examples/landkreise-2024).
package enum ExampleSurvey {
    package static let spec = TestPaths.repository.appendingPathComponent("examples/kommunen-2023/bericht.yaml")
    package static let data = TestPaths.repository.appendingPathComponent("examples/kommunen-2023/data")
    /// The third example: Landkreise, a scale with a middle, a filter chain.
    package static let landkreiseSpec = TestPaths.repository.appendingPathComponent("examples/landkreise-2024/bericht.yaml")
    package static let landkreiseData = TestPaths.repository.appendingPathComponent("examples/landkreise-2024/data")
}
