import CXlsxWriter

/// A cell format created by a workbook. Set its properties before using it in a cell.
public final class XlsxFormat {
    let handle: UnsafeMutablePointer<lxw_format>

    init(handle: UnsafeMutablePointer<lxw_format>) {
        self.handle = handle
    }

    public enum Alignment { case left, centre, right, top, verticalCentre }

    @discardableResult public func numberFormat(_ code: String) -> Self {
        code.withCString { format_set_num_format(handle, $0) }
        return self
    }

    @discardableResult public func bold() -> Self { format_set_bold(handle); return self }
    @discardableResult public func italic() -> Self { format_set_italic(handle); return self }
    @discardableResult public func wrap() -> Self { format_set_text_wrap(handle); return self }
    @discardableResult public func underline() -> Self { format_set_underline(handle, UInt8(LXW_UNDERLINE_SINGLE.rawValue)); return self }

    @discardableResult public func fontSize(_ size: Double) -> Self { format_set_font_size(handle, size); return self }

    @discardableResult public func fontColour(_ hex: String) -> Self {
        format_set_font_color(handle, XlsxColour.value(hex))
        return self
    }

    @discardableResult public func background(_ hex: String) -> Self {
        format_set_pattern(handle, UInt8(LXW_PATTERN_SOLID.rawValue))
        format_set_bg_color(handle, XlsxColour.value(hex))
        return self
    }

    @discardableResult public func bottomBorder() -> Self { format_set_bottom(handle, UInt8(LXW_BORDER_THIN.rawValue)); return self }
    @discardableResult public func border() -> Self { format_set_border(handle, UInt8(LXW_BORDER_THIN.rawValue)); return self }

    @discardableResult public func align(_ alignment: Alignment) -> Self {
        let value: lxw_format_alignments
        switch alignment {
        case .left: value = LXW_ALIGN_LEFT
        case .centre: value = LXW_ALIGN_CENTER
        case .right: value = LXW_ALIGN_RIGHT
        case .top: value = LXW_ALIGN_VERTICAL_TOP
        case .verticalCentre: value = LXW_ALIGN_VERTICAL_CENTER
        }
        format_set_align(handle, UInt8(value.rawValue))
        return self
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
    public func addFormat() throws(XlsxError) -> XlsxFormat {
        guard let format = workbook_add_format(handle) else {
            throw CBridge.failure("add format", "libxlsxwriter could not allocate it")
        }
        return XlsxFormat(handle: format)
    }
}
