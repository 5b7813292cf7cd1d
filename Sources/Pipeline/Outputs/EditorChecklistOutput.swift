import Aggregate
import Formatting
import RenderReport

/// `redaktion.md`: what the editor must re-read before the report goes out. Written only
/// when there is something:
/// - the institute's assessments that the data no longer support, each with its spec line,
///   the facts it was written against and the facts now (the report leaves them out until
///   they are checked and dated anew in the spec);
/// - sentences that break a prose rule only through the data's own words (a catalogue title
///   with a number in it), with the template line: the template itself passed its check.
struct EditorChecklistOutput: OutputWriter {
    static let file = "redaktion.md"
    let stale: [AssessmentCheck]
    let prose: [ProseFinding]
    let specFile: String

    var name: String { "editor's checklist" }

    func write(into folder: AtomicOutputDirectory) async throws -> WrittenOutput {
        try folder.write(text, to: Self.file)
        return WrittenOutput(files: [Self.file])
    }

    var text: String {
        let md = { (text: String) in TextEscaping.markdownInline(text) }
        var text = "# Vor der Veröffentlichung zu prüfen\n"
        if !stale.isEmpty {
            text += "\n## Einschätzungen\n\n"
            text += "Diese Einschätzungen des Instituts passen nicht mehr zu den Daten. Der Bericht lässt sie weg, "
                + "bis sie geprüft und in der Spezifikation (`assessments`) neu datiert sind.\n\n"
            for check in stale {
                text += "- **\(md(check.assessment.name))** (\(md(specFile)), Zeile \(check.assessment.line))\n"
                text += "  - geschrieben für: \(md(check.written))\n"
                text += "  - jetzt: \(md(check.found))\n"
            }
        }
        if !prose.isEmpty {
            text += "\n## Sätze\n\n"
            text += "In diesen Sätzen stehen durch Wörter aus den Daten (etwa einen Titel aus dem Katalog) Zahlen am "
                + "Satzanfang oder nebeneinander. Die Vorlage selbst ist geprüft; bitte den Satz lesen und, wenn nötig, "
                + "den Text im Katalog oder die Vorlage anpassen.\n\n"
            for finding in prose {
                text += "- \(md(finding.file)), Zeile \(finding.line): „\(md(finding.excerpt))“\n"
            }
        }
        return text
    }
}
