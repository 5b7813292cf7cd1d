import Aggregate
import Formatting
import Foundation
import ReportSpec
import SystemInterface

/// `Bericht.html`: pandoc turns the report's Markdown into HTML through the house style's
/// template; this type then makes the page self-contained and accessible: the stylesheet
/// inline, every figure as a data URI with its id on the `<figure>`, the figure's numbers as
/// a collapsed table beneath it, ids on the report's tables and `scope` on header cells.
/// The result depends only on its inputs (byte-identical for the same data).
struct HTMLPublisher {
    let style: PublicationStyle
    let model: ReportModel
    /// SVG text per figure file stem (`abb01`), as written to `abbildungen/`.
    let svgs: [String: String]
    /// Creation time for the page's metadata (ISO 8601), nil = none.
    let created: String?

    static let install = "sudo apt-get install pandoc   # Debian/Ubuntu"
    /// The heading of the endnotes (pandoc writes them without one).
    static let endnotesHeading = "Anmerkungen"

    /// Starts pandoc on the Markdown; `finish` turns its output into the page.
    func start(markdown: String) throws(PublishError) -> Subprocess {
        var arguments = [
            "--from=markdown", "--to=html5", "--standalone", "--template=\(style.htmlTemplate.path)",
            "--toc", "--toc-depth=2", "--number-sections", "--section-divs", "--wrap=none",
            "--variable=institution:\(model.spec.institution)", "--variable=source:\(model.sourceLine)",
        ]
        if let created { arguments.append("--variable=created:\(created)") }
        do {
            let process = try Subprocess("pandoc", arguments, input: true)
            process.send(Data(markdown.utf8))
            return process
        } catch {
            throw .missingTool(format: "html", tool: "pandoc", install: Self.install)
        }
    }

    /// The page for the screen, and the same page for print without the figures' data
    /// tables (print hides them; leaving them out spares the PDF engine a fifth of its work).
    func finish(_ pandoc: Subprocess) throws(PublishError) -> (screen: String, print: String) {
        let outcome = pandoc.wait()
        guard outcome.status == 0 else {
            throw .toolFailed(format: "html", tool: "pandoc", status: outcome.status, detail: PublishError.tail(outcome.stderr))
        }
        return (try page(from: outcome.stdout), try page(from: outcome.stdout, dataTables: false))
    }

    /// The post-processing of pandoc's page (separate from running pandoc, for tests).
    func page(from pandocHTML: String, dataTables: Bool = true) throws(PublishError) -> String {
        var html = pandocHTML
        guard let head = html.range(of: "</head>") else { throw .unexpectedHTML("</head>") }
        html.replaceSubrange(head, with: "<style>\n\(style.stylesheet)</style>\n</head>")
        // Header cells of pandoc's tables: the first row of each table heads its column.
        html = html.replacingOccurrences(of: "<th style=", with: "<th scope=\"col\" style=")
            .replacingOccurrences(of: "<th>", with: "<th scope=\"col\">")
        for table in model.tables {
            let anchor = table.anchor
            // A table laid out at full width carries pandoc's `style="width:100%;"`.
            let marker = "<p><span id=\"\(anchor)\"></span></p>\n<table>\n<caption>"
            let wide = "<p><span id=\"\(anchor)\"></span></p>\n<table style=\"width:100%;\">\n<caption>"
            guard let range = html.range(of: marker) ?? html.range(of: wide),
                let close = html.range(of: "</table>", range: range.upperBound..<html.endIndex)
            else { throw .unexpectedHTML("table \(anchor)") }
            html.replaceSubrange(close, with: "</table>\n</div>")
            html.replaceSubrange(
                range,
                with: Self.scrollFrame(labelledBy: "\(anchor)-titel")
                    + "<table id=\"\(anchor)\">\n<caption id=\"\(anchor)-titel\">")
        }
        for figure in model.figures { try embed(figure, in: &html, dataTable: dataTables) }
        // pandoc 2.17 puts role="doc-endnote" on the footnotes' <li>, which takes them out of
        // their list for assistive technology (axe: "list"); the <section> keeps its role.
        html = html.replacingOccurrences(of: " role=\"doc-endnote\"", with: "")
        // The endnotes get a heading, so that they appear in the outline and can be found,
        // and a line in the contents (pandoc's contents do not know them).
        if html.contains("role=\"doc-endnotes\">\n<hr />") {
            html = html.replacingOccurrences(
                of: "role=\"doc-endnotes\">\n<hr />",
                with: "role=\"doc-endnotes\">\n<h1 class=\"unnumbered\" id=\"anmerkungen\">\(Self.endnotesHeading)</h1>")
            if let nav = html.range(of: "<nav class=\"inhalt\""), let end = html.range(of: "</ul>\n</nav>", range: nav.upperBound..<html.endIndex) {
                html.replaceSubrange(end, with: "<li><a href=\"#anmerkungen\">\(Self.endnotesHeading)</a></li>\n</ul>\n</nav>")
            }
        }
        return html
    }

    /// `<figure><img src="abbildungen/abb01.svg" id="abb-01" …>…</figure>` becomes
    /// `<figure id="abb-01"><img src="data:…" …>…</figure>` followed by the data table.
    private func embed(_ figure: FigureSeries, in html: inout String, dataTable: Bool) throws(PublishError) {
        let anchor = figure.anchor
        let image = "<img src=\"\(OutputLayout.figure(figure.fileStem))\" id=\"\(anchor)\""
        guard let svg = svgs[figure.fileStem], let imageRange = html.range(of: image),
            let open = html.range(of: "<figure>", options: .backwards, range: html.startIndex..<imageRange.lowerBound),
            let close = html.range(of: "</figure>", range: imageRange.upperBound..<html.endIndex)
        else { throw .unexpectedHTML("figure \(anchor)") }
        let table = dataTable ? FigureDataTable.html(figure, anchor: anchor, unitPlural: model.spec.unitPlural) : ""
        let dataURI = "data:image/svg+xml;base64," + Data(svg.utf8).base64EncodedString()
        // German reports put the caption above the figure and the source below it (the
        // chart draws its source line): the caption moves before the image, in reading
        // order as on the page.
        var caption = ""
        if let start = html.range(of: "<figcaption>", range: imageRange.upperBound..<close.lowerBound),
            let end = html.range(of: "</figcaption>", range: start.upperBound..<close.lowerBound)
        {
            caption = String(html[start.lowerBound..<end.upperBound]) + "\n"
            var removal = start.lowerBound..<end.upperBound
            if html[end.upperBound...].hasPrefix("\n") { removal = start.lowerBound..<html.index(after: end.upperBound) }
            html.replaceSubrange(close, with: "</figure>\n" + table)
            html.removeSubrange(removal)
        } else {
            html.replaceSubrange(close, with: "</figure>\n" + table)
        }
        html.replaceSubrange(imageRange, with: "<img src=\"\(dataURI)\"")
        html.replaceSubrange(open, with: "<figure id=\"\(anchor)\">\n" + caption)
    }

    /// Wide tables scroll inside their own frame on a phone instead of widening the page
    /// (WCAG 1.4.10); the frame is a labelled region that the keyboard can reach and scroll.
    static func scrollFrame(labelledBy id: String) -> String {
        "<div class=\"tabellenrahmen\" role=\"region\" tabindex=\"0\" aria-labelledby=\"\(id)\">\n"
    }
}
