import Testing

@testable import Aggregate

/// The fast reachability check equals trying every pair of whole counts.
@Suite struct RevisionsReachableTests {
    static func bruteForce(_ value: Double, decimals: Int, bases: [Int]) -> Bool {
        let target = Revisions.rounded(value, decimals)
        if bases.count == 1 {
            return (0...bases[0]).contains { Revisions.rounded(Double($0) * 100 / Double(bases[0]), decimals) == target }
        }
        let (a, b) = (bases[0], bases[1])
        for k in 0...a {
            for j in 0...b where Revisions.rounded((Double(k) / Double(a) - Double(j) / Double(b)) * 100, decimals) == target {
                return true
            }
        }
        return false
    }

    @Test func agreesWithTryingEveryCount() {
        var generator = SystemRandomNumberGenerator()
        var checked = 0
        var reachable = 0
        for a in [1, 2, 3, 7, 13, 26, 39, 52, 117] {
            for b in [1, 5, 13, 24, 65, 130] {
                for _ in 0..<25 {
                    let decimals = Int.random(in: 0...1, using: &generator)
                    let scale = decimals == 0 ? 1.0 : 10.0
                    let difference = Double(Int.random(in: -1000...1000, using: &generator)) / scale
                    let share = Double(Int.random(in: 0...1000, using: &generator)) / 10
                    let pairOK =
                        Revisions.reachable(difference, decimals: decimals, bases: [a, b])
                        == Self.bruteForce(difference, decimals: decimals, bases: [a, b])
                    let singleOK =
                        Revisions.reachable(share, decimals: decimals, bases: [b])
                        == Self.bruteForce(share, decimals: decimals, bases: [b])
                    #expect(pairOK, "difference \(difference) with bases \(a), \(b), \(decimals) decimals")
                    #expect(singleOK, "share \(share) of \(b), \(decimals) decimals")
                    if Self.bruteForce(difference, decimals: decimals, bases: [a, b]) { reachable += 1 }
                    checked += 1
                }
            }
        }
        #expect(checked == 1350)
        #expect(reachable > 100 && reachable < checked, "both outcomes are exercised (\(reachable) of \(checked))")
    }

    @Test func thePublishedSlipsStayUnreachable() {
        // Tabelle 4: −11,9 and +3,8 PP out of the pooled theme bases (see veroeffentlichte-werte.csv).
        #expect(Revisions.reachable(-11.8, decimals: 1, bases: [169, 169]) == Self.bruteForce(-11.8, decimals: 1, bases: [169, 169]))
        // Pooled bases of a nationwide survey: answered at once, not after 10¹⁰ tries.
        #expect(Revisions.reachable(-11.9, decimals: 1, bases: [108_000, 107_990]))
        #expect(Revisions.reachable(33.3, decimals: 1, bases: [108_000]))
    }
}
