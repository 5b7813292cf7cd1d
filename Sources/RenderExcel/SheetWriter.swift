import Aggregate
import Formatting
import Foundation
import Normalise
import ReportSpec
import XlsxWriter

/// Writes the sheets of the annex workbooks, laid out as official statistics publish
/// spreadsheets (the UK Analysis Function's "Releasing statistics in spreadsheets",
/// Destatis conventions): titles and notes in column A and never merged, a line under the
/// title saying what the sheet holds, every data range an Excel table with a meaningful
/// name and unique headers that carry their unit, the base of every figure stated per
/// year with its filter, every symbol explained on the cover, every row as tall as its
/// wrapped text. Rows and columns are 0-based.
///
/// The published annex holds aggregates only; the internal one (`audience == .internal`)
/// the answers of each unit and the validation notes, marked on every sheet and page.
struct SheetWriter {
    let workbook: XlsxWorkbook
    let formats: AnnexFormats
    let model: ReportModel
    let plan: AnnexWriter.Plan
    let audience: ReportSpec.Audience

    var spec: ReportSpec { model.spec }
    var unit: String { spec.unitPlural }

    /// The symbol for "not asked in this wave" (Destatis: "x" = Tabellenfach gesperrt, weil
    /// Aussage nicht sinnvoll): every cell it applies to holds it, and the cover explains it.
    static let notAsked = "x"
    /// Exact zero (Destatis: "–" = nichts vorhanden), shown by the number formats.
    static let zero = "–"
    /// A count withheld to protect units (Destatis: "." = Zahlenwert geheim zu halten).
    static let withheld = "."
    /// A value that differs from an earlier publication (Destatis: "r" = berichtigte Zahl).
    static let revised = "r"

    /// The notes of the notes sheet, numbered in this order and referenced from titles.
    enum Note: Int, CaseIterable {
        case data = 1
        case base, notAsked, rounding, revisions, smallCells
    }

    /// The marking on every sheet and printed page of the internal workbook.
    var marking: String? {
        audience == .internal
            ? "Nur für den internen Gebrauch: enthält die Antworten einzelner \(unit); nicht zur Veröffentlichung bestimmt."
            : nil
    }

    // MARK: Sheet heads

    /// A line of a sheet's head, in column A.
    struct Line {
        enum Kind { case title, text, warning }
        let text: String
        let kind: Kind
        init(_ text: String, _ kind: Kind = .text) {
            self.text = text
            self.kind = kind
        }
    }

    /// Where a sheet's table stands, decided before anything is written so that revised
    /// cells can be named on the notes sheet, which comes first.
    struct Layout {
        let lines: [Line]
        /// Column widths in characters, from column A.
        let widths: [Double]
        /// The row of the table's header.
        let top: Int
    }

    /// Writes the head lines from row 0, each broken into rows no wider than `width`
    /// characters of the sheet's columns (an unwrapped cell runs on into the empty cells to
    /// its right, so each row prints whole within the table's width); returns the next row.
    @discardableResult
    func head(_ sheet: XlsxWorksheet, _ lines: [Line], width: Double) throws(XlsxError) -> Int {
        var row = 0
        for line in Self.rows(lines, width: width) {
            let format: XlsxFormat
            switch line.kind {
            case .title: format = formats.title
            case .text: format = formats.text
            case .warning: format = formats.warning
            }
            try sheet.write(line.text, row: row, column: 0, format: format)
            if line.kind == .title { try sheet.setRowHeight(row, height: CellFit.lineHeight(size: 13) + 2) }
            row += 1
        }
        return row
    }

    /// The head lines as rows: what `head` writes, so that layouts can be computed first.
    static func rows(_ lines: [Line], width: Double) -> [Line] {
        let points = CellFit.points(columnWidth: width)
        return lines.flatMap { line -> [Line] in
            let (size, bold): (Double, Bool) = line.kind == .title ? (13, true) : (11, line.kind == .warning)
            return CellFit.lines(line.text, width: points, size: size, bold: bold).map { Line($0, line.kind) }
        }
    }

    /// "Dieses Tabellenblatt enthält eine Tabelle und darunter ein Diagramm." (AF: cell A2
    /// says what a sheet holds, so that a screen reader user knows what follows.)
    static func contentsLine(tables: Int, chart: Bool, extra: String = "") -> String {
        let tableWords = tables == 1 ? "eine Tabelle" : "\(GermanNoun.word(tables)) Tabellen"
        return "Dieses Tabellenblatt enthält " + tableWords + extra + (chart ? " und darunter ein Diagramm." : ".")
    }

