import CXlsxWriter

/// A cell format created by a workbook. Set its properties before using it in a cell; it
/// keeps its workbook's memory alive, and after the workbook is closed a setter throws.
package final class XlsxFormat {
    let handle: UnsafeMutablePointer<lxw_format>
    let lifetime: WorkbookLifetime

    init(handle: UnsafeMutablePointer<lxw_format>, lifetime: WorkbookLifetime) {
        self.handle = handle
        self.lifetime = lifetime
    }

    /// Runs one setter on the C format while the workbook is open.
    private func set(_ property: String, _ body: (UnsafeMutablePointer<lxw_format>) -> Void) throws(XlsxError) -> Self {
        try lifetime.ensureOpen("set format \(property)")
        body(handle)
        return self
    }

    package enum Alignment { case left, centre, right, top, verticalCentre }

    @discardableResult package func numberFormat(_ code: String) throws(XlsxError) -> Self {
        try set("number format") { handle in code.withCString { format_set_num_format(handle, $0) } }
    }

    @discardableResult package func bold() throws(XlsxError) -> Self { try set("bold") { format_set_bold($0) } }
    @discardableResult package func italic() throws(XlsxError) -> Self { try set("italic") { format_set_italic($0) } }
    @discardableResult package func wrap() throws(XlsxError) -> Self { try set("wrap") { format_set_text_wrap($0) } }
    @discardableResult package func underline() throws(XlsxError) -> Self {
        try set("underline") { format_set_underline($0, UInt8(LXW_UNDERLINE_SINGLE.rawValue)) }
    }

    @discardableResult package func fontSize(_ size: Double) throws(XlsxError) -> Self {
        try set("font size") { format_set_font_size($0, size) }
    }

    @discardableResult package func fontColour(_ hex: String) throws(XlsxError) -> Self {
        try set("font colour") { format_set_font_color($0, XlsxColour.value(hex)) }
    }

    @discardableResult package func background(_ hex: String) throws(XlsxError) -> Self {
        try set("background") { handle in
            format_set_pattern(handle, UInt8(LXW_PATTERN_SOLID.rawValue))
            format_set_bg_color(handle, XlsxColour.value(hex))
        }
    }

    @discardableResult package func bottomBorder() throws(XlsxError) -> Self {
        try set("bottom border") { format_set_bottom($0, UInt8(LXW_BORDER_THIN.rawValue)) }
    }

    @discardableResult package func align(_ alignment: Alignment) throws(XlsxError) -> Self {
        let value: lxw_format_alignments
        switch alignment {
        case .left: value = LXW_ALIGN_LEFT
        case .centre: value = LXW_ALIGN_CENTER
        case .right: value = LXW_ALIGN_RIGHT
        case .top: value = LXW_ALIGN_VERTICAL_TOP
        case .verticalCentre: value = LXW_ALIGN_VERTICAL_CENTER
        }
        return try set("alignment") { format_set_align($0, UInt8(value.rawValue)) }
    }
}

/// `#RRGGBB` → libxlsxwriter's colour value.
enum XlsxColour {
    static func value(_ hex: String) -> lxw_color_t {
        lxw_color_t(UInt32(hex.dropFirst(), radix: 16) ?? 0)
    }
}

extension XlsxWorkbook {
    /// A new cell format owned by this workbook.
    package func addFormat() throws(XlsxError) -> XlsxFormat {
        try lifetime.ensureOpen("add format")
        guard let format = workbook_add_format(handle) else {
            throw CBridge.failure("add format", "libxlsxwriter could not allocate it")
        }
        return XlsxFormat(handle: format, lifetime: lifetime)
    }
}
