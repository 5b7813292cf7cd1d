import Formatting

/// Sizes rows for what they hold. libxlsxwriter cannot measure text, and Excel and
/// LibreOffice do not re-fit rows when a file is opened, so wrapped text without a row
/// height overprints the next row. Text is measured with the report's font metrics
/// (Liberation Sans, a little wider than the sheets' Calibri/Carlito, so rows err on the
/// tall side) against the column's width in points.
enum CellFit {
    /// The width in points of a column `characters` wide (Calibri 11: 7 px per character
    /// plus 5 px padding, at 96 px per inch).
    static func points(columnWidth characters: Double) -> Double { (characters * 7 + 5) * 0.75 }

    /// Line height of the default font, as Excel's default row (15 pt at 11 pt).
    static func lineHeight(size: Double) -> Double { (size * 15 / 11).rounded(.up) }

    /// `text` broken into lines that fit `width` points (each newline starts a line).
    static func lines(_ text: String, width: Double, size: Double = 11, bold: Bool = false) -> [String] {
        let metrics = bold ? FontMetrics.bold : FontMetrics.regular
        // Cell padding on both sides.
        let usable = max(20, width - 6)
        return text.split(separator: "\n", omittingEmptySubsequences: false)
            .flatMap { metrics.wrap(String($0), maxWidth: usable, size: size) }
    }

    /// The row height for `text` wrapped in a column `columnWidth` characters wide.
    static func height(_ text: String, columnWidth: Double, size: Double = 11, bold: Bool = false) -> Double {
        Double(lines(text, width: points(columnWidth: columnWidth), size: size, bold: bold).count) * lineHeight(size: size) + 2
    }

    /// The height of a row whose cells wrap: the tallest cell decides.
    static func height(_ cells: [(text: String, columnWidth: Double)], size: Double = 11) -> Double {
        cells.map { height($0.text, columnWidth: $0.columnWidth, size: size) }.max() ?? lineHeight(size: size)
    }
}
