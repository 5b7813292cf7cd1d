import Diagnostics

/// A failure reported by libxlsxwriter, with the operation that failed.
package struct XlsxError: UserFacingError, Equatable {
    /// libxlsxwriter's error number (`lxw_error`).
    package let code: Int
    /// libxlsxwriter's own description of the code.
    package let message: String
    /// What we asked it to do.
    package let operation: String

    package init(code: Int, message: String, operation: String) {
        self.code = code
        self.message = message
        self.operation = operation
    }

    package var description: String { "\(operation): \(message) (libxlsxwriter error \(code))" }
    package var exitStatus: ExitStatus { .outputFailed }
}
