/// An exact share `count / base`. Shares and percentage-point changes are kept as
/// fractions of integers and rounded only when shown, so a printed figure is correct to the
/// last digit (no binary floating-point drift at x,x5 boundaries).
package struct Ratio: Hashable, Sendable, Codable {
    package let numerator: Int
    package let denominator: Int

    package init(_ numerator: Int, _ denominator: Int) {
        precondition(denominator != 0, "Ratio with zero denominator")
        let sign = denominator < 0 ? -1 : 1
        let divisor = Self.gcd(abs(numerator), abs(denominator))
        self.numerator = sign * numerator / max(divisor, 1)
        self.denominator = sign * denominator / max(divisor, 1)
    }

    /// `count / base`, or nil when the base is 0.
    package static func share(_ count: Int, of base: Int) -> Ratio? {
        base == 0 ? nil : Ratio(count, base)
    }

    package var value: Double { Double(numerator) / Double(denominator) }

    package static func - (a: Ratio, b: Ratio) -> Ratio {
        Ratio(a.numerator * b.denominator - b.numerator * a.denominator, a.denominator * b.denominator)
    }

    package static func + (a: Ratio, b: Ratio) -> Ratio {
        Ratio(a.numerator * b.denominator + b.numerator * a.denominator, a.denominator * b.denominator)
    }

    /// The value × `scale`, rounded half away from zero to `decimals` places, as an integer
    /// count of the last place (e.g. percent with one decimal: `scale` 100, `decimals` 1 →
    /// 769 for 76,9).
    package func rounded(scale: Int, decimals: Int) -> Int {
        var factor = scale
        for _ in 0..<decimals { factor *= 10 }
        let scaled = abs(numerator) * factor
        var quotient = scaled / denominator
        if 2 * (scaled % denominator) >= denominator { quotient += 1 }
        return numerator < 0 ? -quotient : quotient
    }

    private static func gcd(_ a: Int, _ b: Int) -> Int {
        var (a, b) = (a, b)
        while b != 0 { (a, b) = (b, a % b) }
        return a
    }
}
