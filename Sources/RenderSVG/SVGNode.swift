import Formatting

/// A node of an SVG document: a value, rendered into one buffer. Attributes keep the order
/// they were given in, so the same chart always gives the same bytes.
package indirect enum SVGNode: Sendable, Equatable {
    case element(String, [(String, String)], [SVGNode])
    case text(String)

    package static func == (a: SVGNode, b: SVGNode) -> Bool { a.rendered() == b.rendered() }

    package static func el(_ name: String, _ attributes: [(String, String)] = [], _ children: [SVGNode] = []) -> SVGNode {
        .element(name, attributes, children)
    }

    /// Writes the node. Every text and attribute value is escaped: labels come from
    /// spreadsheets and are untrusted.
    package func render(into out: inout String, indent: Int = 0) {
        switch self {
        case .text(let s):
            out += TextEscaping.xmlText(s)
        case .element(let name, let attributes, let children):
            out += String(repeating: "  ", count: indent) + "<" + name
            for (key, value) in attributes { out += " \(key)=\"\(TextEscaping.xmlAttribute(value))\"" }
            if children.isEmpty {
                out += "/>\n"
                return
            }
            // Elements that hold text stay on one line (white space in text is significant).
            if children.allSatisfy({
                if case .text = $0 { return true }
                return false
            }) {
                out += ">"
                for child in children { child.render(into: &out) }
                out += "</\(name)>\n"
                return
            }
            out += ">\n"
            for child in children { child.render(into: &out, indent: indent + 1) }
            out += String(repeating: "  ", count: indent) + "</\(name)>\n"
        }
    }

    package func rendered() -> String {
        var out = ""
        render(into: &out)
        return out
    }
}

/// Numbers in SVG attributes: at most two decimals, no exponent, no locale, no `-0`.
package enum SVGNumber {
    package static func format(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        var scaled = (value * 100).rounded()
        if scaled == 0 { scaled = 0 }  // drops the sign of -0
        let negative = scaled < 0
        let magnitude = Int64(abs(scaled))
        let whole = magnitude / 100
        let fraction = magnitude % 100
        var text = String(whole)
        if fraction != 0 {
            text += fraction % 10 == 0 ? "." + String(fraction / 10) : "." + (fraction < 10 ? "0" : "") + String(fraction)
        }
        return negative ? "-" + text : text
    }
}
