import Aggregate
import Foundation
import ReportSpec
import SystemInterface

/// Writes the publication formats of a report (HTML, PDF, DOCX) from its Markdown, side by
/// side: pandoc for the HTML and the DOCX, WeasyPrint for the PDF, each a child process.
///
/// Use: `start` right before `publish` (the PDF engine loads while pandoc writes the HTML),
/// `publish` once the Markdown and the figures exist, `cancel` if the run fails before that. A format whose
/// tool is not installed is skipped and reported; a tool that fails fails the run.
package final class Publisher: @unchecked Sendable {
    /// What `publish` wrote and what it had to skip.
    package struct Result: Sendable {
        /// Output paths relative to the folder (`Bericht.html`, …).
        package let files: [String]
        /// One `.missingTool` per format that was not written.
        package let skipped: [PublishError]
    }

    package static let htmlFile = OutputLayout.report(.html)
    package static let pdfFile = OutputLayout.report(.pdf)
    package static let docxFile = OutputLayout.report(.docx)

    private let formats: Set<OutputFormat>
    private let style: PublicationStyle?
    private let folder: URL
    private let created: Int?
    /// Set by `start`, ended by `cancel`, which may come from another thread (a task's
    /// cancellation handler): guarded by `lock`.
    private var runningEngine: Subprocess?
    private var engineError: PublishError?
    private let lock = NSLock()
    private var engine: Subprocess? {
        get { lock.withLock { runningEngine } }
        set { lock.withLock { runningEngine = newValue } }
    }

    /// - Parameters:
    ///   - formats: the formats asked for; `md` is the caller's and ignored here.
    ///   - style: the house style (needed for any of html, pdf, docx).
    ///   - folder: the (staging) folder the files go to.
    ///   - created: the reproducible creation time, pinned in the documents' metadata.
    package init(formats: [OutputFormat], style: PublicationStyle?, folder: URL, created: Int?) {
        self.formats = Set(formats)
        self.style = style
        self.folder = folder
        self.created = created
    }

    /// Whether anything is to be published besides the Markdown.
    package var isEmpty: Bool { formats.subtracting([.md]).isEmpty }

    /// Starts the PDF engine so that it loads while the rest of the report is made.
    package func start() {
        guard formats.contains(.pdf) else { return }
        let python = ProcessInfo.processInfo.environment["MONITORING_PYTHON"] ?? "python3"
        do {
            engine = try PDFPublisher(output: folder.appendingPathComponent(Self.pdfFile), python: python)
                .start(environment: environment)
        } catch {
            engineError = error
        }
    }

    /// Ends the PDF engine without output (the run failed elsewhere).
    package func cancel() {
        let running = lock.withLock {
            defer { runningEngine = nil }
            return runningEngine
        }
        running?.terminate()
    }

    /// Writes the asked formats from the report's Markdown and figures (SVG per file stem).
    package func publish(markdown: String, model: ReportModel, svgs: [String: String]) throws(PublishError) -> Result {
        defer { cancel() }
        guard !isEmpty else { return Result(files: [], skipped: []) }
        guard let style else { throw .style(file: model.spec.file, problem: "no 'style' folder for html, pdf, docx") }
        var files: [String] = []
        var skipped: [PublishError] = []
        /// Runs one format's step; a missing tool skips the format, any other error fails the run.
        func attempt(_ body: () throws(PublishError) -> Void) throws(PublishError) {
            do { try body() } catch  where error.isMissingTool { skipped.append(error) }
        }
        // pandoc's HTML comes first: the PDF engine (loading on one core since `start`) waits
        // for it, and the DOCX started now would only compete with it for the other core.
        var html: (screen: String, print: String)?
        if formats.contains(.html) || formats.contains(.pdf) {
            let publisher = HTMLPublisher(style: style, model: model, svgs: svgs, created: created.map(Self.iso))
            try attempt { () throws(PublishError) in html = try publisher.finish(try publisher.start(markdown: markdown)) }
        }
        var docx: Subprocess?
        let figures = FigureFolder(svgs: svgs)
        defer { figures.remove() }
        if formats.contains(.docx) {
            try attempt { () throws(PublishError) in
                docx = try DOCXPublisher(
                    style: style, output: folder.appendingPathComponent(Self.docxFile),
                    resources: try figures.create(),
                    authors: [model.spec.author, model.spec.institution].filter { !$0.isEmpty }
                )
                .start(markdown: markdown, environment: environment)
            }
        }
        if let html, formats.contains(.html) {
            try write(html.screen, to: Self.htmlFile)
            files.append(Self.htmlFile)
        }
        if formats.contains(.pdf) {
            if let engineError {
                skipped.append(engineError)
            } else if let html, let engine {
                try attempt { () throws(PublishError) in
                    try PDFPublisher.finish(engine, html: html.print)
                    files.append(Self.pdfFile)
                }
            } else {
                skipped.append(.missingTool(format: "pdf", tool: "pandoc (for the HTML it prints)", install: HTMLPublisher.install))
            }
        }
        if let docx {
            try DOCXPublisher.finish(docx)
            files.append(Self.docxFile)
        }
        return Result(files: files, skipped: skipped)
    }

    private func write(_ text: String, to name: String) throws(PublishError) {
        let path = folder.appendingPathComponent(name).path
        if let failure = FileDescriptorWriter.write(Data(text.utf8), toFile: path) {
            throw .write(file: path, reason: String(cString: strerror(failure)))
        }
    }

    /// `SOURCE_DATE_EPOCH` for the tools that honour it (pandoc's DOCX dates and zip times).
    private var environment: [String: String] {
        guard let created else { return [:] }
        return ["SOURCE_DATE_EPOCH": String(created)]
    }

    static func iso(_ seconds: Int) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: Date(timeIntervalSince1970: TimeInterval(seconds)))
    }
}
