import CXlsxWriter

/// A native Excel chart. Series refer to cell ranges of a worksheet, so the chart stays
/// live when a reader edits the numbers. It keeps its workbook's memory alive; after the
/// workbook is closed every call throws.
package final class XlsxChart {
    package enum Kind { case stackedBar, clusteredBar }

    let handle: UnsafeMutablePointer<lxw_chart>
    let lifetime: WorkbookLifetime

    init(handle: UnsafeMutablePointer<lxw_chart>, lifetime: WorkbookLifetime) {
        self.handle = handle
        self.lifetime = lifetime
    }

    /// A cell range of a sheet, 0-based inclusive.
    package struct Range: Sendable {
        package let sheet: String
        package let rows: ClosedRange<Int>
        package let columns: ClosedRange<Int>

        package init(sheet: String, rows: ClosedRange<Int>, columns: ClosedRange<Int>) {
            self.sheet = sheet
            self.rows = rows
            self.columns = columns
        }
    }

    /// Adds a series with its values, category labels, name, fill colour and data labels.
    /// `customLabels` replaces the label of single points (0-based index → text), e.g. to
    /// say "nicht erhoben" where a value is missing instead of leaving a bar that reads as 0.
    package func addSeries(
        name: String, categories: Range, values: Range, fill: String, labels: Bool,
        labelsInside: Bool, customLabels: [Int: String] = [:]
    ) throws(XlsxError) {
        try lifetime.ensureOpen("add chart series '\(name)'")
        guard let series = chart_add_series(handle, nil, nil) else {
            throw CBridge.failure("add chart series '\(name)'", "libxlsxwriter refused the series")
        }
        categories.sheet.withCString {
            chart_series_set_categories(
                series, $0, lxw_row_t(categories.rows.lowerBound), lxw_col_t(categories.columns.lowerBound),
                lxw_row_t(categories.rows.upperBound), lxw_col_t(categories.columns.upperBound))
        }
        values.sheet.withCString {
            chart_series_set_values(
                series, $0, lxw_row_t(values.rows.lowerBound), lxw_col_t(values.columns.lowerBound),
                lxw_row_t(values.rows.upperBound), lxw_col_t(values.columns.upperBound))
        }
        name.withCString { chart_series_set_name(series, $0) }
        var fillSpec = lxw_chart_fill(color: XlsxColour.value(fill), none: 0, transparency: 0)
        chart_series_set_fill(series, &fillSpec)
        if labels {
            chart_series_set_labels(series)
            // Zero-length segments get no "0" label.
            "0;-0;;".withCString { chart_series_set_labels_num_format(series, $0) }
            chart_series_set_labels_position(
                series,
                UInt8(
                    labelsInside
                        ? LXW_CHART_LABEL_POSITION_CENTER.rawValue
                        : LXW_CHART_LABEL_POSITION_OUTSIDE_END.rawValue))
        }
        if let last = customLabels.keys.max() {
            // One entry per point up to the last custom one; an empty entry keeps the default.
            let texts = (0...last).map { customLabels[$0].map { strdup($0) } ?? nil }
            defer { for text in texts { free(text) } }
            let result = CBridge.withPointerArray(
                count: texts.count, zero: lxw_chart_data_label(),
                fill: { label, index in label.value = texts[index] }
            ) {
                chart_series_set_labels_custom(series, $0)
            }
            try CBridge.check(result, "custom labels of chart series '\(name)'")
        }
    }

    package func title(_ text: String, size: Double = 11) throws(XlsxError) {
        try lifetime.ensureOpen("set chart title")
        text.withCString { chart_title_set_name(handle, $0) }
        var font = lxw_chart_font()
        font.size = size
        font.bold = 1
        chart_title_set_name_font(handle, &font)
    }

    /// Names the value axis and fixes its range; lists categories top to bottom.
    package func axes(valueTitle: String, maximum: Double, categoriesTopDown: Bool = true) throws(XlsxError) {
        try lifetime.ensureOpen("set chart axes")
        // In bar charts libxlsxwriter's x axis is the horizontal value axis and its y axis
        // the vertical category axis (it swaps them for bar charts).
        if categoriesTopDown {
            chart_axis_set_reverse(handle.pointee.y_axis)
            // Keep the value axis at the bottom although the categories run top-down.
            chart_axis_set_crossing_max(handle.pointee.y_axis)
        }
        valueTitle.withCString { chart_axis_set_name(handle.pointee.x_axis, $0) }
        chart_axis_set_min(handle.pointee.x_axis, 0)
        chart_axis_set_max(handle.pointee.x_axis, maximum)
    }

    package func legendAtBottom() throws(XlsxError) {
        try lifetime.ensureOpen("set chart legend")
        chart_legend_set_position(handle, UInt8(LXW_CHART_LEGEND_BOTTOM.rawValue))
    }
}

extension XlsxWorkbook {
    package func addChart(_ kind: XlsxChart.Kind) throws(XlsxError) -> XlsxChart {
        try lifetime.ensureOpen("add chart")
        let type = kind == .stackedBar ? LXW_CHART_BAR_STACKED : LXW_CHART_BAR
        guard let chart = workbook_add_chart(handle, UInt8(type.rawValue)) else {
            throw CBridge.failure("add chart", "libxlsxwriter could not allocate it")
        }
        return XlsxChart(handle: chart, lifetime: lifetime)
    }

    /// Document properties (File › Properties). `created` as seconds since 1970 keeps the
    /// file reproducible.
    package struct Properties: Sendable {
        package var title = "", subject = "", author = "", company = "", keywords = "", comments = ""
        package var created: Int?

        package init(
            title: String = "", subject: String = "", author: String = "", company: String = "",
            keywords: String = "", comments: String = "", created: Int? = nil
        ) {
            self.title = title
            self.subject = subject
            self.author = author
            self.company = company
            self.keywords = keywords
            self.comments = comments
            self.created = created
        }
    }

    package func setProperties(_ properties: Properties) throws(XlsxError) {
        try lifetime.ensureOpen("set document properties")
        // libxlsxwriter copies the strings during the call.
        var result = LXW_NO_ERROR
        properties.title.withCString { title in
            properties.subject.withCString { subject in
                properties.author.withCString { author in
                    properties.company.withCString { company in
                        properties.keywords.withCString { keywords in
                            properties.comments.withCString { comments in
                                var p = lxw_doc_properties()
                                p.title = UnsafeMutablePointer(mutating: title)
                                p.subject = UnsafeMutablePointer(mutating: subject)
                                p.author = UnsafeMutablePointer(mutating: author)
                                p.company = UnsafeMutablePointer(mutating: company)
                                p.keywords = UnsafeMutablePointer(mutating: keywords)
                                p.comments = UnsafeMutablePointer(mutating: comments)
                                if let created = properties.created { p.created = time_t(created) }
                                result = workbook_set_properties(handle, &p)
                            }
                        }
                    }
                }
            }
        }
        try CBridge.check(result, "set document properties")
    }
}
