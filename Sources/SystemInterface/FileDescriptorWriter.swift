import Foundation

/// Writes whole buffers to a file descriptor with plain POSIX `write`, retrying short writes
/// and interruptions: the output folder's files and a child's standard input.
package enum FileDescriptorWriter {
    /// Creates or truncates the file at `path` and writes `data` to it; returns nil, or the
    /// `errno` of the call that failed. No fsync: outputs become durable by the atomic swap
    /// of their folder, and an fsync per file cost ~14 ms per report.
    package static func write(_ data: Data, toFile path: String) -> Int32? {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return errno }
        defer { close(fd) }
        return writeAll(data, to: fd)
    }

    /// Writes all of `data`; returns nil, or the `errno` of the write that failed.
    package static func writeAll(_ data: Data, to fd: Int32) -> Int32? {
        data.withUnsafeBytes { writeAll($0, to: fd) }
    }

    /// Writes all of `buffer`; returns nil, or the `errno` of the write that failed.
    package static func writeAll(_ buffer: UnsafeRawBufferPointer, to fd: Int32) -> Int32? {
        guard let base = buffer.baseAddress else { return nil }
        var offset = 0
        while offset < buffer.count {
            let written = Foundation.write(fd, base + offset, buffer.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                return errno
            }
            offset += written
        }
        return nil
    }
}
