import Foundation

/// Escaping of untrusted text (every spreadsheet cell is untrusted) for each output format.
package enum TextEscaping {
    /// XML/SVG text content: `& < >`. Control characters XML cannot carry are dropped.
    package static func xmlText(_ s: String) -> String { escapeXML(s, attribute: false) }

    /// XML/SVG attribute values: `& < > " '` (and line breaks/tabs as references).
    package static func xmlAttribute(_ s: String) -> String { escapeXML(s, attribute: true) }

    /// Works on UTF-8 bytes: every character that needs escaping is ASCII, and most labels
    /// need none, so the common case is one scan and no copy.
    private static func escapeXML(_ s: String, attribute: Bool) -> String {
        func needsWork(_ b: UInt8) -> Bool {
            switch b {
            case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"): return true
            case UInt8(ascii: "\""), UInt8(ascii: "'"), 0x0A, 0x09: return attribute
            case 0x0D: return false
            case 0xEF: return true  // possibly U+FFFE / U+FFFF
            default: return b < 0x20
            }
        }
        let utf8 = s.utf8
        guard utf8.contains(where: needsWork) else { return s }
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count + 16)
        var iterator = utf8.makeIterator()
        var pending: [UInt8] = []
        while let b = pending.isEmpty ? iterator.next() : pending.removeFirst() {
            switch b {
            case UInt8(ascii: "&"): out += Array("&amp;".utf8)
            case UInt8(ascii: "<"): out += Array("&lt;".utf8)
            case UInt8(ascii: ">"): out += Array("&gt;".utf8)
            case UInt8(ascii: "\"") where attribute: out += Array("&quot;".utf8)
            case UInt8(ascii: "'") where attribute: out += Array("&apos;".utf8)
            case 0x0A where attribute: out += Array("&#10;".utf8)
            case 0x09 where attribute: out += Array("&#9;".utf8)
            case 0x09, 0x0A, 0x0D: out.append(b)
            case 0xEF:
                // U+FFFE and U+FFFF (EF BF BE / EF BF BF) are not XML characters.
                let b2 = iterator.next()
                let b3 = iterator.next()
                if b2 == 0xBF, b3 == 0xBE || b3 == 0xBF { continue }
                out.append(b)
                pending = [b2, b3].compactMap { $0 }
            default:
                if b >= 0x20 { out.append(b) }
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// One CSV field (RFC 4180): quoted when it contains the separator, a quote or a line
    /// break. With `guardFormula`, text a spreadsheet would run as a formula (starting with
    /// `= + - @`, tab or CR) is prefixed with `'` so Excel and LibreOffice show it as text.
    /// Plain numbers (`-0.25`) are left alone: they are data, not formulas.
    package static func csvField(_ s: String, separator: Character = ",", guardFormula: Bool = false) -> String {
        var value = s
        if guardFormula, let first = value.utf8.first, "=+-@\t\r".utf8.contains(first), !isPlainNumber(value) {
            value = "'" + value
        }
        let separatorByte = separator.asciiValue ?? UInt8(ascii: ",")
        guard value.utf8.contains(where: { $0 == separatorByte || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }) else {
            return value
        }
        return "\"" + value.replacing("\"", with: "\"\"") + "\""
    }

    /// `s` as a JSON string literal appended to `out`: quotes, backslashes and control
    /// characters escaped, all else as UTF-8 (runs without such bytes are copied whole).
    /// `namedControls` writes backspace and form feed as `\b` and `\f` (as `JSONEncoder`
    /// does) instead of `\u0008` and `\u000c`.
    package static func appendJSONString(_ s: String, to out: inout [UInt8], namedControls: Bool) {
        out.append(0x22)
        var s = s
        s.withUTF8 { bytes in
            var runStart = 0
            for (index, byte) in bytes.enumerated() where byte < 0x20 || byte == 0x22 || byte == 0x5C {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                runStart = index + 1
                switch byte {
                case 0x22: out.append(contentsOf: [0x5C, 0x22])
                case 0x5C: out.append(contentsOf: [0x5C, 0x5C])
                case 0x0A: out.append(contentsOf: [0x5C, 0x6E])
                case 0x0D: out.append(contentsOf: [0x5C, 0x72])
                case 0x09: out.append(contentsOf: [0x5C, 0x74])
                case 0x08 where namedControls: out.append(contentsOf: [0x5C, 0x62])
                case 0x0C where namedControls: out.append(contentsOf: [0x5C, 0x66])
                default:
                    let hex = Array("0123456789abcdef".utf8)
                    out.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]])
                }
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
        }
        out.append(0x22)
    }

    static let markdownSpecialBytes: Set<UInt8> = Set("\\`*_[]|<>#~${}&@^\n\r".utf8)
    static let markdownVerbatimSpecialBytes: Set<UInt8> = markdownSpecialBytes.union("\"'".utf8)

    /// `-12`, `-0.961538`: an optional minus, digits, an optional decimal point and digits.
    static func isPlainNumber(_ s: String) -> Bool {
        var digits = 0
        var seenPoint = false
        for (i, ch) in s.enumerated() {
            if ch == "-", i == 0 { continue }
            if ch == ".", !seenPoint, digits > 0 {
                seenPoint = true
                continue
            }
            guard ch.isASCII, ch.isNumber else { return false }
            digits += 1
        }
        return digits > 0 && s.last != "."
    }

    /// One CSV record terminated by CRLF as RFC 4180 asks.
    package static func csvRecord(_ fields: [String], separator: Character = ",", guardFormula: Bool = false) -> String {
        fields.map { csvField($0, separator: separator, guardFormula: guardFormula) }
            .joined(separator: String(separator)) + "\r\n"
    }

    /// Inline Markdown text: escapes characters with Markdown meaning and HTML, folds line
    /// breaks, and neutralises block syntax at the start (`#`, `>`, `-`, `+`, `1.`).
    /// `verbatim`: respondents' own words, which pandoc must print as typed: their straight
    /// quotes and apostrophes stay straight (pandoc's `smart` would curl them).
    package static func markdownInline(_ s: String, verbatim: Bool = false) -> String {
        // Most values need nothing: no special ASCII, and no list marker or number at the start.
        let special: Set<UInt8> = verbatim ? Self.markdownVerbatimSpecialBytes : Self.markdownSpecialBytes
        if let first = s.utf8.first, first != UInt8(ascii: "-"), first != UInt8(ascii: "+"),
            !(first >= UInt8(ascii: "0") && first <= UInt8(ascii: "9")),
            !s.utf8.contains(where: { special.contains($0) })
        {
            return s
        }
        var out = ""
        out.reserveCapacity(s.utf8.count + 8)
        for ch in s {
            switch ch {
            // "@" would start a citation and "^" a superscript or an inline note in pandoc.
            case "\\", "`", "*", "_", "[", "]", "|", "<", ">", "#", "~", "$", "{", "}", "@", "^":
                out.append("\\")
                out.append(ch)
            case "\"",
                "'" where verbatim:
                out.append("\\")
                out.append(ch)
            // A backslash, not an entity: "\\&" reads as "&" in the Markdown itself too.
            case "&": out += "\\&"
            case "\r\n", "\n", "\r": out += " "
            default: out.append(ch)
            }
        }
        // A leading list marker ("- ", "+ ") or ordered-list number ("1. ", "1) ") would start a
        // block when the value begins a line; a marker needs a space (or the end) after it.
        let chars = Array(out)
        if let first = chars.first, first == "-" || first == "+", chars.count == 1 || chars[1] == " " {
            out = "\\" + out
        } else if let end = chars.firstIndex(where: { !$0.isNumber }), end > 0, chars[end] == "." || chars[end] == ")",
            end + 1 == chars.count || chars[end + 1] == " "
        {
            out.insert("\\", at: out.index(out.startIndex, offsetBy: end))
        }
        return out
    }
}
