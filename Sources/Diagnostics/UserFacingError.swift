/// An error a user of the tool can meet. Every stage throws its own type (`IngestError`,
/// `DataProblems`, `SpecErrors`, `TemplateError`, `PublishError`, `OutputError`); all of
/// them conform to this protocol, so the command line prints and maps them in one place.
///
/// The message says, in the user's terms, where the problem is (file › sheet › cell, or
/// file:line) and what was expected there. It never passes on Foundation's generic
/// "The operation could not be completed".
public protocol UserFacingError: Error, Sendable, CustomStringConvertible {
    /// What the command line prints after `error: `; may span several lines.
    var userMessage: String { get }
    /// The process exit code this error ends a run with.
    var exitStatus: ExitStatus { get }
}

extension UserFacingError {
    public var userMessage: String { description }
}
