import Formatting
import ReportSpec

/// Collects the nodes of a chart and offers the drawing primitives all charts share.
struct ChartCanvas {
    let style: ChartStyle
    var nodes: [SVGNode] = []

    init(style: ChartStyle) {
        self.style = style
    }

    static func n(_ v: Double) -> String { SVGNumber.format(v) }

    mutating func rect(x: Double, y: Double, width: Double, height: Double, fill: String, stroke: String? = nil) {
        var attributes = [
            ("x", Self.n(x)), ("y", Self.n(y)), ("width", Self.n(max(0, width))), ("height", Self.n(height)),
            ("fill", fill),
        ]
        if let stroke { attributes += [("stroke", stroke), ("stroke-width", "0.5")] }
        nodes.append(.el("rect", attributes))
    }

    mutating func line(x1: Double, y1: Double, x2: Double, y2: Double, stroke: String, width: Double = 0.5) {
        nodes.append(
            .el(
                "line",
                [
                    ("x1", Self.n(x1)), ("y1", Self.n(y1)), ("x2", Self.n(x2)), ("y2", Self.n(y2)),
                    ("stroke", stroke), ("stroke-width", Self.n(width)),
                ]))
    }

    enum Anchor: String { case start, middle, end }

    /// Text with its baseline at `y`.
    mutating func text(
        _ content: String, x: Double, y: Double, size: Double, anchor: Anchor = .start,
        fill: String = "#000000", bold: Bool = false, italic: Bool = false
    ) {
        var attributes = [("x", Self.n(x)), ("y", Self.n(y)), ("font-size", Self.n(size))]
        if anchor != .start { attributes.append(("text-anchor", anchor.rawValue)) }
        if fill != "#000000" { attributes.append(("fill", fill)) }
        if bold { attributes.append(("font-weight", "bold")) }
        if italic { attributes.append(("font-style", "italic")) }
        nodes.append(.el("text", attributes, [.text(content)]))
    }

    /// Text vertically centred on `centerY` (the text box, not the baseline).
    mutating func centredText(
        _ content: String, x: Double, centerY: Double, size: Double, anchor: Anchor = .start,
        fill: String = "#000000", bold: Bool = false, italic: Bool = false
    ) {
        let metrics = bold ? FontMetrics.bold : FontMetrics.regular
        let baseline = centerY - metrics.lineBox(size: size) / 2 + metrics.ascent(size: size)
        text(content, x: x, y: baseline, size: size, anchor: anchor, fill: fill, bold: bold, italic: italic)
    }

    /// Wrapped lines, the first box starting at `top`. Returns the height used.
    @discardableResult
    mutating func lines(
        _ lines: [String], x: Double, top: Double, size: Double, anchor: Anchor = .start,
        fill: String = "#000000", bold: Bool = false
    ) -> Double {
        let metrics = bold ? FontMetrics.bold : FontMetrics.regular
        let pitch = style.linePitch(size)
        for (i, line) in lines.enumerated() {
            text(
                line, x: x, y: top + Double(i) * pitch + metrics.ascent(size: size), size: size, anchor: anchor,
                fill: fill, bold: bold)
        }
        return Double(lines.count - 1) * pitch + metrics.lineBox(size: size)
    }

    /// The finished document: sized for the report column, accessible, fonts named.
    func document(id: String, title: String, description: String, height: Double) -> String {
        let heightMillimetres = height / style.width * style.widthMillimetres
        let root = SVGNode.el(
            "svg",
            [
                ("xmlns", "http://www.w3.org/2000/svg"),
                ("width", "\(Self.n(style.widthMillimetres))mm"), ("height", "\(Self.n(heightMillimetres))mm"),
                ("viewBox", "0 0 \(Self.n(style.width)) \(Self.n(height))"),
                ("role", "img"), ("aria-labelledby", "\(id)-title \(id)-desc"),
                ("font-family", style.fontFamily),
            ],
            [
                .el("title", [("id", "\(id)-title")], [.text(title)]),
                .el("desc", [("id", "\(id)-desc")], [.text(description)]),
                .el("rect", [("width", "100%"), ("height", "100%"), ("fill", "#FFFFFF")]),
            ] + nodes)
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + root.rendered()
    }

    /// A horizontal count axis under the bars: grid lines, ticks, labels and a title.
    /// Returns the height used below `top`.
    /// Grid lines go in at `gridIndex` (the node count before the bars were drawn), so
    /// they lie behind the bars.
    mutating func countAxis(
        left: Double, width: Double, maximum: Int, top: Double, gridTop: Double,
        gridIndex: Int, title: String
    ) -> Double {
        let scale = maximum > 0 ? width / Double(maximum) : 0
        let labelWidth = FontMetrics.regular.width(GermanFormat.integer(maximum), size: style.smallSize) + 3
        let ticks = AxisTicks.values(maximum: maximum, minGap: scale > 0 ? labelWidth / scale : 1)
        let grid = ticks.map { tick -> SVGNode in
            let x = Self.n(left + Double(tick) * scale)
            return .el(
                "line",
                [
                    ("x1", x), ("y1", Self.n(gridTop)), ("x2", x), ("y2", Self.n(top)),
                    ("stroke", Palette.grid), ("stroke-width", "0.5"),
                ])
        }
        nodes.insert(contentsOf: grid, at: min(gridIndex, nodes.count))
        line(x1: left, y1: top, x2: left + width, y2: top, stroke: Palette.axis)
        var y = top
        for tick in ticks {
            let x = left + Double(tick) * scale
            line(x1: x, y1: top, x2: x, y2: top + 3, stroke: Palette.axis)
        }
        y += 4
        for tick in ticks {
            let x = left + Double(tick) * scale
            text(
                GermanFormat.integer(tick), x: x, y: y + FontMetrics.regular.ascent(size: style.smallSize),
                size: style.smallSize, anchor: .middle, fill: Palette.secondaryText)
        }
        y += FontMetrics.regular.lineBox(size: style.smallSize) + 3
        let titleLines = FontMetrics.regular.wrap(title, maxWidth: style.width - 2 * style.margin, size: style.smallSize)
        let titleWidth = titleLines.map { FontMetrics.regular.width($0, size: style.smallSize) }.max() ?? 0
        // Centred under the bars when it fits inside the figure, else from the left margin.
        let centre = left + width / 2
        if titleLines.count == 1, centre - titleWidth / 2 >= style.margin, centre + titleWidth / 2 <= style.width - style.margin {
            y += lines(titleLines, x: centre, top: y, size: style.smallSize, anchor: .middle)
        } else {
            y += lines(titleLines, x: style.margin, top: y, size: style.smallSize)
        }
        return y - top
    }

    /// The figure's title when the style shows one. Returns the height used.
    mutating func titleBlock(_ title: String, top: Double) -> Double {
        guard style.showTitle else { return 0 }
        let wrapped = FontMetrics.bold.wrap(title, maxWidth: style.width - 2 * style.margin, size: style.titleSize)
        return lines(wrapped, x: style.margin, top: top, size: style.titleSize, bold: true) + 8
    }

    /// The source line at the bottom. Returns the height used.
    mutating func sourceLine(_ source: String, top: Double) -> Double {
        let wrapped = FontMetrics.regular.wrap(source, maxWidth: style.width - 2 * style.margin, size: style.smallSize)
        return lines(wrapped, x: style.margin, top: top, size: style.smallSize, fill: Palette.secondaryText)
    }
}
