import Aggregate
import RenderSVG
import ReportSpec

/// Every figure of the report as SVG text, in figure order. Rendered once, before the
/// outputs are written: the SVG files and the publication formats both use them.
struct RenderedFigures: Sendable {
    let svgs: [(stem: String, svg: String)]

    init(model: ReportModel) {
        let renderer = FigureRenderer()
        let context = FigureContext(model: model)
        svgs = model.figures.map { ($0.fileStem, renderer.svg($0, context: context)) }
    }

    func path(of stem: String) -> String { OutputLayout.figure(stem) }

    /// SVG text per file stem, as the publisher takes it.
    var byStem: [String: String] { Dictionary(svgs.map { ($0.stem, $0.svg) }, uniquingKeysWith: { a, _ in a }) }
}
