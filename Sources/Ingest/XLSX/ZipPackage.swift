import Foundation

/// Read access to the parts of an xlsx (OPC) package.
///
/// Every read is bounded: an entry whose declared *or* actual uncompressed size exceeds
/// `limits.maxEntryBytes` is refused (zip bombs lie about their size), and the CRC of
/// every entry is checked so a damaged file is reported instead of half-read.
package final class ZipPackage {
    let fileName: String
    private let archive: ZipArchive
    private let limits: IngestLimits

    package convenience init(url: URL, fileName: String, limits: IngestLimits) throws(IngestError) {
        self.init(archive: try Self.open(fileName) { try ZipArchive(url: url) }, fileName: fileName, limits: limits)
    }

    /// An archive held in memory (uploads, tests, the fuzzer).
    convenience init(data: Data, fileName: String, limits: IngestLimits) throws(IngestError) {
        guard !data.isEmpty else { throw IngestError(file: fileName, .emptyFile) }
        self.init(archive: try Self.open(fileName) { try ZipArchive(bytes: data) }, fileName: fileName, limits: limits)
    }

    private static func open(_ fileName: String, _ make: () throws -> ZipArchive) throws(IngestError) -> ZipArchive {
        do {
            return try make()
        } catch let failure as ZipArchive.Failure {
            throw IngestError(file: fileName, reason(failure))
        } catch {
            throw IngestError(file: fileName, .unreadable("\(error)"))
        }
    }

    private init(archive: ZipArchive, fileName: String, limits: IngestLimits) {
        self.fileName = fileName
        self.limits = limits
        self.archive = archive
    }

    func contains(_ path: String) -> Bool { entry(path) != nil }

    /// OPC part names are case-insensitive (ECMA-376 Part 2, 6.2.2.3): a relationship that
    /// says `sharedStrings.xml` finds the part `xl/SharedStrings.xml`.
    private func entry(_ path: String) -> ZipArchive.Entry? {
        archive.entries[path] ?? partsByLowercasedName[path.lowercased()]
    }

    private lazy var partsByLowercasedName: [String: ZipArchive.Entry] = Dictionary(
        archive.entries.values.map { ($0.path.lowercased(), $0) }, uniquingKeysWith: { a, b in a.path < b.path ? a : b })

    /// Streams an entry's bytes to `consumer` in chunks.
    package func read(_ path: String, consumer: (Data) throws -> Void) throws {
        guard let entry = entry(path) else { throw IngestError(file: fileName, .missingPart(path)) }
        let limit = limits.maxEntryBytes
        guard entry.uncompressedSize <= limit else {
            throw IngestError(file: fileName, .entryTooLarge(entry: path, limit: limit))
        }
        var total = 0
        do {
            try archive.read(entry) { chunk in
                total += chunk.count
                if total > limit { throw IngestError(file: fileName, .entryTooLarge(entry: path, limit: limit)) }
                try consumer(chunk)
            }
        } catch let failure as ZipArchive.Failure {
            throw IngestError(file: fileName, Self.reason(failure))
        }
    }

    /// Reads a whole (small) entry into memory.
    func readAll(_ path: String) throws -> [UInt8] {
        var bytes: [UInt8] = []
        try read(path) { bytes.append(contentsOf: $0) }
        return bytes
    }

    private static func reason(_ failure: ZipArchive.Failure) -> IngestError.Reason {
        switch failure {
        case .notAZip: return .notAZip
        case .damaged(let why): return .corruptZip(why)
        case .encrypted: return .encrypted
        case .legacyWorkbook: return .legacyXLS
        }
    }
}
