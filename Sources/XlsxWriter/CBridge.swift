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

    /// A NULL-terminated array of pointers to `count` C structs (libxlsxwriter's table
    /// columns, custom data labels), valid during `body`. `fill` sets up element `index`.
    static func withPointerArray<Element, Result>(
        count: Int, zero: Element, fill: (inout Element, Int) -> Void,
        _ body: (UnsafeMutablePointer<UnsafeMutablePointer<Element>?>) -> Result
    ) -> Result {
        let elements = UnsafeMutablePointer<Element>.allocate(capacity: max(count, 1))
        elements.initialize(repeating: zero, count: max(count, 1))
        let pointers = UnsafeMutablePointer<UnsafeMutablePointer<Element>?>.allocate(capacity: count + 1)
        defer {
            elements.deinitialize(count: max(count, 1))
            elements.deallocate()
            pointers.deallocate()
        }
        for index in 0..<count {
            fill(&elements[index], index)
            pointers[index] = elements + index
        }
        pointers[count] = nil
        return body(pointers)
    }
}
