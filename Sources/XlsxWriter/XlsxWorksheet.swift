import CXlsxWriter

/// A worksheet of an `XlsxWorkbook`. Rows and columns are 0-based as in libxlsxwriter.
public final class XlsxWorksheet {
    let handle: UnsafeMutablePointer<lxw_worksheet>
    public let name: String

    init(handle: UnsafeMutablePointer<lxw_worksheet>, name: String) {
        self.handle = handle
        self.name = name
    }

    private func place(_ row: Int, _ column: Int) -> String {
        "\(name)!R\(row + 1)C\(column + 1)"
    }

    /// Writes text as a string cell: never interpreted as a formula, whatever it starts with.
    public func write(_ text: String, row: Int, column: Int, format: XlsxFormat? = nil) throws(XlsxError) {
        try CBridge.check(text.withCString {
            worksheet_write_string(handle, lxw_row_t(row), lxw_col_t(column), $0, format?.handle)
        }, "write text at \(place(row, column))")
    }

    public func write(_ number: Double, row: Int, column: Int, format: XlsxFormat? = nil) throws(XlsxError) {
        try CBridge.check(worksheet_write_number(handle, lxw_row_t(row), lxw_col_t(column), number, format?.handle),
                          "write number at \(place(row, column))")
    }

    public func write(_ value: Bool, row: Int, column: Int, format: XlsxFormat? = nil) throws(XlsxError) {
        try CBridge.check(worksheet_write_boolean(handle, lxw_row_t(row), lxw_col_t(column), value ? 1 : 0, format?.handle),
                          "write boolean at \(place(row, column))")
    }

    /// Writes a date (with a date number format, or the cell shows a serial number).
    public func writeDate(year: Int, month: Int, day: Int, row: Int, column: Int, format: XlsxFormat) throws(XlsxError) {
        var datetime = lxw_datetime(year: Int32(year), month: Int32(month), day: Int32(day), hour: 0, min: 0, sec: 0)
        try CBridge.check(worksheet_write_datetime(handle, lxw_row_t(row), lxw_col_t(column), &datetime, format.handle),
                          "write date at \(place(row, column))")
    }

    /// Column width in characters; optionally hidden.
    public func setColumns(_ columns: ClosedRange<Int>, width: Double, hidden: Bool = false,
                           format: XlsxFormat? = nil) throws(XlsxError) {
        var options = lxw_row_col_options(hidden: hidden ? 1 : 0, level: 0, collapsed: 0)
        try CBridge.check(worksheet_set_column_opt(handle, lxw_col_t(columns.lowerBound), lxw_col_t(columns.upperBound),
                                                   width, format?.handle, &options),
                          "set columns \(columns) of \(name)")
    }
}

/// A cell format created by a workbook.
public final class XlsxFormat {
    let handle: UnsafeMutablePointer<lxw_format>

    init(handle: UnsafeMutablePointer<lxw_format>) {
        self.handle = handle
    }

    public func setNumberFormat(_ code: String) {
        code.withCString { format_set_num_format(handle, $0) }
    }

    public func setBold() { format_set_bold(handle) }

    public func setTextWrap() { format_set_text_wrap(handle) }
}

extension XlsxWorkbook {
    /// A new cell format owned by this workbook.
    public func addFormat() throws(XlsxError) -> XlsxFormat {
        guard let format = workbook_add_format(handle) else {
            throw CBridge.failure("add format", "libxlsxwriter could not allocate it")
        }
        return XlsxFormat(handle: format)
    }
}
