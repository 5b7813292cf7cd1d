import Foundation
import SystemZlib

/// A bounded reader for zip archives (the container of xlsx files).
///
/// Our own rather than ZIPFoundation's read path: fuzzing found that ZIPFoundation 0.9.20
/// loops forever on a deflate stream that never ends (it keeps asking for input past the
/// end of the file). Here every entry is inflated from exactly its compressed bytes, every
/// offset and size is checked against the file, and a stream that stops early is reported
/// as truncated. The file is read into memory, not mapped: a mapped file that another
/// program truncates while we read it ends the process with SIGBUS, and a workbook is
/// small next to its inflated sheets.
package struct ZipArchive {
    package struct Entry {
        package let path: String
        let method: UInt16
        let crc32: UInt32
        let compressedSize: Int
        let uncompressedSize: Int
        let localHeaderOffset: Int
    }

    enum Failure: Error, Equatable {
        case notAZip
        case damaged(String)
        /// An OLE2 compound file holding an `EncryptedPackage`: a password-protected workbook.
        case encrypted
        /// An OLE2 compound file without one: an Excel 97–2003 `.xls` workbook.
        case legacyWorkbook
    }

    let bytes: Data
    package let entries: [String: Entry]

    package init(url: URL) throws {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw Failure.damaged("cannot read: \(FileReadReason.describe(error))")
        }
        try self.init(bytes: data)
    }

    init(bytes: Data) throws {
        self.bytes = bytes
        do {
            entries = try Self.centralDirectory(bytes)
        } catch Failure.notAZip {
            throw Self.compoundFileKind(bytes) ?? Failure.notAZip
        }
    }

    /// Excel saves a password-protected workbook, and the old .xls format, as an OLE2
    /// compound file (magic D0 CF 11 E0 A1 B1 1A E1); its directory names the streams in
    /// UTF-16LE, so an `EncryptedPackage` stream marks an encrypted workbook.
    private static func compoundFileKind(_ d: Data) -> Failure? {
        let magic: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]
        guard d.count >= 512, d.prefix(8).elementsEqual(magic) else { return nil }
        let name = Data("EncryptedPackage".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        return d.range(of: name) != nil ? .encrypted : .legacyWorkbook
    }

    // MARK: Little-endian access with bounds checks

    private static func u16(_ d: Data, _ at: Int) throws -> Int {
        guard at >= 0, at + 2 <= d.count else { throw Failure.damaged("header past the end of the file") }
        let base = d.startIndex + at
        return Int(d[base]) | Int(d[base + 1]) << 8
    }

    private static func u32(_ d: Data, _ at: Int) throws -> Int {
        guard at >= 0, at + 4 <= d.count else { throw Failure.damaged("header past the end of the file") }
        let base = d.startIndex + at
        return Int(d[base]) | Int(d[base + 1]) << 8 | Int(d[base + 2]) << 16 | Int(d[base + 3]) << 24
    }

    /// Finds the end-of-central-directory record and reads every entry it lists.
    private static func centralDirectory(_ d: Data) throws -> [String: Entry] {
        guard d.count >= 22 else { throw Failure.notAZip }
        var eocd = -1
        let lowest = max(0, d.count - 22 - 65_535)
        var i = d.count - 22
        while i >= lowest {
            if try u32(d, i) == 0x0605_4B50 {
                eocd = i
                break
            }
            i -= 1
        }
        guard eocd >= 0 else { throw Failure.notAZip }
        let count = try u16(d, eocd + 10)
        let size = try u32(d, eocd + 12)
        let offset = try u32(d, eocd + 16)
        if count == 0xFFFF || size == 0xFFFF_FFFF || offset == 0xFFFF_FFFF {
            throw Failure.damaged("ZIP64 archives are not supported (workbooks over 4 GB)")
        }
        guard offset + size <= eocd else { throw Failure.damaged("central directory outside the file") }
        var entries: [String: Entry] = [:]
        var at = offset
        for _ in 0..<count {
            guard try u32(d, at) == 0x0201_4B50 else { throw Failure.damaged("bad central directory record") }
            let nameLength = try u16(d, at + 28)
            let extraLength = try u16(d, at + 30)
            let commentLength = try u16(d, at + 32)
            guard at + 46 + nameLength <= d.count else { throw Failure.damaged("entry name past the end of the file") }
            let nameStart = d.startIndex + at + 46
            let path = String(decoding: d[nameStart..<(nameStart + nameLength)], as: UTF8.self)
                .replacingOccurrences(of: "\\", with: "/")
            let entry = Entry(
                path: path, method: UInt16(try u16(d, at + 10)), crc32: UInt32(try u32(d, at + 16)),
                compressedSize: try u32(d, at + 20), uncompressedSize: try u32(d, at + 24),
                localHeaderOffset: try u32(d, at + 42))
            if !path.hasSuffix("/") { entries[path] = entry }
            at += 46 + nameLength + extraLength + commentLength
        }
        return entries
    }

    /// What an entry's local header holds beside the central directory: its flags, DOS
    /// time and date, and where its stored (compressed) bytes are.
    struct LocalHeader {
        let flags: UInt16
        let time: UInt16
        let date: UInt16
        let compressed: Data
    }

    /// An entry's local header, checked: the signature, and that its bytes are in the file.
    func localHeader(_ entry: Entry) throws -> LocalHeader {
        let d = bytes
        let header = entry.localHeaderOffset
        guard try Self.u32(d, header) == 0x0403_4B50 else { throw Failure.damaged("entry '\(entry.path)' has no local header") }
        let start = header + 30 + (try Self.u16(d, header + 26)) + (try Self.u16(d, header + 28))
        guard start + entry.compressedSize <= d.count else {
            throw Failure.damaged("entry '\(entry.path)' is cut off (the file is truncated)")
        }
        return LocalHeader(
            flags: UInt16(try Self.u16(d, header + 6)), time: UInt16(try Self.u16(d, header + 10)),
            date: UInt16(try Self.u16(d, header + 12)),
            compressed: d[(d.startIndex + start)..<(d.startIndex + start + entry.compressedSize)])
    }

    /// Streams an entry's uncompressed bytes to `consumer`; checks the CRC at the end.
    package func read(_ entry: Entry, chunkSize: Int = 256 * 1024, consumer: (Data) throws -> Void) throws {
        let compressed = try localHeader(entry).compressed
        var crc: UInt = crc32(0, nil, 0)
        func emit(_ chunk: Data) throws {
            crc = chunk.withUnsafeBytes { crc32(crc, $0.bindMemory(to: UInt8.self).baseAddress, UInt32($0.count)) }
            try consumer(chunk)
        }
        switch entry.method {
        case 0:
            var position = compressed.startIndex
            while position < compressed.endIndex {
                let end = min(position + chunkSize, compressed.endIndex)
                try emit(Data(compressed[position..<end]))
                position = end
            }
        case 8:
            try inflate(compressed, path: entry.path, chunkSize: chunkSize, emit: emit)
        default:
            throw Failure.damaged("entry '\(entry.path)' uses compression method \(entry.method); expected deflate")
        }
        guard UInt32(truncatingIfNeeded: crc) == entry.crc32 else {
            throw Failure.damaged("entry '\(entry.path)' fails its CRC check")
        }
    }

    /// Raw deflate with zlib, from exactly the entry's bytes: the loop ends when the stream
    /// ends, and fails when the input is used up first or zlib makes no progress.
    private func inflate(_ input: Data, path: String, chunkSize: Int, emit: (Data) throws -> Void) throws {
        var stream = z_stream()
        guard inflateInit2_(&stream, -MAX_WBITS, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw Failure.damaged("cannot start inflating '\(path)'")
        }
        defer { inflateEnd(&stream) }
        var output = [UInt8](repeating: 0, count: chunkSize)
        try input.withUnsafeBytes { (source: UnsafeRawBufferPointer) in
            stream.next_in = UnsafeMutablePointer(mutating: source.bindMemory(to: UInt8.self).baseAddress)
            stream.avail_in = UInt32(source.count)
            while true {
                let (status, produced) = output.withUnsafeMutableBufferPointer { buffer -> (Int32, Int) in
                    stream.next_out = buffer.baseAddress
                    stream.avail_out = UInt32(buffer.count)
                    let status = SystemZlib.inflate(&stream, Z_NO_FLUSH)
                    return (status, buffer.count - Int(stream.avail_out))
                }
                if produced > 0 { try emit(Data(output[0..<produced])) }
                switch status {
                case Z_STREAM_END:
                    return
                case Z_OK:
                    continue
                case Z_BUF_ERROR where produced == 0:
                    throw Failure.damaged("entry '\(path)' ends in the middle of its compressed data")
                case Z_BUF_ERROR:
                    continue
                default:
                    throw Failure.damaged("entry '\(path)' has damaged compressed data")
                }
            }
        }
    }
}
