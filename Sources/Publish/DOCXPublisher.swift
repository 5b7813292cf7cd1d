import Foundation
import SystemInterface

/// `Bericht.docx` for the institute's editors: pandoc with the house style's reference
/// document, so headings are Word's Heading 1–3 (numbered 1, 1.1, 1.1.1), captions use the
/// caption styles, tables are Word tables and Word's own contents field is in place.
/// pandoc adds a PNG beside each SVG figure (through rsvg-convert), so older Word versions
/// and LibreOffice show the figures too.
struct DOCXPublisher {
    let style: PublicationStyle
    let output: URL
    /// Where the figures referenced by the Markdown (`abbildungen/…`) are.
    let resources: URL
    /// The report's author and the institution: Word's title block has no line of its own
    /// for the institution (the HTML and PDF title pages have), so both are authors here.
    var authors: [String] = []

    func start(markdown: String, environment: [String: String]) throws(PublishError) -> Subprocess {
        let arguments =
            [
                "--from=markdown", "--to=docx", "--reference-doc=\(style.referenceDocument.path)",
                "--number-sections", "--toc", "--toc-depth=2", "--metadata=toc-title:Inhalt",
                // Every table counts as wide, so Word sets it at the text width with
                // the columns the Markdown's separator lines give (not 4 × 3.5 cm).
                "--columns=30",
                "--resource-path=\(resources.path)", "--output=\(output.path)",
            ]
            + authors.map { "--metadata=author:\($0)" }
        do {
            let process = try Subprocess("pandoc", arguments, environment: environment, input: true)
            process.send(Data(markdown.utf8))
            return process
        } catch {
            throw .missingTool(format: "docx", tool: "pandoc", install: HTMLPublisher.install)
        }
    }

    static func finish(_ pandoc: Subprocess) throws(PublishError) {
        let outcome = pandoc.wait()
        guard outcome.status == 0 else {
            throw .toolFailed(format: "docx", tool: "pandoc", status: outcome.status, detail: PublishError.tail(outcome.stderr))
        }
    }
}
