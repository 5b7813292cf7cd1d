import Normalise

/// The tidy answers grouped by item and year, for counting on codes. Groups are ranges of
/// one array of positions, filled by a counting sort over (item code, year): no per-answer
/// hashing, and no second copy of the answers.
struct AnswerIndex {
    let table: AnswerTable
    /// Per region code: one number per distinct AGS (two spellings of a key count as one region).
    let regionKeys: [Int]
    private let years: [Int]
    private let yearSlot: [Int: Int]
    /// Positions of the answers of slot `item * years.count + year`, slot after slot.
    private let positions: [UInt32]
    private let starts: [Int]

    init(_ table: AnswerTable) {
        self.table = table
        var keyOfAGS: [String: Int] = [:]
        regionKeys = table.regions.map { region in
            if let known = keyOfAGS[region.ags] { return known }
            keyOfAGS[region.ags] = keyOfAGS.count
            return keyOfAGS.count - 1
        }
        let years = Array(Set(table.waves.map(\.year))).sorted()
        let yearSlot = Dictionary(uniqueKeysWithValues: years.enumerated().map { ($1, $0) })
        self.years = years
        self.yearSlot = yearSlot
        let yearOfWave = table.waves.map { yearSlot[$0.year] ?? 0 }
        let yearCount = max(years.count, 1)
        let slotCount = table.items.count * yearCount
        var starts = [Int](repeating: 0, count: slotCount + 1)
        for i in table.indices {
            starts[Int(table.itemCodes[i]) * yearCount + yearOfWave[Int(table.waveCodes[i])] + 1] += 1
        }
        for slot in 0..<slotCount { starts[slot + 1] += starts[slot] }
        var next = starts
        var positions = [UInt32](repeating: 0, count: table.count)
        for i in table.indices {
            let slot = Int(table.itemCodes[i]) * yearCount + yearOfWave[Int(table.waveCodes[i])]
            positions[next[slot]] = UInt32(i)
            next[slot] += 1
        }
        self.positions = positions
        self.starts = starts
    }

    func answers(item: String, year: Int) -> Group {
        guard let item = table.itemCode(item), let y = yearSlot[year] else { return Group(table: table, positions: [][...]) }
        let slot = Int(item) * years.count + y
        return Group(table: table, positions: positions[starts[slot]..<starts[slot + 1]])
    }

    /// One item's answers in one year, in table order, read through their positions.
    struct Group: RandomAccessCollection {
        let table: AnswerTable
        let positions: ArraySlice<UInt32>
        var startIndex: Int { 0 }
        var endIndex: Int { positions.count }
        subscript(index: Int) -> TidyAnswer { table[Int(positions[positions.startIndex + index])] }

        /// The value codes of the answers, in order.
        var valueCodes: some Sequence<UInt32> { positions.lazy.map { table.valueCodes[Int($0)] } }

        /// (region code, value code) of each answer, in order.
        var regionsAndValues: some Sequence<(region: UInt32, value: UInt32)> {
            positions.lazy.map { (table.regionCodes[Int($0)], table.valueCodes[Int($0)]) }
        }

        /// How many answers have `value`.
        func count(value: String) -> Int {
            let codes = table.codes(of: value)
            guard let first = codes.first else { return 0 }
            let second = codes.last ?? first
            return positions.reduce(0) {
                let code = table.valueCodes[Int($1)]
                return $0 + (code == first || code == second ? 1 : 0)
            }
        }

        /// The free texts, in order.
        var freeTexts: [String] {
            valueCodes.compactMap { table.valueIsFreeText[Int($0)] ? table.values[Int($0)] : nil }
        }
    }
}
