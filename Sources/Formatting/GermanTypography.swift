import Foundation

/// Spaces that must not break in German running text (DIN 5008): inside abbreviations such
/// as "z. B." (a narrow no-break space) and after "§" (a no-break space). Applied to texts
/// from the catalogue before they enter the report's prose and captions.
package enum GermanTypography {
    private static let abbreviations = ["z. B.", "d. h.", "u. a.", "o. Ä.", "u. U.", "i. d. R.", "z. T."]

    package static func text(_ s: String) -> String {
        guard s.contains(". ") || s.contains("§ ") else { return s }
        var out = s
        for abbreviation in abbreviations where out.contains(abbreviation) {
            out = out.replacingOccurrences(of: abbreviation, with: abbreviation.replacingOccurrences(of: " ", with: "\u{202F}"))
        }
        return out.replacingOccurrences(of: "§ ", with: "§\u{00A0}").replacingOccurrences(of: "§§ ", with: "§§\u{00A0}")
    }
}
