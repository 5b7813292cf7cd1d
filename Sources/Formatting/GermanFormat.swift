/// How numbers, shares and dates are written for German readers: one place for every
/// renderer (report, figures, annex), so a figure reads the same everywhere.
///
/// Decimal comma; a narrow no-break space before `%`; percentage points as `PP` with a
/// sign; thousands grouped with a narrow no-break space; en dash in year ranges.
package enum GermanFormat {
    /// U+202F NARROW NO-BREAK SPACE, between number and unit.
    package static let unitSpace = "\u{202F}"

    /// `1 234` (narrow no-break space as thousands separator), `-5`.
    package static func integer(_ n: Int) -> String {
        let digits = String(abs(n))
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out += unitSpace }
            out.append(ch)
        }
        return (n < 0 ? "−" : "") + out
    }

    /// A fixed-point number from an integer count of the last decimal place:
    /// `decimal(769, decimals: 1)` → `76,9`.
    package static func decimal(_ scaled: Int, decimals: Int, signed: Bool = false) -> String {
        var divisor = 1
        for _ in 0..<decimals { divisor *= 10 }
        let whole = abs(scaled) / divisor
        let fraction = abs(scaled) % divisor
        var text = integer(whole)
        if decimals > 0 {
            let digits = String(fraction)
            text += "," + String(repeating: "0", count: decimals - digits.count) + digits
        }
        if scaled < 0 { return "−" + text }
        if signed { return (scaled > 0 ? "+" : "±") + text }
        return text
    }

    /// `76,9 %` (decimals 1) or `77 %` (decimals 0).
    package static func percent(_ ratio: Ratio, decimals: Int = 1) -> String {
        decimal(ratio.rounded(scale: 100, decimals: decimals), decimals: decimals) + unitSpace + "%"
    }

    /// Percentage points with sign: `+11,2 PP`, `−3,0 PP`, `±0,0 PP`.
    package static func percentagePoints(_ change: Ratio, decimals: Int = 1) -> String {
        decimal(change.rounded(scale: 100, decimals: decimals), decimals: decimals, signed: true) + unitSpace + "PP"
    }

    /// `10 von 13`.
    package static func countOf(_ count: Int, _ base: Int) -> String {
        "\(integer(count)) von \(integer(base))"
    }

    /// `10 von 13 (77 %)`.
    package static func countOfWithPercent(_ count: Int, _ base: Int) -> String {
        guard let share = Ratio.share(count, of: base) else { return countOf(count, base) }
        return countOf(count, base) + " (" + percent(share, decimals: 0) + ")"
    }

    /// `2017–2021` (en dash), or a single year.
    package static func yearRange(_ first: Int, _ last: Int) -> String {
        first == last ? String(first) : "\(first)–\(last)"
    }

    /// `2022-01-31` → `31.01.2022`; text that is not an ISO date is returned unchanged.
    package static func date(iso: String) -> String {
        let parts = iso.prefix(10).split(separator: "-")
        guard parts.count == 3 else { return iso }
        return "\(parts[2]).\(parts[1]).\(parts[0])"
    }

    /// A plain decimal with a point for machine-readable files (CSV, JSON): `0.769231`.
    package static func machineDecimal(_ ratio: Ratio, decimals: Int = 6) -> String {
        let scaled = ratio.rounded(scale: 1, decimals: decimals)
        var divisor = 1
        for _ in 0..<decimals { divisor *= 10 }
        let digits = String(abs(scaled) % divisor)
        return (scaled < 0 ? "-" : "") + String(abs(scaled) / divisor) + "."
            + String(repeating: "0", count: decimals - digits.count) + digits
    }
}
