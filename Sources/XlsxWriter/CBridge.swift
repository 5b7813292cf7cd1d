import CXlsxWriter

/// Every call into libxlsxwriter goes through here: return codes become `XlsxError` at once.
enum CBridge {
    static func check(_ result: lxw_error, _ operation: @autoclosure () -> String) throws(XlsxError) {
        guard result != LXW_NO_ERROR else { return }
        let message = lxw_strerror(result).map { String(cString: $0) } ?? "unknown error"
        throw XlsxError(code: Int(result.rawValue), message: message, operation: operation())
    }

    static func failure(_ operation: String, _ message: String) -> XlsxError {
        XlsxError(code: -1, message: message, operation: operation)
    }
}
