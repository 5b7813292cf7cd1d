import Foundation

/// Spaces that must not break in German running text (DIN 5008): inside abbreviations such
/// as "z. B." (a narrow no-break space) and after "§" (a no-break space). Applied to texts
/// from the catalogue before they enter the report's prose and captions.
package enum GermanTypography {
    private static let abbreviations = ["z. B.", "d. h.", "u. a.", "o. Ä.", "u. U.", "i. d. R.", "z. T."]

    /// Searched with the standard library (by Character, so canonically equivalent spellings
    /// match as before): Foundation's `contains` and `replacingOccurrences` bridge every
    /// text to NSString on Linux, and every caption and question passes through here.
    package static func text(_ s: String) -> String {
        let s = s.contains("„") ? shortQuotesUnbroken(s) : s
        guard s.firstRange(of: ". ") != nil || s.firstRange(of: "§ ") != nil else { return s }
        var out = s
        for abbreviation in abbreviations where out.firstRange(of: abbreviation) != nil {
            out = out.replacing(abbreviation, with: abbreviation.replacing(" ", with: "\u{202F}"))
        }
        // "§§ " needs no rule of its own: its last "§ " is the one replaced.
        return out.replacing("§ ", with: "§\u{00A0}")
    }

    /// A short quoted label of two words ("„in Erarbeitung“", "„keine Angabe“") does not
    /// break across lines: its space becomes a no-break space. Longer quotations wrap.
    static func shortQuotesUnbroken(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        var rest = Substring(s)
        while let open = rest.firstIndex(of: "„") {
            out.append(contentsOf: rest[rest.startIndex...open])
            let after = rest[rest.index(after: open)...]
            guard let close = after.firstIndex(where: { $0 == "“" || $0 == "„" }), after[close] == "“" else {
                rest = after
                continue
            }
            let inner = after[..<close]
            let spaces = inner.filter { $0 == " " }.count
            let label = String(inner)
            out += spaces == 1 && label.count <= 24 ? label.replacing(" ", with: "\u{00A0}") : label
            rest = after[close...]
        }
        return out + String(rest)
    }
}
