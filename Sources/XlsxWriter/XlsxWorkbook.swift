import CXlsxWriter

/// An xlsx file being written. Call `close()` exactly once: libxlsxwriter writes the file
/// only then, and some failures (disk full, bad path) surface only there. After `close()`,
/// the workbook and every worksheet, format and chart taken from it throw instead of
/// touching freed memory; a second `close()` throws too.
package final class XlsxWorkbook {
    package struct Options: Sendable {
        /// Flush each row to a temporary file as it is written: memory stays flat, but rows
        /// must be written in order.
        package var constantMemory: Bool
        package var temporaryDirectory: String?

        package init(constantMemory: Bool = false, temporaryDirectory: String? = nil) {
            self.constantMemory = constantMemory
            self.temporaryDirectory = temporaryDirectory
        }
    }

    let lifetime: WorkbookLifetime
    var handle: UnsafeMutablePointer<lxw_workbook> { lifetime.handle }
    package var path: String { lifetime.path }
    /// Whether `close()` was called.
    package var isClosed: Bool { lifetime.isClosed }

    package init(path: String, options: Options = Options()) throws(XlsxError) {
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
        lifetime = WorkbookLifetime(handle: created, path: path)
    }

    /// Adds a worksheet. The name must be a valid sheet name (at most 31 characters, none of `[]:*?/\\`; `RenderExcel.SheetNames` makes them).
    package func addWorksheet(named name: String) throws(XlsxError) -> XlsxWorksheet {
        try lifetime.ensureOpen("add worksheet '\(name)'")
        try CBridge.check(name.withCString { workbook_validate_sheet_name(handle, $0) }, "sheet name '\(name)'")
        guard let sheet = name.withCString({ workbook_add_worksheet(handle, $0) }) else {
            throw CBridge.failure("add worksheet '\(name)'", "libxlsxwriter refused the worksheet")
        }
        return XlsxWorksheet(handle: sheet, name: name, lifetime: lifetime)
    }

    /// Writes the file. Throws when libxlsxwriter could not write it, or when the workbook
    /// was closed already.
    package func close() throws(XlsxError) {
        try lifetime.close()
    }
}
