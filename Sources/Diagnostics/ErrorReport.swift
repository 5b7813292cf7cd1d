/// What the command line prints for an error and the code it exits with, decided here once
/// for the CLI and for the tests that check the printed text.
package struct ErrorReport: Sendable, Equatable {
    /// The line(s) written to standard error, starting with `error: `.
    package let text: String
    package let status: ExitStatus

    /// A `UserFacingError` speaks for itself; anything else is a failed output (exit 3)
    /// described as Swift describes it.
    package init(_ error: any Error) {
        let failure = error as? any UserFacingError
        text = "error: \(failure?.userMessage ?? String(describing: error))"
        status = failure?.exitStatus ?? .outputFailed
    }
}
