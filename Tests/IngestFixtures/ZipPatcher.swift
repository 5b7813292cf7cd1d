import Foundation
import TestSupport

/// Edits zip headers in place, to build archives that lie about themselves.
package enum ZipPatcher {
    /// Sets the declared uncompressed size of `entry` in its local header and central
    /// directory record.
    package static func declare(size: UInt32, for entry: String, in data: Data) -> Data {
        var bytes = [UInt8](data)
        let name = Array(entry.utf8)
        func u16(_ i: Int) -> Int { Int(bytes[i]) | Int(bytes[i + 1]) << 8 }
        func write32(_ value: UInt32, at i: Int) {
            for k in 0..<4 { bytes[i + k] = UInt8((value >> (8 * UInt32(k))) & 0xFF) }
        }
        var i = 0
        while i + 46 < bytes.count {
            if bytes[i] == 0x50, bytes[i + 1] == 0x4B, bytes[i + 2] == 3, bytes[i + 3] == 4 {
                let length = u16(i + 26)
                if Array(bytes[(i + 30)..<min(bytes.count, i + 30 + length)]) == name { write32(size, at: i + 22) }
            } else if bytes[i] == 0x50, bytes[i + 1] == 0x4B, bytes[i + 2] == 1, bytes[i + 3] == 2 {
                let length = u16(i + 28)
                if Array(bytes[(i + 46)..<min(bytes.count, i + 46 + length)]) == name { write32(size, at: i + 24) }
            }
            i += 1
        }
        return Data(bytes)
    }

    /// Flips bytes in the middle of `entry`'s stored data (not its headers).
    package static func corruptData(of entry: String, in data: Data) -> Data {
        var bytes = [UInt8](data)
        let name = Array(entry.utf8)
        var i = 0
        while i + 30 < bytes.count {
            if bytes[i] == 0x50, bytes[i + 1] == 0x4B, bytes[i + 2] == 3, bytes[i + 3] == 4 {
                let nameLength = Int(bytes[i + 26]) | Int(bytes[i + 27]) << 8
                let extraLength = Int(bytes[i + 28]) | Int(bytes[i + 29]) << 8
                let compressed = Int(bytes[i + 18]) | Int(bytes[i + 19]) << 8 | Int(bytes[i + 20]) << 16
                if Array(bytes[(i + 30)..<(i + 30 + nameLength)]) == name {
                    let start = i + 30 + nameLength + extraLength + compressed / 3
                    for k in start..<min(start + 16, bytes.count) { bytes[k] ^= 0xA5 }
                    break
                }
            }
            i += 1
        }
        return Data(bytes)
    }
}
