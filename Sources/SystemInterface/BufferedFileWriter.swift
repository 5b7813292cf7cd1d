import Foundation

/// A file written in chunks: bytes collect in a buffer that goes to disk whenever it holds
/// `chunkSize` bytes, so a file of any size (the tidy answers of a nationwide survey run to
/// hundreds of megabytes) needs only the buffer in memory. The first failed write is kept
/// and reported by `close`; later appends are dropped.
package final class BufferedFileWriter {
    private let fd: Int32
    private var buffer: [UInt8] = []
    private let chunkSize: Int
    private var failure: Int32?

    /// Creates or truncates the file; nil with `errno` set when it cannot be opened.
    package init?(path: String, chunkSize: Int = 1 << 20) {
        fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return nil }
        self.chunkSize = chunkSize
        buffer.reserveCapacity(chunkSize + 4096)
    }

    package func append(_ byte: UInt8) {
        buffer.append(byte)
        if buffer.count >= chunkSize { flush() }
    }

    package func append(contentsOf bytes: some Sequence<UInt8>) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= chunkSize { flush() }
    }

    package func append(_ text: String) { append(contentsOf: text.utf8) }

    private func flush() {
        guard failure == nil, !buffer.isEmpty else {
            buffer.removeAll(keepingCapacity: true)
            return
        }
        failure = buffer.withUnsafeBytes { FileDescriptorWriter.writeAll($0, to: fd) }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes what is left and closes the file; returns nil, or the `errno` of the first
    /// write that failed.
    package func close() -> Int32? {
        flush()
        Foundation.close(fd)
        return failure
    }
}
