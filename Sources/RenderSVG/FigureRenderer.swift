import Aggregate

/// Draws a figure's series as an SVG document (pure Swift, no dependencies).
public struct FigureRenderer: Sendable {
    public let style: ChartStyle

    public init(style: ChartStyle = .report) {
        self.style = style
    }

    public func svg(_ figure: FigureSeries, context: FigureContext) -> String {
        switch figure.kind {
        case .status: return StatusChart(figure: figure, context: context, style: style).svg()
        case .options: return OptionsChart(figure: figure, context: context, style: style).svg()
        }
    }
}
