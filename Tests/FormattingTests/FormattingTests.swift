import Formatting
import Testing

@Suite struct FormattingTests {
    @Test func roundingIsHalfAwayFromZeroOnExactValues() {
        #expect(Ratio(1, 8).rounded(scale: 100, decimals: 1) == 125) // 12,5 exactly
        #expect(Ratio(1, 16).rounded(scale: 100, decimals: 1) == 63) // 6,25 → 6,3
        #expect(Ratio(-1, 16).rounded(scale: 100, decimals: 1) == -63) // −6,25 → −6,3
        #expect(Ratio(9, 13).rounded(scale: 100, decimals: 0) == 69) // the report's "60 Prozent" slip
        #expect((Ratio(5, 169) - Ratio(25, 169)).rounded(scale: 100, decimals: 1) == -118)
    }

    @Test func germanForms() {
        #expect(GermanFormat.percent(Ratio(10, 13)) == "76,9\u{202F}%")
        #expect(GermanFormat.percent(Ratio(10, 13), decimals: 0) == "77\u{202F}%")
        #expect(GermanFormat.percentagePoints(Ratio(19, 169)) == "+11,2\u{202F}PP")
        #expect(GermanFormat.percentagePoints(Ratio(-1, 104)) == "−1,0\u{202F}PP")
        #expect(GermanFormat.percentagePoints(Ratio(0, 1)) == "±0,0\u{202F}PP")
        #expect(GermanFormat.countOfWithPercent(9, 13) == "9 von 13 (69\u{202F}%)")
        #expect(GermanFormat.integer(1234567) == "1\u{202F}234\u{202F}567")
        #expect(GermanFormat.yearRange(2017, 2021) == "2017–2021")
        #expect(GermanFormat.machineDecimal(Ratio(-1, 104)) == "-0.009615")
    }

    /// A year keeps its colour in every chart: a chart that starts in 2019 does not give
    /// 2019 the colour of the first wave, and consecutive waves still alternate.
    @Test func aYearHasOneColourInEveryChart() {
        let waves = [2017, 2018, 2019, 2020, 2021, 2022]
        let all = Palette.waveColours(for: waves, among: waves)
        #expect(Palette.waveColours(for: [2019, 2020, 2021, 2022], among: waves) == Array(all[2...]))
        #expect(Set(all).count == waves.count)
        for (a, b) in zip(all, all.dropFirst()) { #expect(Palette.contrast(a, b) >= 3, "\(a) next to \(b)") }
        #expect(Palette.waveColours(for: [2030], among: waves) == [Palette.waves[6]], "a year not among the waves comes after them")
    }

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

@Suite struct ScalePaletteTests {
    static let agreement = AnswerScale(name: "Zustimmung", categories: [
        .init(label: "stimme voll zu", role: .positive), .init(label: "stimme eher zu", role: .positive),
        .init(label: "stimme eher nicht zu", role: .negative), .init(label: "stimme gar nicht zu", role: .negative),
        .init(label: "weiß nicht", role: .neutral), .init(label: "keine Angabe", role: .missing),
    ])

    /// Hue in degrees and lightness (0…1) of "#RRGGBB".
    static func hsl(_ hex: String) -> (hue: Double, lightness: Double, saturation: Double) {
        let value = Int(hex.dropFirst(), radix: 16) ?? 0
        let r = Double((value >> 16) & 0xFF) / 255, g = Double((value >> 8) & 0xFF) / 255, b = Double(value & 0xFF) / 255
        let maxC = max(r, g, b), minC = min(r, g, b), l = (maxC + minC) / 2, d = maxC - minC
        guard d > 0 else { return (0, l, 0) }
        var h: Double
        if maxC == r { h = ((g - b) / d).truncatingRemainder(dividingBy: 6) } else if maxC == g { h = (b - r) / d + 2 } else { h = (r - g) / d + 4 }
        h *= 60
        if h < 0 { h += 360 }
        return (h, l, d / (1 - abs(2 * l - 1)))
    }

    @Test func anOrderedScaleGetsADivergingPaletteWithGreysForDontKnowAndMissing() {
        let colours = Palette.colours(of: Self.agreement)
        let hues = Self.agreement.categories.map { Self.hsl(colours[$0.label] ?? "#000000") }
        // Positive half: one hue family (purples), negative half another (oranges).
        #expect(hues[0].hue > 240 && hues[0].hue < 290 && hues[1].hue > 240 && hues[1].hue < 290, "\(hues)")
        #expect(hues[2].hue > 15 && hues[2].hue < 45 && hues[3].hue > 15 && hues[3].hue < 45, "\(hues)")
        // Darker at the extremes.
        #expect(hues[0].lightness < hues[1].lightness)
        #expect(hues[3].lightness < hues[2].lightness)
        // "weiß nicht" and "keine Angabe": greys, distinct from each other.
        #expect(hues[4].saturation < 0.05 && hues[5].saturation < 0.05)
        #expect(colours["weiß nicht"] != colours["keine Angabe"])
        // Every colour is distinct; the chart's labels get a readable text colour on each.
        #expect(Set(colours.values).count == colours.count)
        for colour in colours.values {
            #expect(Palette.contrast(colour, Palette.labelColour(on: colour)) >= 4.5, "\(colour)")
        }
    }

    @Test func explicitColoursWinAndUnknownCategoriesGetOkabeIto() {
        let scale = AnswerScale(name: "Status", categories: [.init(label: "ja", role: .positive, colour: "#009E73"),
                                                               .init(label: "nein", role: .negative)])
        let colours = Palette.colours(for: ["ja", "nein", "vielleicht"], scales: [scale])
        #expect(colours[0] == "#009E73")
        #expect(colours[1] == Palette.colours(of: scale)["nein"])
        #expect(Palette.okabeIto.contains(colours[2]))
    }
}
