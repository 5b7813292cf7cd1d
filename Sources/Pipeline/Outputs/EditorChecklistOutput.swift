import Aggregate
import Formatting

/// `redaktion.md`: the institute's assessments that the data no longer support, for the
/// editor. Written only when there is one: each with its spec line, the facts it was
/// written against and the facts now. The report leaves them out until the institute has
/// checked them and dated them anew in the spec.
struct EditorChecklistOutput: OutputWriter {
    static let file = "redaktion.md"
    let stale: [AssessmentCheck]
    let specFile: String

    var name: String { "editor's checklist" }

    func write(into folder: AtomicOutputDirectory) async throws -> WrittenOutput {
        let md = TextEscaping.markdownInline
        var text = "# Zu prüfende Einschätzungen\n\n"
        text += "Diese Einschätzungen des Instituts passen nicht mehr zu den Daten. Der Bericht lässt sie weg, "
            + "bis sie geprüft und in der Spezifikation (`assessments`) neu datiert sind.\n\n"
        for check in stale {
            text += "- **\(md(check.assessment.name))** (\(md(specFile)), Zeile \(check.assessment.line))\n"
            text += "  - geschrieben für: \(md(check.written))\n"
            text += "  - jetzt: \(md(check.found))\n"
        }
        try folder.write(text, to: Self.file)
        return WrittenOutput(files: [Self.file])
    }
}
