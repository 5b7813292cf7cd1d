/// Where each output lives, relative to the output folder: the one place for a path that
/// one module writes and another links to or reads (the Markdown's image links, the HTML's
/// embedded figures, the DOCX's resource folder, the disclosure check's internal folder).
package enum OutputLayout {
    /// The report in `format`: `Bericht.md`, `Bericht.html`, `Bericht.pdf`, `Bericht.docx`.
    package static func report(_ format: OutputFormat) -> String { "Bericht.\(format.rawValue)" }

    /// The SVG charts.
    package static let figuresFolder = "abbildungen"
    package static func figure(_ stem: String) -> String { "\(figuresFolder)/\(stem).svg" }

    /// One CSV per figure and table.
    package static let dataFolder = "daten"
    package static func data(_ stem: String) -> String { "\(dataFolder)/\(stem).csv" }

    /// Every series of every figure in one long table.
    package static let series = "series.csv"
    /// Wave-to-wave transitions of every status item.
    package static let transitions = "transitions.csv"
    /// The report model as JSON.
    package static let reportData = "report-data.json"
    /// Every value the template can use, as JSON.
    package static let reportContext = "report-context.json"

    /// What identifies units (their answers, the validation notes, the regional profiles):
    /// a folder of its own, apart from what may be published.
    package static let internalFolder = "intern"
    /// The tidy answers, one row per unit, item and wave.
    package static let responses = "\(internalFolder)/responses.csv"
}
