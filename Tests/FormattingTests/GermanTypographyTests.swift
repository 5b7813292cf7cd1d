import Formatting
import Testing

/// Spaces that must not break (DIN 5008): in abbreviations, after "§", and inside a short
/// quoted label; longer quotations and ordinary text keep their spaces.
@Suite struct GermanTypographyTests {
    @Test func abbreviationsAndParagraphSignsDoNotBreak() {
        #expect(GermanTypography.text("etwa nach § 16h SGB II, z. B. Beratung") == "etwa nach §\u{00A0}16h SGB II, z.\u{202F}B. Beratung")
    }

    @Test func aShortQuotedLabelStaysOnOneLine() {
        #expect(GermanTypography.text("von „in Erarbeitung“ zu „ja“") == "von „in\u{00A0}Erarbeitung“ zu „ja“")
        #expect(GermanTypography.text("„keine Angabe“ und „nicht erhoben“") == "„keine\u{00A0}Angabe“ und „nicht\u{00A0}erhoben“")
        // Three words or a long label wrap as usual, and so does an unclosed quote.
        #expect(GermanTypography.text("„Standort am Bahnhof“") == "„Standort am Bahnhof“")
        #expect(GermanTypography.text("„Fortlaufende Weiterentwicklungsprozesse“") == "„Fortlaufende Weiterentwicklungsprozesse“")
        #expect(GermanTypography.text("„offen ohne Ende") == "„offen ohne Ende")
        #expect(GermanTypography.text("ohne Anführungszeichen hier") == "ohne Anführungszeichen hier")
    }
}