    // MARK: Shared pieces

    /// A figure's or a table's sheet with its columns, its head and the link back to the
    /// contents; its table starts at `layout.top`.
    func openSheet(_ name: String, _ layout: Layout) throws(XlsxError) -> XlsxWorksheet {
        let sheet = try workbook.addWorksheet(named: name)
        try columns(sheet, layout.widths)
        try backLink(sheet, row: try head(sheet, layout.lines, width: layout.widths.reduce(0, +)))
        return sheet
    }

    /// An Excel table whose header row is tall enough for its wrapped headers.
    func table(
        _ sheet: XlsxWorksheet, rows: ClosedRange<Int>, columns: ClosedRange<Int>, name: String, headers: [String],
        columnWidths: [Double]
    ) throws(XlsxError) {
        try sheet.addTable(rows: rows, columns: columns, name: name, headers: headers, headerFormat: formats.header)
        let cells = headers.enumerated().map { (text: $0.element, columnWidth: $0.offset < columnWidths.count ? columnWidths[$0.offset] : 15) }
        try sheet.setRowHeight(rows.lowerBound, height: max(15, CellFit.height(cells)))
    }

    /// Sets the widths of columns 0, 1, … and returns their sum (in characters).
    @discardableResult
    func columns(_ sheet: XlsxWorksheet, _ widths: [Double]) throws(XlsxError) -> Double {
        for (c, width) in widths.enumerated() { try sheet.setColumns(c...c, width: width) }
        return widths.reduce(0, +)
    }

    /// Makes a row tall enough for its wrapped cells.
    func fit(_ sheet: XlsxWorksheet, row: Int, _ cells: [(text: String, columnWidth: Double)]) throws(XlsxError) {
        let height = CellFit.height(cells)
        if height > CellFit.lineHeight(size: 11) + 2 { try sheet.setRowHeight(row, height: height) }
    }

    func backLink(_ sheet: XlsxWorksheet, row: Int) throws(XlsxError) {
        try sheet.writeLink(
            "internal:" + SheetNames.reference(plan.contents), text: "Zurück zum Inhalt", row: row, column: 0,
            format: formats.link)
    }

    /// Page setup with the workbook's footer and, in the internal workbook, its marking.
    func page(
        landscape: Bool, repeatRows: ClosedRange<Int>? = nil,
        printArea: (rows: ClosedRange<Int>, columns: ClosedRange<Int>)? = nil
    ) -> XlsxWorksheet.PageSetup {
        .init(
            landscape: landscape, fitWidth: 1, fitHeight: 0, repeatRows: repeatRows, footer: model.sourceLine,
            header: audience == .internal ? "Nur für den internen Gebrauch" : nil, printArea: printArea)
    }

    /// A text of the spec's `texts` for the annex ("" when the spec has none).
    func text(_ name: String) -> String { spec.texts.first { $0.name == name }?.text ?? "" }

    /// Excel table names: a letter first, then letters, digits and underscores, at most 255
    /// characters; named after the sheet and its subject ("Abb04_Gemeinsame_Fallbesprechungen")
    /// so that a screen reader announces what the table is about.
    static func tableName(_ sheet: String, subject: String = "") -> String {
        let words = subject.folding(options: [.diacriticInsensitive], locale: nil)
            .replacingOccurrences(of: "ß", with: "ss")
            .split(whereSeparator: { !($0.isASCII && ($0.isLetter || $0.isNumber)) })
        var name = String(sheet.map { $0.isASCII && ($0.isLetter || $0.isNumber) ? $0 : "_" })
        for word in words.prefix(6) where name.count + word.count < 60 { name += "_" + word }
        return name.first?.isLetter == true ? name : "T_" + name
    }

    /// "G10": a cell's A1 reference (0-based row and column).
    static func cellName(row: Int, column: Int) -> String {
        var letters = ""
        var c = column + 1
        while c > 0 {
            let remainder = (c - 1) % 26
            letters = String(UnicodeScalar(UInt8(65 + remainder))) + letters
            c = (c - 1) / 26
        }
        return letters + String(row + 1)
    }
}
