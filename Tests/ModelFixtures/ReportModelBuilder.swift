import Aggregate
import Foundation
import Normalise
import ReportSpec
import TestSupport

/// Spec → data → model the way the pipeline does it, without the `Pipeline` module, so each
/// stage's test target depends on its own module only.
package enum ReportModelBuilder {
    /// Throws the stage's own error: `SpecErrors` or `DataProblems`.
    package static func build(spec: URL = TestPaths.finalReportSpec, data: URL? = TestPaths.data) throws -> (model: ReportModel, data: NormalisedData)
    {
        let spec = try ReportSpecReader().read(spec)
        let normalised = try DataFolder(url: data ?? spec.dataFolder).normalise()
        let errors = ReportSpecReader().validate(spec, against: normalised.catalogue)
        guard errors.isEmpty else { throw SpecErrors(errors) }
        return (Aggregator(data: normalised, spec: spec).model(), normalised)
    }

    /// The shipped final report's model, built once.
    package static let shipped: (model: ReportModel, data: NormalisedData)? = try? build()
}
