import Foundation

/// Colours: the Okabe–Ito palette (safe for colour-blind readers) for categories, an
/// alternating light/dark sequence for waves, and label colours chosen by computed contrast.
package enum Palette {
    /// "No answer", in every chart.
    package static let missingGrey = "#BBBBBB"
    package static let okabeIto = ["#009E73", "#E69F00", "#D55E00", "#0072B2", "#56B4E9", "#CC79A7", "#F0E442", "#000000"]

    /// The colour of each category: from the spec's answer scales (an explicit colour, or
    /// one derived from the category's role, see `colours(of:)`), otherwise the next unused
    /// Okabe–Ito colour. The same category gets the same colour in every chart and the annex.
    ///
    /// `missing`: the catalogue's "no answer" category. It is in every item type's list, at a
    /// different place in each; without a scale that colours it, it gets the "no answer" grey
    /// so that it looks the same in every chart.
    package static func colours(for categories: [String], scales: [AnswerScale] = [], missing: String? = nil) -> [String] {
        var known: [String: String] = [:]
        for scale in scales {
            for (label, colour) in colours(of: scale) where known[label] == nil { known[label] = colour }
        }
        if let missing, known[missing] == nil { known[missing] = missingGrey }
        var used = Set(categories.compactMap { known[$0] })
        return categories.map { category in
            if let colour = known[category] { return colour }
            let colour = okabeIto.first { !used.contains($0) } ?? "#777777"
            used.insert(colour)
            return colour
        }
    }

    /// Purples for the positive half of a scale and oranges for the negative half (the
    /// colour-blind-safe "PuOr" scheme), darker at the extremes; a warm grey for "partly",
    /// cool greys for "don't know" and "no answer". Explicit colours of the spec win.
    package static func colours(of scale: AnswerScale) -> [String: String] {
        let positive = ["#3F1D73", "#6A51A3", "#9E9AC8", "#CBC9E2"]
        let negative = ["#8C3A02", "#C55A11", "#E88A3A", "#F4B97F"]
        let positives = scale.categories.filter { $0.role == .positive }
        let negatives = scale.categories.filter { $0.role == .negative }
        var result: [String: String] = [:]
        // The strongest positive comes first, the strongest negative last: both darkest.
        // Spread over the ramp, but a two-level half stops at its middle shade: the lightest
        // shades are kept for scales with more levels.
        func step(_ index: Int, of count: Int, ramp: Int) -> Int {
            guard count > 1 else { return 1 }
            return index * min(ramp - 1, max(count - 1, 2)) / (count - 1)
        }
        for (index, category) in positives.enumerated() {
            result[category.label] = positive[step(index, of: positives.count, ramp: positive.count)]
        }
        for (index, category) in negatives.reversed().enumerated() {
            result[category.label] = negative[step(index, of: negatives.count, ramp: negative.count)]
        }
        for category in scale.categories {
            switch category.role {
            case .partly: result[category.label] = "#C9B79C"
            // Between the purple and the orange family, lighter than don't know.
            case .middle: result[category.label] = "#E3DDD3"
            case .neutral: result[category.label] = "#8C8C8C"
            case .missing: result[category.label] = missingGrey
            case .positive, .negative: break
            }
            if let colour = category.colour { result[category.label] = colour }
        }
        return result
    }

    /// Colours for the waves of grouped bars, in wave order: a lighter and a darker colour
    /// alternate, so that every colour has at least 3:1 contrast against white and against
    /// its neighbours (WCAG 1.4.11), and the hues differ for readers who see fewer colours.
    /// More waves than colours repeat the cycle (its last and first still contrast).
    package static let waves = [
        "#4F86C6", "#13294B", "#C0701E", "#3D1F5C", "#2E8B57", "#3B1A05", "#B0589A", "#06261D",
        "#7A7A2E", "#1A1A1A",
    ]

    /// The colours of `years` by their place among all the survey's `waveYears`, so that a
    /// year has the same colour in every chart and in the annex (a chart that starts in 2019
    /// does not give 2019 the first wave's colour). Consecutive waves still alternate light
    /// and dark; a year not among the waves takes the next colour after the last known one.
    package static func waveColours(for years: [Int], among waveYears: [Int]) -> [String] {
        var next = waveYears.count
        return years.map { year in
            if let index = waveYears.firstIndex(of: year) { return waves[index % waves.count] }
            defer { next += 1 }
            return waves[next % waves.count]
        }
    }

    /// Text colour for a label on `background`: black or white, whichever contrasts more
    /// (WCAG 2 relative luminance); both are checked against 4.5:1 in the tests.
    package static func labelColour(on background: String) -> String {
        contrast(background, "#000000") >= contrast(background, "#FFFFFF") ? "#000000" : "#FFFFFF"
    }

    /// WCAG contrast ratio of two `#RRGGBB` colours.
    package static func contrast(_ a: String, _ b: String) -> Double {
        let (la, lb) = (luminance(a), luminance(b))
        return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
    }

    static func luminance(_ hex: String) -> Double {
        let digits = hex.dropFirst()
        guard digits.count == 6, let value = Int(digits, radix: 16) else { return 0 }
        func channel(_ shift: Int) -> Double {
            let c = Double((value >> shift) & 0xFF) / 255
            return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055).pow(2.4)
        }
        return 0.2126 * channel(16) + 0.7152 * channel(8) + 0.0722 * channel(0)
    }

    /// Grey for secondary text ("nicht erhoben", source line): 7:1 on white.
    package static let secondaryText = "#595959"
    package static let axis = "#595959"
    package static let grid = "#D9D9D9"
}

extension Double {
    func pow(_ exponent: Double) -> Double { Foundation.pow(self, exponent) }
}
