import CXlsxWriter

/// The C workbook and whether it is still open, shared by the workbook and every worksheet,
/// format and chart taken from it.
///
/// libxlsxwriter frees a workbook's sheets, formats and charts in `workbook_close`. Each
/// wrapper therefore holds this object (so the C memory lives as long as any wrapper does)
/// and asks it before each call; after `close()` a call is an `XlsxError`, never a
/// use-after-free.
final class WorkbookLifetime {
    let handle: UnsafeMutablePointer<lxw_workbook>
    let path: String
    private(set) var isClosed = false

    init(handle: UnsafeMutablePointer<lxw_workbook>, path: String) {
        self.handle = handle
        self.path = path
    }

    /// Throws when the workbook was closed before `operation`.
    func ensureOpen(_ operation: @autoclosure () -> String) throws(XlsxError) {
        guard isClosed else { return }
        throw CBridge.failure(operation(), "the workbook '\(path)' is already closed")
    }

    /// The C handle of a format for a cell call, after checking it belongs to this workbook
    /// (a format of another workbook would point into memory this one does not own).
    func handle(of format: XlsxFormat?, for operation: @autoclosure () -> String) throws(XlsxError) -> UnsafeMutablePointer<lxw_format>? {
        guard let format else { return nil }
        guard format.lifetime === self else {
            throw CBridge.failure(operation(), "the format belongs to another workbook ('\(format.lifetime.path)')")
        }
        return format.handle
    }

    /// Writes the file; a second call is an error.
    func close() throws(XlsxError) {
        try ensureOpen("close workbook")
        isClosed = true
        try CBridge.check(workbook_close(handle), "write workbook '\(path)'")
    }

    deinit {
        // A workbook abandoned after an error must still free its memory; the file it
        // writes then is incomplete by design and is never moved into place.
        if !isClosed { _ = workbook_close(handle) }
    }
}
