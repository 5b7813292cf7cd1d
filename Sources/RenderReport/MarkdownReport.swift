import Aggregate
import Formatting
import Foundation
import Normalise
import ReportSpec

/// The final report: the spec's template rendered with the report context.
package enum MarkdownReport {
    package struct Rendered: Sendable {
        package let text: String
        /// The context it was rendered from (for `report-context.json`).
        package let context: TemplateValue
        /// Sentences the rendered-text check questions although the template passed its
        /// shape check: the data's own words did it (for the editor's checklist).
        package let proseFindings: [ProseFinding]
        let unit: GermanNoun
        let population: Int
        /// How often each sentence frame recurs (`RepeatedFrames`); counted on demand, by the
        /// editor's checklist beside the other writers, not before the report is written.
        package var frames: RepeatedFrames { RepeatedFrames(text: text, unit: unit, population: population) }
    }

    /// Fails on a template defect (syntax, an unknown placeholder, a prose rule some data
    /// could break), never on the values in the data.
    package static func render(templateURL: URL, model: ReportModel, data: NormalisedData) throws(TemplateError) -> Rendered {
        let file = templateURL.lastPathComponent
        guard let source = try? String(contentsOf: templateURL, encoding: .utf8) else {
            throw TemplateError(file: file, line: 0, message: "cannot read the template (expected UTF-8 text)")
        }
        let template = try Template(source, file: file)
        let rules = ProseRules(unit: model.spec.unit, population: model.regionCount)
        try template.checkProse(rules)
        var builder = ReportContext(model: model, data: data)
        var context = builder.build()
        var (text, findings) = try template.render(context, rules: rules)
        // A revision whose footnote the template did not print (its sentence was left out,
        // or the template has no place for it) is stated in the data chapter instead: the
        // second rendering lists it there.
        let missing = (model.revisions?.revisions ?? []).filter { revision in
            !text.contains(
                TextEscaping.markdownInline(
                    ReportContext.revisionText(
                        revision, publication: model.revisions?.publication ?? "",
                        catalogue: model.catalogue)))
        }
        if !missing.isEmpty {
            builder.unfootnoted = missing
            context = builder.build()
            (text, findings) = try template.render(context, rules: rules)
        }
        let merged = mergingAdjacentNotes(text)
        return Rendered(text: merged, context: context, proseFindings: findings, unit: model.spec.unit, population: model.regionCount)
    }

    /// pandoc reads two inline notes written back to back (`^[a]^[b]`) as a superscript and
    /// prints them as raw text in every format; adjacent notes become one (`^[a b]`). The
    /// notes' own text is escaped, so an unescaped `]^[` can only be such a seam.
    static func mergingAdjacentNotes(_ text: String) -> String {
        text.contains("]^[") ? text.replacingOccurrences(of: "]^[", with: " ") : text
    }
}
