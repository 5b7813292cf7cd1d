import ReportSpec
import Testing

@Suite struct ScalePaletteTests {
    @Test func aYearHasOneColourInEveryChart() {
        let waves = [2017, 2018, 2019, 2020, 2021, 2022]
        let all = Palette.waveColours(for: waves, among: waves)
        #expect(Palette.waveColours(for: [2019, 2020, 2021, 2022], among: waves) == Array(all[2...]))
        #expect(Set(all).count == waves.count)
        for (a, b) in zip(all, all.dropFirst()) { #expect(Palette.contrast(a, b) >= 3, "\(a) next to \(b)") }
        #expect(Palette.waveColours(for: [2030], among: waves) == [Palette.waves[6]], "a year not among the waves comes after them")
    }

    static let agreement = AnswerScale(
        name: "Zustimmung",
        categories: [
            .init(label: "stimme voll zu", role: .positive), .init(label: "stimme eher zu", role: .positive),
            .init(label: "stimme eher nicht zu", role: .negative), .init(label: "stimme gar nicht zu", role: .negative),
            .init(label: "weiß nicht", role: .neutral), .init(label: "keine Angabe", role: .missing),
        ])

    /// Hue in degrees and lightness (0…1) of "#RRGGBB".
    static func hsl(_ hex: String) -> (hue: Double, lightness: Double, saturation: Double) {
        let value = Int(hex.dropFirst(), radix: 16) ?? 0
        let r = Double((value >> 16) & 0xFF) / 255
        let g = Double((value >> 8) & 0xFF) / 255
        let b = Double(value & 0xFF) / 255
        let maxC = max(r, g, b)
        let minC = min(r, g, b)
        let l = (maxC + minC) / 2
        let d = maxC - minC
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
        let scale = AnswerScale(
            name: "Status",
            categories: [
                .init(label: "ja", role: .positive, colour: "#009E73"),
                .init(label: "nein", role: .negative),
            ])
        let colours = Palette.colours(for: ["ja", "nein", "vielleicht"], scales: [scale])
        #expect(colours[0] == "#009E73")
        #expect(colours[1] == Palette.colours(of: scale)["nein"])
        #expect(Palette.okabeIto.contains(colours[2]))
    }
}
