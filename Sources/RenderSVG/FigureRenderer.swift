import Aggregate
import ReportSpec

/// Draws a figure's series as an SVG document (pure Swift, no dependencies).
package struct FigureRenderer: Sendable {
    package let style: ChartStyle

    package init(style: ChartStyle = .report) {
        self.style = style
    }

    package func svg(_ figure: FigureSeries, context: FigureContext) -> String {
        switch figure.kind {
        case .status: return StatusChart(figure: figure, context: context, style: style).svg()
        case .options: return OptionsChart(figure: figure, context: context, style: style).svg()
        }
    }
}
