import Aggregate
import Formatting
import Foundation
import RenderReport

/// `redaktion.md`: what the editor must re-read before the report goes out. Written only
/// when there is something:
/// - the institute's assessments that the data no longer support, each with its spec line,
///   the facts it was written against and the facts now (the report leaves them out until
///   they are checked and dated anew in the spec);
/// - sentences that break a prose rule only through the data's own words (a catalogue title
///   with a number in it), with the template line: the template itself passed its check;
/// - sentence frames used more often than a reader tolerates (`RepeatedFrames`);
/// - free-text answers that read as sentences and that the coding table does not code.
struct EditorChecklistOutput: OutputWriter {
    static let file = "redaktion.md"
    let stale: [AssessmentCheck]
    let prose: [ProseFinding]
    /// The report whose sentence frames are counted when the checklist is written.
    var report: MarkdownReport.Rendered?
    /// Item id and answer text.
    var uncoded: [(item: String, text: String)] = []
    var codingFile: String = ""
    let specFile: String
    /// The report template, to point at the text each assessment guards.
    var template: URL?

    var name: String { "editor's checklist" }

    func write(into folder: AtomicOutputDirectory) async throws -> WrittenOutput {
        let frames = report?.frames.overBudget ?? []
        // Nothing to re-read: no file.
        guard !stale.isEmpty || !prose.isEmpty || !frames.isEmpty || !uncoded.isEmpty else { return WrittenOutput(files: []) }
        try folder.write(text(frames: frames), to: Self.file)
        return WrittenOutput(files: [Self.file])
    }

    func text(frames: [RepeatedFrames.Frame]) -> String {
        let md = { (text: String) in TextEscaping.markdownInline(text) }
        var text = "# Vor der Veröffentlichung zu prüfen\n"
        if !stale.isEmpty {
            text += "\n## Einschätzungen\n\n"
            text +=
                "Diese Einschätzungen des Instituts passen nicht mehr zu den Daten. Der Bericht lässt sie weg, "
                + "bis sie geprüft sind. Trifft eine weiter zu, in der Spezifikation (`assessments`) `year` (und `change`) "
                + "auf das neue Jahr setzen; trifft sie nicht mehr zu, den Text in der Vorlage neu schreiben und den Eintrag "
                + "in `assessments` anpassen oder löschen.\n\n"
            let places = template.map(Self.assessmentPlaces) ?? [:]
            for check in stale {
                text += "- **\(md(check.assessment.name))** (\(md(specFile)), Zeile \(check.assessment.line))\n"
                for place in places[check.assessment.name] ?? [] {
                    text += "  - Text: \(md(place.file)), Zeile \(place.line): „\(md(place.excerpt))“\n"
                }
                text += "  - geschrieben für: \(md(check.written))\n"
                text += "  - jetzt: \(md(check.found))\n"
            }
        }
        if !prose.isEmpty {
            text += "\n## Sätze\n\n"
            text +=
                "In diesen Sätzen stehen durch Wörter aus den Daten (etwa einen Titel aus dem Katalog) Zahlen am "
                + "Satzanfang oder nebeneinander. Die Vorlage selbst ist geprüft; bitte den Satz lesen und, wenn nötig, "
                + "den Text im Katalog oder die Vorlage anpassen.\n\n"
            for finding in prose {
                text += "- \(md(finding.file)), Zeile \(finding.line): „\(md(finding.excerpt))“\n"
            }
        }
        if !frames.isEmpty {
            text += "\n## Wiederholte Satzmuster\n\n"
            text +=
                "Diese Muster stehen öfter als \(RepeatedFrames.budget)-mal im Bericht; so oft wiederholt, liest sich "
                + "der Text wie ausgefüllt. Bitte einige der Sätze in der Vorlage anders bauen.\n\n"
            for frame in frames {
                text += "- „\(md(frame.name))“: \(frame.count)-mal, Zeilen " + frame.lines.map(String.init).joined(separator: ", ") + "\n"
            }
        }
        if !uncoded.isEmpty {
            text += "\n## Freitext\n\n"
            let table = codingFile.isEmpty ? "Kodiertabelle (Spezifikation: `coding`)" : "Kodiertabelle „" + md(codingFile) + "“"
            text +=
                "Diese Antworten sind ganze Sätze und werden deshalb als Kategorie gezählt und zitiert. Bitte in der "
                + table + " einer Kategorie zuordnen (Spalten item, answer, category).\n\n"
            for answer in uncoded {
                text += "- \(md(answer.item)): „\(md(answer.text))“\n"
            }
        }
        return text
    }

    /// Where the template prints each assessment (`{{#assessment.NAME}}`), with the start
    /// of its text (placeholders left out), so the editor finds the words to re-read.
    static func assessmentPlaces(_ template: URL) -> [String: [(file: String, line: Int, excerpt: String)]] {
        guard let source = try? String(contentsOf: template, encoding: .utf8) else { return [:] }
        var places: [String: [(file: String, line: Int, excerpt: String)]] = [:]
        var rest = Substring(source)
        while let open = rest.range(of: "{{#assessment.") {
            let afterOpen = rest[open.upperBound...]
            guard let close = afterOpen.range(of: "}}") else { break }
            let name = String(afterOpen[..<close.lowerBound])
            let body = afterOpen[close.upperBound...]
            let end = body.range(of: "{{/assessment.\(name)}}")?.lowerBound ?? body.endIndex
            let line = source[..<open.lowerBound].reduce(1) { $1 == "\n" ? $0 + 1 : $0 }
            // Prose only: no fenced-div lines, heading marks or attributes, placeholders as "…".
            let prose = body[..<end].split(separator: "\n").filter { !$0.hasPrefix(":::") }.joined(separator: " ")
                .replacing(/\{#[^}]*\}/, with: "").replacing("**", with: "")
                // The spec's own texts are named, so the editor knows where to look.
                .replacing(/\{\{\{?\s*(texts\.[A-Za-z_]+)\s*\}\}\}?/) { "[Spezifikation: \($0.1)]" }
                .replacing(/\{\{[^}]*\}\}\}?/, with: "…")
                .replacing(/(^|\s)#+\s/, with: " ").replacing(/(…\s*)+/, with: "… ").replacing(/\s+/, with: " ")
                .trimmingCharacters(in: .whitespaces)
            let excerpt = prose.count > 120 ? String(prose.prefix(120)) + " …" : prose
            if !excerpt.isEmpty { places[name, default: []].append((template.lastPathComponent, line, excerpt)) }
            rest = body[end...]
        }
        return places
    }

}
