import Foundation
import SystemZlib

/// Rewrites a zip archive with some entries' contents replaced: every other entry keeps its
/// compressed bytes, the order stays, and the same input gives the same bytes. Used to set
/// what libxlsxwriter cannot (the workbook's language), after it has closed the file.
package enum ZipRewriter {
    package enum Failure: Error, CustomStringConvertible {
        case deflate(String)
        package var description: String {
            switch self {
            case .deflate(let path): return "cannot compress '\(path)'"
            }
        }
    }

    /// The archive at `url`, with `edit` applied to the text of each entry `only` selects;
    /// the others keep their compressed bytes unread. Written back only when something changed.
    package static func edit(_ url: URL, only: (String) -> Bool, _ edit: (_ path: String, _ text: String) -> String) throws {
        let archive = try ZipArchive(url: url)
        let ordered = archive.entries.values.sorted { $0.localHeaderOffset < $1.localHeaderOffset }
        var output = Data()
        var central = Data()
        var changedAny = false
        for entry in ordered {
            let local = try archive.localHeader(entry)
            let (flags, time, date) = (local.flags, local.time, local.date)
            var method = entry.method
            var crc = entry.crc32
            var compressed = local.compressed
            var size = entry.uncompressedSize
            if only(entry.path) {
                var plain = Data()
                try archive.read(entry) { plain.append($0) }
                let text = String(decoding: plain, as: UTF8.self)
                let edited = edit(entry.path, text)
                if edited != text {
                    changedAny = true
                    let bytes = Data(edited.utf8)
                    compressed = try deflate(bytes, path: entry.path)[...]
                    method = 8
                    size = bytes.count
                    crc = UInt32(bytes.withUnsafeBytes { crc32(0, $0.bindMemory(to: UInt8.self).baseAddress, UInt32($0.count)) })
                }
            }
            let name = Data(entry.path.utf8)
            let offset = output.count
            // Bit 3 (sizes after the data) is cleared: the sizes stand in the header.
            let cleanFlags = flags & ~UInt16(0x0008)
            output.append(le32(0x0403_4B50))
            output.append(le16(20))
            output.append(le16(cleanFlags))
            output.append(le16(method))
            output.append(le16(time))
            output.append(le16(date))
            output.append(le32(crc))
            output.append(le32(UInt32(compressed.count)))
            output.append(le32(UInt32(size)))
            output.append(le16(UInt16(name.count)))
            output.append(le16(0))
            output.append(name)
            output.append(compressed)
            central.append(le32(0x0201_4B50))
            central.append(le16(20))
            central.append(le16(20))
            central.append(le16(cleanFlags))
            central.append(le16(method))
            central.append(le16(time))
            central.append(le16(date))
            central.append(le32(crc))
            central.append(le32(UInt32(compressed.count)))
            central.append(le32(UInt32(size)))
            central.append(le16(UInt16(name.count)))
            central.append(le16(0))
            central.append(le16(0))
            central.append(le16(0))
            central.append(le16(0))
            central.append(le32(0))
            central.append(le32(UInt32(offset)))
            central.append(name)
        }
        guard changedAny else { return }
        let centralOffset = output.count
        output.append(central)
        output.append(le32(0x0605_4B50))
        output.append(le16(0))
        output.append(le16(0))
        output.append(le16(UInt16(ordered.count)))
        output.append(le16(UInt16(ordered.count)))
        output.append(le32(UInt32(central.count)))
        output.append(le32(UInt32(centralOffset)))
        output.append(le16(0))
        try output.write(to: url)
    }

    /// Raw deflate (no zlib header), as zip stores it.
    static func deflate(_ data: Data, path: String) throws -> Data {
        var stream = z_stream()
        guard
            deflateInit2_(
                &stream, 6, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION,
                Int32(MemoryLayout<z_stream>.size)) == Z_OK
        else { throw Failure.deflate(path) }
        defer { deflateEnd(&stream) }
        var output = Data(count: Int(deflateBound(&stream, UInt(data.count))) + 64)
        let status: Int32 = data.withUnsafeBytes { input in
            output.withUnsafeMutableBytes { out in
                stream.next_in = UnsafeMutablePointer(mutating: input.bindMemory(to: Bytef.self).baseAddress)
                stream.avail_in = uInt(input.count)
                stream.next_out = out.bindMemory(to: Bytef.self).baseAddress
                stream.avail_out = uInt(out.count)
                return SystemZlib.deflate(&stream, Z_FINISH)
            }
        }
        guard status == Z_STREAM_END else { throw Failure.deflate(path) }
        output.count = Int(stream.total_out)
        return output
    }

    private static func le16(_ value: UInt16) -> Data { Data([UInt8(value & 0xFF), UInt8(value >> 8)]) }
    private static func le32(_ value: UInt32) -> Data { Data((0..<4).map { UInt8((value >> (8 * UInt32($0))) & 0xFF) }) }
}
