import Diagnostics

/// The errors that stop a run at the data: every one found in the catalogue and the waves,
/// each with its file › sheet › cell (all at once, so one run shows the whole list).
public struct DataProblems: UserFacingError {
    /// Errors first, in file order; notes only where `--strict` made them errors.
    public let issues: [ValidationIssue]

    public init(_ issues: [ValidationIssue]) {
        self.issues = issues
    }

    public var errors: [ValidationIssue] { issues.filter { $0.severity == .error } }

    public var description: String { errors.map(\.description).joined(separator: "\n") }

    public var userMessage: String {
        "the data has \(errors.count) problem(s):\n" + errors.map { "  \($0.description)" }.joined(separator: "\n")
    }

    public var exitStatus: ExitStatus { .dataErrors }
}
