import Foundation

extension String {
    /// The form used to compare headers, region names and answer spellings: Unicode NFC,
    /// every run of white space (line breaks, tabs, no-break spaces) folded to one space,
    /// trimmed, lower-cased. The catalogue says case, line breaks and extra spaces carry no
    /// meaning.
    package var folded: String {
        // ASCII needs no Unicode normalisation: fold it byte by byte.
        if utf8.allSatisfy({ $0 < 0x80 }) {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(utf8.count)
            var pendingSpace = false
            for b in utf8 {
                if b == 0x20 || (b >= 0x09 && b <= 0x0D) {
                    pendingSpace = !bytes.isEmpty
                    continue
                }
                if pendingSpace {
                    bytes.append(0x20)
                    pendingSpace = false
                }
                bytes.append(b >= 0x41 && b <= 0x5A ? b + 0x20 : b)
            }
            return String(decoding: bytes, as: UTF8.self)
        }
        var out = ""
        out.reserveCapacity(utf8.count)
        var pendingSpace = false
        for scalar in precomposedStringWithCanonicalMapping.unicodeScalars {
            if scalar.properties.isWhitespace {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace {
                out.unicodeScalars.append(" ")
                pendingSpace = false
            }
            out.unicodeScalars.append(scalar)
        }
        return out.lowercased()
    }

    /// White space folded and trimmed, case kept: how a label is shown.
    package var whitespaceFolded: String {
        split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
