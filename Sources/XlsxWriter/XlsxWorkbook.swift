import CXlsxWriter

/// An xlsx file being written. Call `close()` exactly once: libxlsxwriter writes the file
/// only then, and some failures (disk full, bad path) surface only there.
public final class XlsxWorkbook {
    public struct Options: Sendable {
        /// Flush each row to a temporary file as it is written: memory stays flat, but rows
        /// must be written in order.
        public var constantMemory: Bool
        public var temporaryDirectory: String?

        public init(constantMemory: Bool = false, temporaryDirectory: String? = nil) {
            self.constantMemory = constantMemory
            self.temporaryDirectory = temporaryDirectory
        }
    }

    let handle: UnsafeMutablePointer<lxw_workbook>
    public let path: String
    private var closed = false
    private var sheets: [XlsxWorksheet] = []

    public init(path: String, options: Options = Options()) throws(XlsxError) {
        self.path = path
        var cOptions = lxw_workbook_options()
        cOptions.constant_memory = options.constantMemory ? 1 : 0
        let created: UnsafeMutablePointer<lxw_workbook>? = path.withCString { cPath in
            if let tmp = options.temporaryDirectory {
                return tmp.withCString { cTmp in
                    cOptions.tmpdir = UnsafeMutablePointer(mutating: cTmp)
                    return workbook_new_opt(cPath, &cOptions)
                }
            }
            return workbook_new_opt(cPath, &cOptions)
        }
        guard let created else { throw CBridge.failure("create workbook '\(path)'", "libxlsxwriter could not allocate it") }
        handle = created
    }

    /// Adds a worksheet. The name must be a valid sheet name (see `SheetName.sanitised`).
    public func addWorksheet(named name: String) throws(XlsxError) -> XlsxWorksheet {
        try CBridge.check(name.withCString { workbook_validate_sheet_name(handle, $0) }, "sheet name '\(name)'")
        guard let sheet = name.withCString({ workbook_add_worksheet(handle, $0) }) else {
            throw CBridge.failure("add worksheet '\(name)'", "libxlsxwriter refused the worksheet")
        }
        let wrapped = XlsxWorksheet(handle: sheet, name: name)
        sheets.append(wrapped)
        return wrapped
    }

    /// Writes the file. Throws when libxlsxwriter could not write it.
    public func close() throws(XlsxError) {
        guard !closed else { return }
        closed = true
        try CBridge.check(workbook_close(handle), "write workbook '\(path)'")
    }

    deinit {
        // A workbook abandoned after an error must still free its memory; the file it
        // writes then is incomplete by design and is never moved into place.
        if !closed { _ = workbook_close(handle) }
    }
}
