import Aggregate
import Foundation
import Normalise

/// The final report: the spec's template rendered with the report context.
package enum MarkdownReport {
    /// The report text and the context it was rendered from (for `report-context.json`).
    package static func render(templateURL: URL, model: ReportModel,
                              data: NormalisedData) throws(Template.Error) -> (text: String, context: TemplateValue) {
        let file = templateURL.lastPathComponent
        guard let source = try? String(contentsOf: templateURL, encoding: .utf8) else {
            throw Template.Error(file: file, line: 0, message: "cannot read the template (expected UTF-8 text)")
        }
        let template = try Template(source, file: file)
        let context = ReportContext(model: model, data: data).build()
        let rules = ProseRules(unit: model.spec.unit, population: model.regionCount)
        return (try template.render(context, rules: rules), context)
    }
}
