import Formatting
import Normalise

/// `intern/validierung.md`: what was read and every note, in German, for the analyst.
/// Internal: the notes name units and quote their answers.
package enum ValidationReport {
    package static let file = InternalOutputs.folder + "/validierung.md"

    package static func render(issues: [ValidationIssue], waves: [WaveSummary], answerCount: Int) -> String {
        var out = "# Validierungsbericht\n\n"
        if !waves.isEmpty {
            out += "## Gelesene Wellen\n\n| Welle | Jahr | Datei | Tabellenblatt | Regionen | Fragen | Antworten |\n"
            out += "|---:|---:|---|---|---:|---:|---:|\n"
            for wave in waves {
                out +=
                    "| \(wave.wave) | \(wave.year) | \(md(wave.file)) | \(md(wave.sheet)) | \(wave.regionCount) | "
                    + "\(wave.itemCount) | \(wave.answerCount) |\n"
            }
            out += "\nInsgesamt \(answerCount) \(answerCount == 1 ? "Antwort" : "Antworten").\n\n"
        }
        let errors = issues.filter { $0.severity == .error }
        let notes = issues.filter { $0.severity == .note }
        if !errors.isEmpty {
            out += "## Fehler (\(errors.count))\n\n" + table(errors)
        }
        out += "## Hinweise (\(notes.count))\n\n"
        out += notes.isEmpty ? "Keine Hinweise.\n" : table(notes)
        return out
    }

    private static func table(_ issues: [ValidationIssue]) -> String {
        var out = "| Ort | Frage | Region | Hinweis |\n|---|---|---|---|\n"
        for issue in issues {
            out +=
                "| \(md(issue.location?.description ?? "–")) | \(md(issue.item ?? "–")) | "
                + "\(md(issue.region ?? "–")) | \(md(issue.german)) |\n"
        }
        return out + "\n"
    }

    private static func md(_ text: String) -> String { TextEscaping.markdownInline(text) }
}
