import Diagnostics

/// A problem in a report spec, with the spec file and line.
public struct SpecError: Error, Sendable, Hashable, CustomStringConvertible {
    public let file: String
    public let line: Int?
    public let message: String

    public init(file: String, line: Int?, _ message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String { "\(file)" + (line.map { ":\($0)" } ?? "") + ": \(message)" }
}

/// All problems of a spec at once.
public struct SpecErrors: UserFacingError, CustomStringConvertible {
    public let errors: [SpecError]

    public init(_ errors: [SpecError]) {
        self.errors = errors
    }

    public var description: String { errors.map(\.description).joined(separator: "\n") }

    public var userMessage: String {
        "the report spec has \(errors.count) problem(s):\n" + errors.map { "  \($0.description)" }.joined(separator: "\n")
    }

    public var exitStatus: ExitStatus { .usage }
}
