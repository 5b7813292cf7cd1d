import Diagnostics

/// A failure reported by libxlsxwriter, with the operation that failed.
public struct XlsxError: UserFacingError, Equatable {
    /// libxlsxwriter's error number (`lxw_error`).
    public let code: Int
    /// libxlsxwriter's own description of the code.
    public let message: String
    /// What we asked it to do.
    public let operation: String

    public init(code: Int, message: String, operation: String) {
        self.code = code
        self.message = message
        self.operation = operation
    }

    public var description: String { "\(operation): \(message) (libxlsxwriter error \(code))" }
    public var exitStatus: ExitStatus { .outputFailed }
}
