import CZlib
import Foundation
import ZIPFoundation

/// Read access to the parts of an xlsx (OPC) package.
///
/// Every read is bounded: an entry whose declared *or* actual uncompressed size exceeds
/// `limits.maxEntryBytes` is refused (zip bombs lie about their size), and the CRC of
/// every entry is checked so a damaged file is reported instead of half-read.
final class ZipPackage {
    let fileName: String
    private let archive: Archive
    private let limits: IngestLimits
    private let entries: [String: Entry]

    init(url: URL, fileName: String, limits: IngestLimits) throws(IngestError) {
        self.fileName = fileName
        self.limits = limits
        let archive: Archive
        do {
            archive = try Archive(url: url, accessMode: .read)
        } catch {
            throw IngestError(file: fileName, Self.reason(for: error))
        }
        self.archive = archive
        var entries: [String: Entry] = [:]
        for entry in archive where entry.type == .file {
            entries[entry.path.replacingOccurrences(of: "\\", with: "/")] = entry
        }
        self.entries = entries
    }

    func contains(_ path: String) -> Bool { entries[path] != nil }

    /// Streams an entry's bytes to `consumer` in chunks.
    func read(_ path: String, consumer: (Data) throws -> Void) throws {
        guard let entry = entries[path] else { throw IngestError(file: fileName, .missingPart(path)) }
        let limit = limits.maxEntryBytes
        guard entry.uncompressedSize <= UInt64(limit) else {
            throw IngestError(file: fileName, .entryTooLarge(entry: path, limit: limit))
        }
        var total = 0
        // Errors raised by our own consumer pass through unchanged; only the archive's
        // own failures become "damaged archive".
        var consumerError: Error?
        // The CRC is computed here with zlib's (vectorised) crc32: ZIPFoundation cannot see
        // zlib on Linux and falls back to a byte-wise table loop, a fifth of the ingest time.
        var checksum: UInt = 0
        do {
            _ = try archive.extract(entry, bufferSize: 256 * 1024, skipCRC32: true) { chunk in
                total += chunk.count
                checksum = chunk.withUnsafeBytes { buffer in
                    CZlib.crc32(checksum, buffer.bindMemory(to: UInt8.self).baseAddress, UInt32(buffer.count))
                }
                if total > limit {
                    consumerError = IngestError(file: self.fileName, .entryTooLarge(entry: path, limit: limit))
                    throw consumerError!
                }
                do { try consumer(chunk) } catch {
                    consumerError = error
                    throw error
                }
            }
        } catch {
            if let consumerError { throw consumerError }
            throw IngestError(file: fileName, .corruptZip("entry '\(path)': \(error)"))
        }
        if UInt32(truncatingIfNeeded: checksum) != entry.checksum {
            throw IngestError(file: fileName, .corruptZip("entry '\(path)' fails its CRC check"))
        }
    }

    /// Reads a whole (small) entry into memory.
    func readAll(_ path: String) throws -> [UInt8] {
        var bytes: [UInt8] = []
        try read(path) { bytes.append(contentsOf: $0) }
        return bytes
    }

    private static func reason(for error: Error) -> IngestError.Reason {
        if let archiveError = error as? Archive.ArchiveError {
            switch archiveError {
            case .unreadableArchive: return .unreadable("permission denied or not a regular file")
            case .missingEndOfCentralDirectoryRecord: return .notAZip
            default: return .corruptZip("\(archiveError)")
            }
        }
        return .corruptZip("\(error)")
    }
}
