import Foundation
import ReportSpec
import SystemInterface

/// What `monitoring doctor` reports: the programs the publication formats are made with,
/// whether each is installed in a usable version, which formats can therefore be written,
/// and the command that installs what is missing. The Markdown, the figures and the annex
/// need none of them.
package struct PublicationEngines: Sendable {
    /// One program (or font) a format depends on.
    package struct Engine: Sendable {
        package let name: String
        /// What it is used for, in a few words.
        package let purpose: String
        /// Its version (or where it was found) when usable.
        package let found: String?
        /// Why it cannot be used; nil when it can.
        package let problem: String?
        /// The command that installs it.
        package let install: String
        /// The formats that cannot be written without it (empty: it only improves them).
        package let neededFor: [OutputFormat]

        package var isUsable: Bool { problem == nil }
    }

    package let engines: [Engine]

    /// Probes the engines as a report run would use them: `pandoc` on the `PATH`, WeasyPrint
    /// through `python` (the run's `MONITORING_PYTHON`, else `python3`).
    package static func probe(python: String = ProcessInfo.processInfo.environment["MONITORING_PYTHON"] ?? "python3") -> Self {
        PublicationEngines(engines: [pandoc(), weasyPrint(python: python), rsvgConvert(), pdftotext(), font("Liberation Sans")])
    }

    package init(engines: [Engine]) {
        self.engines = engines
    }

    /// The formats every engine they need is usable for, in the usual order.
    package var writableFormats: [OutputFormat] {
        OutputFormat.allCases.filter { format in engines.allSatisfy { $0.isUsable || !$0.neededFor.contains(format) } }
    }

    /// The install commands of what is missing, each once, in the order of `engines`.
    package var installCommands: [String] {
        engines.filter { !$0.isUsable }.map(\.install).reduce(into: []) { if !$0.contains($1) { $0.append($1) } }
    }

    /// The report, one engine per line, then the formats and the commands.
    package var report: String {
        let width = (engines.map(\.name.count).max() ?? 0) + 2
        var lines = engines.map { engine in
            let state = engine.problem.map { "missing: \($0)" } ?? "ok (\(engine.found ?? ""))"
            return engine.name.padding(toLength: width, withPad: " ", startingAt: 0) + state + " — " + engine.purpose
        }
        let writable = writableFormats
        lines.append("")
        lines.append("formats: " + OutputFormat.allCases.map { "\($0.rawValue) " + (writable.contains($0) ? "yes" : "no") }.joined(separator: ", "))
        lines.append("always written: the Markdown's figures (SVG), the data (CSV, JSON) and the Excel annex")
        if !installCommands.isEmpty {
            lines.append("")
            lines.append("to install what is missing:")
            lines += installCommands.map { "  " + $0 }
        }
        return lines.joined(separator: "\n")
    }

    // MARK: probes

    static func pandoc() -> Engine {
        let run = try? ChildProcess.run("pandoc", ["--version"])
        let version = run.flatMap { $0.status == 0 ? $0.stdout.split(separator: "\n").first.map(String.init) : nil }
        return Engine(
            name: "pandoc", purpose: "Markdown to HTML and DOCX; the PDF is printed from its HTML",
            found: version, problem: version == nil ? "not found on the PATH" : nil,
            install: HTMLPublisher.install, neededFor: [.html, .pdf, .docx])
    }

    static func weasyPrint(python: String) -> Engine {
        let script = "import weasyprint; print(weasyprint.__version__)"
        let run = try? ChildProcess.run(python, ["-c", script])
        let version = run.flatMap { $0.status == 0 ? $0.stdout.trimmingCharacters(in: .whitespacesAndNewlines) : nil }
        let problem: String?
        switch (run, version) {
        case (nil, _): problem = "\(python) not found"
        case (_, nil): problem = "\(python) cannot import weasyprint"
        case (_, let version?):
            let major = version.split(separator: ".").first.flatMap { Int($0) } ?? 0
            problem =
                major < PDFPublisher.minimumMajorVersion ? "WeasyPrint \(version) is too old (\(PDFPublisher.minimumMajorVersion) or newer)" : nil
        }
        return Engine(
            name: "WeasyPrint", purpose: "prints the tagged PDF (PDF/UA-1) through \(python)",
            found: version.map { "\($0), \(python)" }, problem: problem, install: PDFPublisher.install, neededFor: [.pdf])
    }

    static func rsvgConvert() -> Engine {
        let path = Subprocess.which("rsvg-convert")
        return Engine(
            name: "rsvg-convert", purpose: "PNG copies of the figures in the DOCX, for older Word versions",
            found: path, problem: path == nil ? "not found on the PATH (the DOCX keeps the SVG figures only)" : nil,
            install: "sudo apt-get install librsvg2-bin", neededFor: [])
    }

    /// The disclosure check reads the written PDF back through it; without it, it checks
    /// the PDF's source (the HTML) only.
    static func pdftotext() -> Engine {
        let path = Subprocess.which("pdftotext")
        return Engine(
            name: "pdftotext", purpose: "reads the PDF back for the disclosure check",
            found: path, problem: path == nil ? "not found on the PATH (the PDF's HTML is checked instead)" : nil,
            install: "sudo apt-get install poppler-utils", neededFor: [])
    }

    /// The house style's font; without it HTML and PDF fall back to another sans-serif.
    static func font(_ family: String) -> Engine {
        let run = try? ChildProcess.run("fc-list", [":", "family"])
        let installed = run.map { $0.status == 0 && $0.stdout.contains(family) } ?? false
        return Engine(
            name: family, purpose: "the house style's font in the PDF",
            found: installed ? "fontconfig" : nil,
            problem: installed ? nil : (run == nil ? "fontconfig (fc-list) not installed" : "font not installed (another sans-serif is used)"),
            install: "sudo apt-get install fonts-liberation2 fontconfig", neededFor: [])
    }
}
