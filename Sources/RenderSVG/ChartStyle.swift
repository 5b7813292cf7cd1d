/// Sizes of a figure for a report column. Units are points (1/72 inch): the SVG's viewBox
/// is in points and its width is 160 mm, so a 9-unit font prints at 9 pt.
package struct ChartStyle: Sendable {
    /// 160 mm in points.
    package var width = 453.54
    package var widthMillimetres = 160.0
    package var margin = 6.0
    package var labelSize = 9.0
    package var smallSize = 8.0
    package var titleSize = 10.5
    package var fontFamily = "Liberation Sans, Arial, Helvetica, sans-serif"
    /// Draw the caption as a title inside the figure (off: the report's caption carries it).
    package var showTitle = false

    package init(showTitle: Bool = false) {
        self.showTitle = showTitle
    }

    package static let report = ChartStyle()

    /// Line pitch for wrapped text: more than the text box (1.117 em), so lines never touch.
    func linePitch(_ size: Double) -> Double { size * 1.25 }
}

/// Axis ticks: a "nice" step (1, 2, 5 × 10ⁿ) giving at most eight intervals.
enum AxisTicks {
    static func step(for maximum: Int) -> Int {
        var magnitude = 1
        while true {
            for factor in [1, 2, 5] where maximum <= 8 * factor * magnitude { return factor * magnitude }
            magnitude *= 10
        }
    }

    /// Tick values from 0 to `maximum`; `maximum` itself is added when it is not on the step
    /// and far enough from the last tick for its label (`minGap` in value units).
    static func values(maximum: Int, minGap: Double) -> [Int] {
        guard maximum > 0 else { return [0] }
        let step = step(for: maximum)
        var ticks = Array(stride(from: 0, through: maximum, by: step))
        if let last = ticks.last, last != maximum {
            if Double(maximum - last) >= minGap { ticks.append(maximum) } else { ticks[ticks.count - 1] = maximum }
        }
        return ticks
    }
}
