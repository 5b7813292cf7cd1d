import Formatting
import Normalise
import ReportSpec

/// Whether an institute assessment still rests on the data: the latest wave is the year it
/// was written for, and its item moved as it says. A stale assessment is left out of the
/// report (the template prints it inside `{{#assessment.NAME}}`) and listed for the editor
/// with the facts it was written against and the facts now, so next year's report stays
/// true without anyone re-reading every sentence.
package struct AssessmentCheck: Sendable, Hashable {
    package let assessment: ReportSpec.Assessment
    package let holds: Bool
    /// What it was written against, in German: "2021; III.05 „…“: „ja“ gesunken".
    package let written: String
    /// What the data show now, in the same terms.
    package let found: String
}

extension ReportModel {
    /// Every assessment of the spec checked against this model, in spec order.
    package var assessmentChecks: [AssessmentCheck] { spec.assessments.map(check) }

    private func check(_ assessment: ReportSpec.Assessment) -> AssessmentCheck {
        var written: [String] = [String(assessment.year)]
        var found: [String] = [String(lastYear)]
        var holds = assessment.year == lastYear
        if let id = assessment.item, let change = assessment.change, let item = catalogue.item(id) {
            let lead = catalogue.answerCategories(of: item.type).first ?? ""
            let label = "\(id) „\(item.shortTitle)“"
            written.append(label + ": " + Self.describe(change, lead: lead))
            let previous: Int? = years.last { $0 < lastYear }
            var comparison: WaveComparison?
            if let previous { comparison = self.comparison(of: id, category: lead, from: previous, to: lastYear) }
            let largest: String? = analysis.latestChanges.first?.itemID
            var now: ReportSpec.Assessment.Change?
            if let comparison {
                if change == .largest, largest == id {
                    now = .largest
                } else {
                    now = comparison.difference > 0 ? .up : comparison.difference < 0 ? .down : .same
                }
            }
            if let comparison, let previous {
                var text = "\(label): „\(lead)“ \(previous) \(comparison.before), \(lastYear) \(comparison.now)"
                if comparison.matched { text += " (\(spec.unit.plural), die in beiden Wellen geantwortet haben)" }
                if change == .largest {
                    text += "; größte Veränderung: " + (largest.map { id in "\(id) „\(catalogue.item(id)?.shortTitle ?? id)“" } ?? "keine")
                }
                found.append(text)
            } else {
                found.append("\(label): im Vorjahr oder \(lastYear) nicht erhoben")
            }
            holds = holds && now == change
        }
        return AssessmentCheck(
            assessment: assessment, holds: holds, written: written.joined(separator: "; "),
            found: found.joined(separator: "; "))
    }

    private static func describe(_ change: ReportSpec.Assessment.Change, lead: String) -> String {
        switch change {
        case .up: return "„\(lead)“ gestiegen"
        case .down: return "„\(lead)“ gesunken"
        case .same: return "„\(lead)“ unverändert"
        case .largest: return "größte Veränderung gegenüber dem Vorjahr"
        }
    }
}
