import Foundation
import SystemInterface

/// `Bericht.pdf`, printed from the same HTML as the web page by WeasyPrint.
///
/// Why WeasyPrint and not headless Chromium (both measured on this report, see README):
/// WeasyPrint implements CSS Paged Media, so the contents get their page numbers in one pass
/// (`target-counter()`), and its PDF/UA-1 variant writes the structure tree, alternative
/// text on figures, tagged links and the PDF/UA identification in the XMP metadata.
/// Chromium's PDF is tagged too, but without figure alt text, link descriptions or the
/// identification, and without `target-counter()` the contents would need a second print.
///
/// The engine is a Python library; a small driver starts it at the beginning of the run, so
/// that Python, WeasyPrint and the fonts load while Swift and pandoc make the HTML, which is
/// then handed over on standard input. An empty input means "cancelled": it writes nothing.
/// The page is self-contained, so the engine gets no base URL: nothing can resolve to the
/// staging folder's temporary path.
struct PDFPublisher {
    /// In a virtual environment: Debian's Python refuses a system-wide `pip install` (PEP 668),
    /// and Debian's own WeasyPrint is older than the minimum.
    static let install =
        "python3 -m venv ~/.local/share/weasyprint && ~/.local/share/weasyprint/bin/pip install 'weasyprint>=66,<71'"
        + " && export MONITORING_PYTHON=~/.local/share/weasyprint/bin/python   # Debian: sudo apt-get install python3-venv libpango-1.0-0 libpangoft2-1.0-0 first"
    /// The oldest WeasyPrint whose PDF/UA-1 output the house style is made for.
    static let minimumMajorVersion = 66
    /// WeasyPrint's exit code in the driver for "not installed or too old".
    static let missingStatus: Int32 = 3

    /// The garbage collector is off (the process is short-lived; it saves a tenth of the
    /// time) and the process ends with `os._exit`, skipping the tear-down of the document.
    static let driver = """
        import gc, os, sys
        gc.disable()
        try:
            import weasyprint
        except Exception as error:
            sys.stderr.write("cannot import weasyprint: %s\\n" % error)
            sys.exit(3)
        if int(weasyprint.__version__.split(".")[0]) < \(minimumMajorVersion):
            sys.stderr.write("WeasyPrint %s is too old; \(minimumMajorVersion) or newer is needed\\n" % weasyprint.__version__)
            sys.exit(3)
        weasyprint.HTML(string='<html lang="de"><body><p>Ä</p></body></html>').render()
        html = sys.stdin.buffer.read()
        if not html:
            sys.exit(0)
        document = weasyprint.HTML(string=html.decode("utf-8")).render()
        document.write_pdf(sys.argv[1], pdf_variant="pdf/ua-1")
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(0)
        """

    let output: URL
    let python: String

    /// Starts the engine; it waits for the HTML on standard input.
    func start(environment: [String: String]) throws(PublishError) -> Subprocess {
        do {
            return try Subprocess(
                python, ["-c", Self.driver, output.path],
                environment: environment, input: true)
        } catch {
            throw .missingTool(format: "pdf", tool: "python3 with WeasyPrint", install: Self.install)
        }
    }

    static func finish(_ engine: Subprocess, html: String) throws(PublishError) {
        engine.send(Data(html.utf8))
        let outcome = engine.wait()
        if outcome.status == missingStatus {
            throw .missingTool(format: "pdf", tool: "WeasyPrint (\(PublishError.tail(outcome.stderr, lines: 1)))", install: install)
        }
        guard outcome.status == 0 else {
            throw .toolFailed(format: "pdf", tool: "WeasyPrint", status: outcome.status, detail: PublishError.tail(outcome.stderr))
        }
    }
}
