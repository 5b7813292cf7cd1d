import Formatting
import Testing

@Suite struct FormattingTests {
    @Test func roundingIsHalfAwayFromZeroOnExactValues() {
        #expect(Ratio(1, 8).rounded(scale: 100, decimals: 1) == 125)  // 12,5 exactly
        #expect(Ratio(1, 16).rounded(scale: 100, decimals: 1) == 63)  // 6,25 → 6,3
        #expect(Ratio(-1, 16).rounded(scale: 100, decimals: 1) == -63)  // −6,25 → −6,3
        #expect(Ratio(9, 13).rounded(scale: 100, decimals: 0) == 69)  // the report's "60 Prozent" slip
        #expect((Ratio(5, 169) - Ratio(25, 169)).rounded(scale: 100, decimals: 1) == -118)
    }

    @Test func germanForms() {
        #expect(GermanFormat.percent(Ratio(10, 13)) == "76,9\u{202F}%")
        #expect(GermanFormat.percent(Ratio(10, 13), decimals: 0) == "77\u{202F}%")
        #expect(GermanFormat.percentagePoints(Ratio(19, 169)) == "+11,2\u{202F}PP")
        #expect(GermanFormat.percentagePoints(Ratio(-1, 104)) == "−1,0\u{202F}PP")
        #expect(GermanFormat.percentagePoints(Ratio(0, 1)) == "±0,0\u{202F}PP")
        #expect(GermanFormat.countOfWithPercent(9, 13) == "9 von 13 (69\u{202F}%)")
        #expect(GermanFormat.integer(1_234_567) == "1\u{202F}234\u{202F}567")
        #expect(GermanFormat.yearRange(2017, 2021) == "2017–2021")
        #expect(GermanFormat.machineDecimal(Ratio(-1, 104)) == "-0.009615")
    }

    /// A year keeps its colour in every chart: a chart that starts in 2019 does not give
    /// 2019 the colour of the first wave, and consecutive waves still alternate.
    @Test func csvEscaping() {
        #expect(TextEscaping.csvField("a,b") == "\"a,b\"")
        #expect(TextEscaping.csvField("sagt \"ja\"") == "\"sagt \"\"ja\"\"\"")
        #expect(TextEscaping.csvField("=HYPERLINK(\"x\")", guardFormula: true) == "\"'=HYPERLINK(\"\"x\"\")\"")
        #expect(TextEscaping.csvField("-0.25", guardFormula: true) == "-0.25")
        #expect(TextEscaping.csvField("-1+2", guardFormula: true) == "'-1+2")
        #expect(TextEscaping.csvField("@SUM(A1)", guardFormula: true) == "'@SUM(A1)")
    }

    @Test func markupEscaping() {
        #expect(TextEscaping.xmlText("<script>&</script>") == "&lt;script&gt;&amp;&lt;/script&gt;")
        #expect(TextEscaping.xmlAttribute("a\"b'c") == "a&quot;b&apos;c")
        #expect(TextEscaping.xmlText("a\u{0001}b\u{FFFE}c\u{FFFF}d") == "abcd")
        #expect(TextEscaping.xmlText("€ ä 🎉 \u{FFFD}") == "€ ä 🎉 \u{FFFD}")
        #expect(TextEscaping.xmlAttribute("x\ny\tz") == "x&#10;y&#9;z")
        #expect(TextEscaping.xmlText("x\ny") == "x\ny")
        #expect(TextEscaping.markdownInline("# A | B *c* _d_ <b>") == "\\# A \\| B \\*c\\* \\_d\\_ \\<b\\>")
        #expect(TextEscaping.markdownInline("- Liste") == "\\- Liste")
        #expect(TextEscaping.markdownInline("1. Punkt") == "1\\. Punkt")
    }
}

@Suite struct ShortLabelTests {
    @Test func shortFormsAreDistinctForLabelsSharingAPrefix() {
        let status = ShortLabels.make(["ja", "in Erarbeitung", "nein", "keine Angabe"])
        #expect(status == ["ja": "ja", "in Erarbeitung": "i. E.", "nein": "nein", "keine Angabe": "k. A."])
        let filter = ShortLabels.make(["trifft zu", "trifft nicht zu"])
        #expect(filter["trifft zu"] == "t. z.")
        #expect(filter["trifft nicht zu"] == "t. n. z.")
        let scale = ShortLabels.make(["sehr hoch", "eher hoch", "eher gering", "sehr gering", "stimme voll zu", "stimme eher zu"])
        #expect(Set(scale.values).count == scale.count, "\(scale)")
        let clash = ShortLabels.make(["sehr gut", "sehr gering"])
        #expect(clash == ["sehr gut": "s. g.", "sehr gering": "se. g."], "the second keeps more of its first word")
    }
}
