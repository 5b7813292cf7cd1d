/// OOXML's escapes for characters XML cannot carry (ECMA-376 Part 1, 22.9.2.19 ST_Xstring):
/// `_xHHHH_` stands for the UTF-16 code unit HHHH, so Excel writes a carriage return in a
/// cell as `_x000D_`, and a literal `_x000D_` as `_x005F_x000D_` (`_x005F_` is `_`).
/// Decoded in shared strings, inline strings and formula results, as Excel reads them.
enum OOXMLEscapes {
    static func decode(_ text: String) -> String {
        // Checked on the string's own bytes first: almost no cell has an escape.
        guard text.utf8.count >= 7, text.utf8.contains(UInt8(ascii: "_")) else { return text }
        let bytes = Array(text.utf8)
        // Escaped code units collect until plain text follows, so that a surrogate pair written
        // as two escapes decodes to one character.
        var units: [UInt16] = []
        var decodedAny = false
        var out = ""
        var i = 0
        var copiedUpTo = 0
        func flushUnits() {
            guard !units.isEmpty else { return }
            out += String(decoding: units, as: UTF16.self)
            units.removeAll()
        }
        while i + 7 <= bytes.count {
            if bytes[i] == UInt8(ascii: "_"), bytes[i + 1] == UInt8(ascii: "x"), bytes[i + 6] == UInt8(ascii: "_"),
                let unit = hex(bytes[(i + 2)..<(i + 6)])
            {
                if copiedUpTo < i {
                    flushUnits()
                    out += String(decoding: bytes[copiedUpTo..<i], as: UTF8.self)
                }
                units.append(unit)
                i += 7
                copiedUpTo = i
                decodedAny = true
            } else {
                i += 1
            }
        }
        guard decodedAny else { return text }
        flushUnits()
        out += String(decoding: bytes[copiedUpTo...], as: UTF8.self)
        return out
    }

    private static func hex(_ digits: ArraySlice<UInt8>) -> UInt16? {
        var value: UInt16 = 0
        for digit in digits {
            let nibble: UInt8
            switch digit {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): nibble = digit - UInt8(ascii: "0")
            case UInt8(ascii: "A")...UInt8(ascii: "F"): nibble = digit - UInt8(ascii: "A") + 10
            case UInt8(ascii: "a")...UInt8(ascii: "f"): nibble = digit - UInt8(ascii: "a") + 10
            default: return nil
            }
            value = value << 4 | UInt16(nibble)
        }
        return value
    }
}
