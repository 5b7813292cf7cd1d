import Foundation

/// Writes whole buffers to a file descriptor with plain POSIX `write`, retrying short writes
/// and interruptions: the output folder's files and a child's standard input.
package enum FileDescriptorWriter {
    /// Writes all of `data`; returns nil, or the `errno` of the write that failed.
    package static func writeAll(_ data: Data, to fd: Int32) -> Int32? {
        data.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress else { return nil }
            var offset = 0
            while offset < buffer.count {
                let written = write(fd, base + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += written
            }
            return nil
        }
    }
}
