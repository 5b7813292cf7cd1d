import Diagnostics
import Foundation

/// A failure writing the outputs, in the user's terms: which folder or file, what was tried,
/// and why the system refused (never Foundation's "The operation could not be completed").
public struct OutputError: UserFacingError, Equatable {
    /// What was being done when the system refused.
    public enum Operation: Sendable, Equatable {
        case createFolder
        case writeFile
        /// Moving the finished staging folder into the target's place.
        case replaceTarget
    }

    public let operation: Operation
    public let path: String
    public let reason: String

    public init(_ operation: Operation, path: String, reason: String) {
        self.operation = operation
        self.path = path
        self.reason = reason
    }

    /// The error for a failed system call, its reason from `errno`.
    package static func posix(_ operation: Operation, path: String, code: Int32 = errno) -> OutputError {
        OutputError(operation, path: path, reason: reason(code, operation: operation))
    }

    public var exitStatus: ExitStatus { .outputFailed }

    public var description: String {
        switch operation {
        case .createFolder: return "cannot create the folder \(path): \(reason)"
        case .writeFile: return "cannot write \(path): \(reason)"
        case .replaceTarget: return "cannot move the finished outputs to \(path): \(reason)"
        }
    }

    /// Plain words for the system's reasons a user can act on; the rest as the system says it.
    static func reason(_ code: Int32, operation: Operation) -> String {
        switch code {
        case EACCES, EPERM: return "permission denied"
        case EROFS: return "the file system is read-only"
        case ENOSPC: return "the disk is full"
        case EDQUOT: return "the disk quota is used up"
        case ENOTDIR: return "a file (not a folder) of that name is in the way"
        case ENAMETOOLONG: return "the path is too long"
        case ENOENT where operation == .createFolder:
            return "the system does not allow folders there (No such file or directory)"
        default: return String(cString: strerror(code))
        }
    }

    /// Creates a folder and its parents (`mkdir -p`) with the system's reason on failure.
    /// With `existing`, only the folders below it are made: if it is gone, this fails
    /// instead of bringing it back.
    static func createFolder(_ url: URL, below existing: URL? = nil) throws(OutputError) {
        var components = url.standardizedFileURL.pathComponents.filter { $0 != "/" }
        var path = ""
        if let base = existing?.standardizedFileURL.pathComponents.filter({ $0 != "/" }), components.starts(with: base) {
            path = "/" + base.joined(separator: "/")
            components.removeFirst(base.count)
        }
        for component in components {
            path += "/" + component
            var info = stat()
            if stat(path, &info) == 0 {
                guard (info.st_mode & S_IFMT) == S_IFDIR else {
                    throw OutputError(.createFolder, path: url.path, reason: "\(path) is a file, not a folder")
                }
                continue
            }
            if mkdir(path, 0o755) != 0, errno != EEXIST {
                throw posix(.createFolder, path: url.path)
            }
        }
    }
}
