import Aggregate
import Foundation
import Normalise

/// The final report: the spec's template rendered with the report context.
public enum MarkdownReport {
    public static func render(templateURL: URL, model: ReportModel, data: NormalisedData) -> Result<String, Template.Error> {
        let file = templateURL.lastPathComponent
        guard let source = try? String(contentsOf: templateURL, encoding: .utf8) else {
            return .failure(Template.Error(file: file, line: 0, message: "cannot read the template (expected UTF-8 text)"))
        }
        do {
            let template = try Template(source, file: file)
            return .success(try template.render(ReportContext(model: model, data: data).build()))
        } catch {
            return .failure(error)
        }
    }
}
