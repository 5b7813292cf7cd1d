import Foundation

/// Escaping of untrusted text (every spreadsheet cell is untrusted) for each output format.
public enum TextEscaping {
    /// XML/SVG text content: `& < >`.
    public static func xmlText(_ s: String) -> String {
        guard s.contains(where: { $0 == "&" || $0 == "<" || $0 == ">" || Self.isForbiddenInXML($0) }) else { return s }
        var out = ""
        out.reserveCapacity(s.utf8.count + 16)
        for ch in s {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            default: if !isForbiddenInXML(ch) { out.append(ch) }
            }
        }
        return out
    }

    /// XML/SVG attribute values: `& < > " '`.
    public static func xmlAttribute(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count + 16)
        for ch in s {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\n": out += "&#10;"
            case "\t": out += "&#9;"
            default: if !isForbiddenInXML(ch) { out.append(ch) }
            }
        }
        return out
    }

    /// Control characters that XML 1.0 cannot carry at all (they are dropped).
    static func isForbiddenInXML(_ ch: Character) -> Bool {
        guard let scalar = ch.unicodeScalars.first, ch.unicodeScalars.count == 1 else { return false }
        let v = scalar.value
        return (v < 0x20 && v != 0x09 && v != 0x0A && v != 0x0D) || v == 0xFFFE || v == 0xFFFF
    }

    /// One CSV field (RFC 4180): quoted when it contains the separator, a quote or a line
    /// break. With `guardFormula`, text a spreadsheet would run as a formula (starting with
    /// `= + - @`, tab or CR) is prefixed with `'` so Excel and LibreOffice show it as text.
    /// Plain numbers (`-0.25`) are left alone: they are data, not formulas.
    public static func csvField(_ s: String, separator: Character = ",", guardFormula: Bool = false) -> String {
        var value = s
        if guardFormula, let first = value.first, "=+-@\t\r".contains(first), !isPlainNumber(value) {
            value = "'" + value
        }
        guard value.contains(where: { $0 == separator || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else {
            return value
        }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// `-12`, `-0.961538`: an optional minus, digits, an optional decimal point and digits.
    static func isPlainNumber(_ s: String) -> Bool {
        var digits = 0
        var seenPoint = false
        for (i, ch) in s.enumerated() {
            if ch == "-", i == 0 { continue }
            if ch == ".", !seenPoint, digits > 0 { seenPoint = true; continue }
            guard ch.isASCII, ch.isNumber else { return false }
            digits += 1
        }
        return digits > 0 && s.last != "."
    }

    /// One CSV record terminated by CRLF as RFC 4180 asks.
    public static func csvRecord(_ fields: [String], separator: Character = ",", guardFormula: Bool = false) -> String {
        fields.map { csvField($0, separator: separator, guardFormula: guardFormula) }
            .joined(separator: String(separator)) + "\r\n"
    }

    /// Inline Markdown text: escapes characters with Markdown meaning and HTML, folds line
    /// breaks, and neutralises block syntax at the start (`#`, `>`, `-`, `+`, `1.`).
    public static func markdownInline(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count + 8)
        for ch in s {
            switch ch {
            case "\\", "`", "*", "_", "[", "]", "|", "<", ">", "#", "~", "$", "{", "}":
                out.append("\\")
                out.append(ch)
            case "&": out += "&amp;"
            case "\r\n", "\n", "\r": out += " "
            default: out.append(ch)
            }
        }
        // A leading list marker or ordered-list number would start a block.
        if let first = out.first, first == "-" || first == "+" {
            out = "\\" + out
        } else if let dot = out.firstIndex(of: "."), out[..<dot].allSatisfy(\.isNumber), !out[..<dot].isEmpty {
            out.insert("\\", at: dot)
        }
        return out
    }
}
