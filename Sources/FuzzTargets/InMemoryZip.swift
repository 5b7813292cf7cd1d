import Foundation
import SystemZlib

/// Builds a zip archive in memory (fixtures for the fuzzer and the tests): stored or raw
/// deflate entries with sizes and CRC in the local headers, UTF-8 names, a fixed date
/// (1980-01-01) so the bytes are reproducible. Only what xlsx fixtures need: no zip64, no
/// encryption, no data descriptors.
package enum InMemoryZip {
    package struct Failure: Error, CustomStringConvertible {
        package let description: String
    }

    package static func make(_ parts: [(String, Data)], compressed: Bool = true) throws -> Data {
        var archive = Data()
        var directory = Data()
        for (path, data) in parts {
            let name = Data(path.utf8)
            let payload = compressed ? try deflate(data, path: path) : data
            guard archive.count < UInt32.max, payload.count < UInt32.max, name.count < UInt16.max else {
                throw Failure(description: "'\(path)' is too large for a zip without zip64")
            }
            let crc = UInt32(
                truncatingIfNeeded: data.withUnsafeBytes {
                    crc32(crc32(0, nil, 0), $0.bindMemory(to: UInt8.self).baseAddress, UInt32($0.count))
                })
            let method: UInt16 = compressed ? 8 : 0
            let offset = UInt32(archive.count)
            // Local file header.
            archive.append(le32: 0x0403_4B50)
            archive.append(le16: 20, 0x0800, method, 0, 0x21)
            archive.append(le32: crc, UInt32(payload.count), UInt32(data.count))
            archive.append(le16: UInt16(name.count), 0)
            archive.append(name)
            archive.append(payload)
            // Its central directory record.
            directory.append(le32: 0x0201_4B50)
            directory.append(le16: 20, 20, 0x0800, method, 0, 0x21)
            directory.append(le32: crc, UInt32(payload.count), UInt32(data.count))
            directory.append(le16: UInt16(name.count), 0, 0, 0, 0)
            directory.append(le32: 0, offset)
            directory.append(name)
        }
        let directoryOffset = UInt32(archive.count)
        archive.append(directory)
        // End of central directory.
        archive.append(le32: 0x0605_4B50)
        archive.append(le16: 0, 0, UInt16(parts.count), UInt16(parts.count))
        archive.append(le32: UInt32(directory.count), directoryOffset)
        archive.append(le16: 0)
        return archive
    }

    /// Raw deflate (no zlib header), as zip entries carry it.
    static func deflate(_ data: Data, path: String) throws -> Data {
        var stream = z_stream()
        guard
            deflateInit2_(
                &stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY,
                ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK
        else {
            throw Failure(description: "cannot start deflating '\(path)'")
        }
        defer { deflateEnd(&stream) }
        let capacity = Int(deflateBound(&stream, uLong(data.count)))
        var output = Data(count: capacity)
        var input = data
        let status: Int32 = input.withUnsafeMutableBytes { inBytes in
            output.withUnsafeMutableBytes { outBytes in
                stream.next_in = inBytes.bindMemory(to: Bytef.self).baseAddress
                stream.avail_in = uInt(inBytes.count)
                stream.next_out = outBytes.bindMemory(to: Bytef.self).baseAddress
                stream.avail_out = uInt(outBytes.count)
                return SystemZlib.deflate(&stream, Z_FINISH)
            }
        }
        guard status == Z_STREAM_END else { throw Failure(description: "cannot deflate '\(path)' (zlib \(status))") }
        return output.prefix(Int(stream.total_out))
    }
}

extension Data {
    fileprivate mutating func append(le16 values: UInt16...) {
        for value in values { append(contentsOf: [UInt8(value & 0xFF), UInt8(value >> 8)]) }
    }

    fileprivate mutating func append(le32 values: UInt32...) {
        for value in values { append(contentsOf: (0..<4).map { UInt8((value >> (8 * UInt32($0))) & 0xFF) }) }
    }
}
