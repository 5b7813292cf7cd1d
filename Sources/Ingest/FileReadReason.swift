import Foundation

/// Why a file could not be read, in plain words from the system's error number, instead of
/// Foundation's "The operation could not be completed".
enum FileReadReason {
    static func describe(_ error: any Error) -> String {
        let nsError = error as NSError
        let posix =
            (nsError.userInfo[NSUnderlyingErrorKey] as? NSError).flatMap { $0.domain == NSPOSIXErrorDomain ? $0.code : nil }
            ?? (nsError.domain == NSPOSIXErrorDomain ? nsError.code : nil)
        switch (posix.map(Int32.init), nsError.domain == NSCocoaErrorDomain ? nsError.code : nil) {
        case (ENOENT?, _), (_, NSFileReadNoSuchFileError?): return "no such file"
        case (EACCES?, _), (EPERM?, _), (_, NSFileReadNoPermissionError?): return "permission denied"
        case (EISDIR?, _): return "it is a folder, not a file"
        case (let code?, _): return String(cString: strerror(code))
        default: return "the system refused to read it (\(nsError.domain) \(nsError.code))"
        }
    }
}
