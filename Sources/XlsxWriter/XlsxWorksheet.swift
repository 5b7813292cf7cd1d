import CXlsxWriter
import Foundation

/// A worksheet of an `XlsxWorkbook`. Rows and columns are 0-based as in libxlsxwriter.
/// It keeps its workbook's memory alive; after the workbook is closed every call throws.
package final class XlsxWorksheet {
    let handle: UnsafeMutablePointer<lxw_worksheet>
    let lifetime: WorkbookLifetime
    package let name: String

    init(handle: UnsafeMutablePointer<lxw_worksheet>, name: String, lifetime: WorkbookLifetime) {
        self.handle = handle
        self.name = name
        self.lifetime = lifetime
    }

    /// Checks that the workbook is still open (and the format is one of its own) before a
    /// call into libxlsxwriter; returns the format's C handle.
    private func prepare(
        _ operation: @autoclosure () -> String,
        _ format: XlsxFormat? = nil
    ) throws(XlsxError) -> UnsafeMutablePointer<lxw_format>? {
        try lifetime.ensureOpen(operation())
        return try lifetime.handle(of: format, for: operation())
    }

    private func place(_ row: Int, _ column: Int) -> String {
        "\(name)!R\(row + 1)C\(column + 1)"
    }

    /// Writes text as a string cell: never interpreted as a formula, whatever it starts with.
    package func write(_ text: String, row: Int, column: Int, format: XlsxFormat? = nil) throws(XlsxError) {
        let cFormat = try prepare("write text at \(place(row, column))", format)
        try CBridge.check(
            text.withCString {
                worksheet_write_string(handle, lxw_row_t(row), lxw_col_t(column), $0, cFormat)
            }, "write text at \(place(row, column))")
    }

    /// Writes a prepared text as a string cell (see `XlsxText`).
    package func write(_ text: XlsxText, row: Int, column: Int, format: XlsxFormat? = nil) throws(XlsxError) {
        let cFormat = try prepare("write text at \(place(row, column))", format)
        try CBridge.check(
            text.bytes.withUnsafeBufferPointer { bytes in
                bytes.withMemoryRebound(to: CChar.self) { worksheet_write_string(handle, lxw_row_t(row), lxw_col_t(column), $0.baseAddress, cFormat) }
            }, "write text at \(place(row, column))")
    }

    /// Attaches a cell comment (a note shown when the pointer rests on the cell): plain text,
    /// however it reads. Widened to `width` points so a sentence or two fits without scrolling.
    package func writeComment(_ text: String, row: Int, column: Int, width: Int = 300, height: Int = 120) throws(XlsxError) {
        _ = try prepare("write comment at \(place(row, column))")
        var options = lxw_comment_options()
        options.width = UInt16(clamping: width)
        options.height = UInt16(clamping: height)
        try CBridge.check(
            text.withCString { worksheet_write_comment_opt(handle, lxw_row_t(row), lxw_col_t(column), $0, &options) },
            "write comment at \(place(row, column))")
    }

    package func write(_ number: Double, row: Int, column: Int, format: XlsxFormat? = nil) throws(XlsxError) {
        let cFormat = try prepare("write number at \(place(row, column))", format)
        try CBridge.check(
            worksheet_write_number(handle, lxw_row_t(row), lxw_col_t(column), number, cFormat),
            "write number at \(place(row, column))")
    }

    package func write(_ value: Bool, row: Int, column: Int, format: XlsxFormat? = nil) throws(XlsxError) {
        let cFormat = try prepare("write boolean at \(place(row, column))", format)
        try CBridge.check(
            worksheet_write_boolean(handle, lxw_row_t(row), lxw_col_t(column), value ? 1 : 0, cFormat),
            "write boolean at \(place(row, column))")
    }

    /// Writes a date (with a date number format, or the cell shows a serial number).
    package func writeDate(year: Int, month: Int, day: Int, row: Int, column: Int, format: XlsxFormat) throws(XlsxError) {
        let cFormat = try prepare("write date at \(place(row, column))", format)
        var datetime = lxw_datetime(year: Int32(year), month: Int32(month), day: Int32(day), hour: 0, min: 0, sec: 0)
        try CBridge.check(
            worksheet_write_datetime(handle, lxw_row_t(row), lxw_col_t(column), &datetime, cFormat),
            "write date at \(place(row, column))")
    }

    /// Column width in characters; optionally hidden.
    package func setColumns(
        _ columns: ClosedRange<Int>, width: Double, hidden: Bool = false,
        format: XlsxFormat? = nil
    ) throws(XlsxError) {
        let cFormat = try prepare("set columns \(columns) of \(name)", format)
        var options = lxw_row_col_options(hidden: hidden ? 1 : 0, level: 0, collapsed: 0)
        try CBridge.check(
            worksheet_set_column_opt(
                handle, lxw_col_t(columns.lowerBound), lxw_col_t(columns.upperBound),
                width, cFormat, &options),
            "set columns \(columns) of \(name)")
    }

    /// A hyperlink showing `text`. `url` may be `internal:'Sheet'!A1`.
    package func writeLink(_ url: String, text: String, row: Int, column: Int, format: XlsxFormat? = nil) throws(XlsxError) {
        let cFormat = try prepare("write link at \(place(row, column))", format)
        try CBridge.check(
            url.withCString { cURL in
                text.withCString { cText in
                    worksheet_write_url_opt(handle, lxw_row_t(row), lxw_col_t(column), cURL, cFormat, cText, nil)
                }
            }, "write link at \(place(row, column))")
    }

    package func setRowHeight(_ row: Int, height: Double, format: XlsxFormat? = nil) throws(XlsxError) {
        let cFormat = try prepare("set row \(row + 1) of \(name)", format)
        try CBridge.check(worksheet_set_row(handle, lxw_row_t(row), height, cFormat), "set row \(row + 1) of \(name)")
    }

    package func merge(rows: ClosedRange<Int>, columns: ClosedRange<Int>, text: String, format: XlsxFormat? = nil) throws(XlsxError) {
        let cFormat = try prepare("merge cells at \(place(rows.lowerBound, columns.lowerBound))", format)
        try CBridge.check(
            text.withCString {
                worksheet_merge_range(
                    handle, lxw_row_t(rows.lowerBound), lxw_col_t(columns.lowerBound),
                    lxw_row_t(rows.upperBound), lxw_col_t(columns.upperBound), $0, cFormat)
            }, "merge cells at \(place(rows.lowerBound, columns.lowerBound))")
    }

    /// Keeps rows above `row` and columns left of `column` in view.
    package func freezePanes(row: Int, column: Int = 0) throws(XlsxError) {
        _ = try prepare("freeze panes on \(name)")
        worksheet_freeze_panes(handle, lxw_row_t(row), lxw_col_t(column))
    }

    package func autofilter(rows: ClosedRange<Int>, columns: ClosedRange<Int>) throws(XlsxError) {
        _ = try prepare("autofilter on \(name)")
        try CBridge.check(
            worksheet_autofilter(
                handle, lxw_row_t(rows.lowerBound), lxw_col_t(columns.lowerBound),
                lxw_row_t(rows.upperBound), lxw_col_t(columns.upperBound)),
            "autofilter on \(name)")
    }

    package struct PageSetup: Sendable {
        package var landscape = false
        /// Fit to this many pages wide (0 = any), and tall (0 = as many as needed).
        package var fitWidth = 1
        package var fitHeight = 0
        /// Rows (0-based) repeated on every printed page.
        package var repeatRows: ClosedRange<Int>?
        /// Footer text; `&` is escaped here, page fields are added by `pageNumbers`.
        package var footer: String?
        package var pageNumbers = true
        /// Header text on every printed page (a marking such as "Nur für den internen Gebrauch").
        package var header: String?
        /// The printed range (0-based rows, columns); nil = what the sheet uses.
        package var printArea: (rows: ClosedRange<Int>, columns: ClosedRange<Int>)?

        package init(
            landscape: Bool = false, fitWidth: Int = 1, fitHeight: Int = 0, repeatRows: ClosedRange<Int>? = nil,
            footer: String? = nil, pageNumbers: Bool = true, header: String? = nil,
            printArea: (rows: ClosedRange<Int>, columns: ClosedRange<Int>)? = nil
        ) {
            self.header = header
            self.printArea = printArea
            self.landscape = landscape
            self.fitWidth = fitWidth
            self.fitHeight = fitHeight
            self.repeatRows = repeatRows
            self.footer = footer
            self.pageNumbers = pageNumbers
        }
    }

    /// A4, orientation, fit to page, repeated header rows, footer with page numbers.
    package func setPage(_ setup: PageSetup) throws(XlsxError) {
        _ = try prepare("page setup of \(name)")
        worksheet_set_paper(handle, 9)  // A4
        if setup.landscape { worksheet_set_landscape(handle) } else { worksheet_set_portrait(handle) }
        worksheet_fit_to_pages(handle, UInt16(setup.fitWidth), UInt16(setup.fitHeight))
        if let rows = setup.repeatRows {
            try CBridge.check(
                worksheet_repeat_rows(handle, lxw_row_t(rows.lowerBound), lxw_row_t(rows.upperBound)),
                "repeat rows on \(name)")
        }
        if let area = setup.printArea {
            try CBridge.check(
                worksheet_print_area(
                    handle, lxw_row_t(area.rows.lowerBound), lxw_col_t(area.columns.lowerBound),
                    lxw_row_t(area.rows.upperBound), lxw_col_t(area.columns.upperBound)),
                "print area of \(name)")
        }
        if let text = setup.header {
            let header = "&C&9&B" + String(text.replacingOccurrences(of: "&", with: "&&").prefix(200))
            try CBridge.check(header.withCString { worksheet_set_header(handle, $0) }, "header on \(name)")
        }
        var footer = ""
        if let text = setup.footer {
            // In header/footer codes a literal ampersand is written "&&"; keep it short (255 max).
            footer += "&L&8" + String(text.replacingOccurrences(of: "&", with: "&&").prefix(180))
        }
        if setup.pageNumbers { footer += "&R&8Seite &P von &N" }
        if !footer.isEmpty {
            try CBridge.check(footer.withCString { worksheet_set_footer(handle, $0) }, "footer on \(name)")
        }
    }

    /// Makes a range an Excel table (a ListObject): its first row holds `headers` (which
    /// must be unique), readers get header semantics, filter and sort, and Power Query a
    /// name. `name` must start with a letter and hold letters, digits and underscores.
    /// The data cells are written as usual, before or after.
    package func addTable(
        rows: ClosedRange<Int>, columns: ClosedRange<Int>, name: String, headers: [String],
        headerFormat: XlsxFormat? = nil
    ) throws(XlsxError) {
        let cHeaderFormat = try prepare("add table \(name) on \(self.name)", headerFormat)
        guard headers.count == columns.count, Set(headers).count == headers.count else {
            throw CBridge.failure("add table \(name) on \(self.name)", "needs one unique header per column, got \(headers)")
        }
        let cNames = headers.map { strdup($0) }
        let cName = strdup(name)
        defer {
            for pointer in cNames { free(pointer) }
            free(cName)
        }
        let result = CBridge.withPointerArray(
            count: headers.count, zero: lxw_table_column(),
            fill: { column, index in
                column.header = cNames[index]
                column.header_format = cHeaderFormat
            }
        ) { columnPointers in
            var options = lxw_table_options()
            options.name = cName
            options.style_type = UInt8(LXW_TABLE_STYLE_TYPE_LIGHT.rawValue)
            options.style_type_number = 1
            options.columns = columnPointers
            return worksheet_add_table(
                handle, lxw_row_t(rows.lowerBound), lxw_col_t(columns.lowerBound),
                lxw_row_t(rows.upperBound), lxw_col_t(columns.upperBound), &options)
        }
        try CBridge.check(result, "add table \(name) at \(place(rows.lowerBound, columns.lowerBound))")
    }

    /// Turns off Excel's "number stored as text" flag in a range such as "A1:XFD1048576"
    /// (codes like AGS numbers are text on purpose).
    package func ignoreNumbersStoredAsText(in range: String) throws(XlsxError) {
        _ = try prepare("ignore number-as-text in \(name)")
        try CBridge.check(
            range.withCString { worksheet_ignore_errors(handle, UInt8(LXW_IGNORE_NUMBER_STORED_AS_TEXT.rawValue), $0) },
            "ignore number-as-text in \(name)")
    }

    /// Places a chart with its top-left corner at a cell.
    package func insert(
        _ chart: XlsxChart, row: Int, column: Int, scaleX: Double = 1, scaleY: Double = 1,
        description: String
    ) throws(XlsxError) {
        _ = try prepare("insert chart on \(name)")
        guard chart.lifetime === lifetime else {
            throw CBridge.failure("insert chart on \(name)", "the chart belongs to another workbook ('\(chart.lifetime.path)')")
        }
        let chartHandle = chart.handle
        var options = lxw_chart_options()
        options.x_scale = scaleX
        options.y_scale = scaleY
        try CBridge.check(
            description.withCString { cDescription in
                options.description = UnsafeMutablePointer(mutating: cDescription)
                return worksheet_insert_chart_opt(handle, lxw_row_t(row), lxw_col_t(column), chartHandle, &options)
            }, "insert chart on \(name)")
    }
}
