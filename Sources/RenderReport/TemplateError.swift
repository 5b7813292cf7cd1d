import Diagnostics

/// A template problem at a line of the template file (unknown placeholder, typed digit,
/// a prose rule broken by the rendered text).
public struct TemplateError: UserFacingError, Equatable {
    public let file: String
    public let line: Int
    public let message: String

    public init(file: String, line: Int, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String { "\(file):\(line): \(message)" }
    public var userMessage: String { "the report template: \(description)" }
    public var exitStatus: ExitStatus { .usage }
}
