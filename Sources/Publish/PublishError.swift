import Diagnostics
import Foundation

/// Why a publication format could not be written.
public enum PublishError: UserFacingError, Equatable {
    /// A file of the house style folder is missing or unreadable.
    case style(file: String, problem: String)
    /// The tool a format needs is not installed; `install` is the command that installs it.
    case missingTool(format: String, tool: String, install: String)
    /// The tool ran and failed; `detail` is the end of what it printed.
    case toolFailed(format: String, tool: String, status: Int32, detail: String)
    /// pandoc's HTML lacks something the post-processing relies on (a figure, the head).
    case unexpectedHTML(String)
    /// Writing an output file failed.
    case write(file: String, reason: String)

    public var description: String {
        switch self {
        case .style(let file, let problem): return "house style: \(file): \(problem)"
        case .missingTool(let format, let tool, let install):
            return "\(format): \(tool) is not installed; install it with: \(install)"
        case .toolFailed(let format, let tool, let status, let detail):
            return "\(format): \(tool) failed (exit \(status))" + (detail.isEmpty ? "" : ": \(detail)")
        case .unexpectedHTML(let what): return "html: pandoc's output has no \(what)"
        case .write(let file, let reason): return "cannot write \(file): \(reason)"
        }
    }

    /// A broken house style is the user's to fix (like a spec error); a tool's failure is an
    /// output failure.
    public var exitStatus: ExitStatus {
        if case .style = self { return .usage }
        return .outputFailed
    }

    /// The format is skipped, not failed: the run can still succeed with the others.
    public var isMissingTool: Bool {
        if case .missingTool = self { return true }
        return false
    }

    /// The last lines a tool printed, for a message that fits on a screen.
    static func tail(_ text: String, lines: Int = 6) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: true).suffix(lines).joined(separator: " | ")
    }
}
