import Normalise

/// The tidy answers grouped by item and year, for counting on codes. Groups are ranges of
/// one array of positions, filled by a counting sort over (item code, year): no per-answer
/// hashing, and no second copy of the answers.
struct AnswerIndex {
    let table: AnswerTable
    /// Per region code: one number per distinct AGS (two spellings of a key count as one region).
    let regionKeys: [Int]
    /// Per value code: its place among the categories (dense, for counting in arrays), or
    /// -1 for a free text; and the other way round, per place its value code.
    let categorySlot: [Int]
    let categoryCodes: [UInt32]
    var categoryCount: Int { categoryCodes.count }
    private let yearCount: Int
    private let yearSlot: [Int: Int]
    /// Positions of the answers of slot `item * yearCount + year`, slot after slot.
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
        categoryCodes = table.valueIsFreeText.indices.filter { !table.valueIsFreeText[$0] }.map { UInt32($0) }
        var categorySlot = [Int](repeating: -1, count: table.values.count)
        for (slot, code) in categoryCodes.enumerated() { categorySlot[Int(code)] = slot }
        self.categorySlot = categorySlot
        let years = Array(Set(table.waves.map(\.year))).sorted()
        let yearSlot = Dictionary(uniqueKeysWithValues: years.enumerated().map { ($1, $0) })
        let yearCount = max(years.count, 1)
        self.yearSlot = yearSlot
        self.yearCount = yearCount
        let yearOfWave = table.waves.map { yearSlot[$0.year] ?? 0 }
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
        guard let item = table.itemCode(item), let y = yearSlot[year] else { return Group(index: self, positions: [][...]) }
        let slot = Int(item) * yearCount + y
        return Group(index: self, positions: positions[starts[slot]..<starts[slot + 1]])
    }

    /// One item's answers in one year, in table order, read through their positions.
    struct Group: RandomAccessCollection {
        let index: AnswerIndex
        let positions: ArraySlice<UInt32>
        var table: AnswerTable { index.table }
        var startIndex: Int { 0 }
        var endIndex: Int { positions.count }
        subscript(position: Int) -> TidyAnswer { table[Int(positions[positions.startIndex + position])] }

        /// Calls `body` with the region and value code of each answer, in order.
        func forEach(_ body: (_ region: UInt32, _ value: UInt32) -> Void) {
            let regions = table.regionCodes
            let values = table.valueCodes
            for p in positions { body(regions[Int(p)], values[Int(p)]) }
        }

        /// How many answers have each value code, for the codes that occur: categories in a
        /// dense array, free texts (rare in counted items) in a dictionary.
        func valueCounts() -> [(code: UInt32, count: Int)] {
            let values = table.valueCodes
            let slot = index.categorySlot
            var dense = [Int](repeating: 0, count: index.categoryCount)
            var sparse: [UInt32: Int] = [:]
            for p in positions {
                let code = values[Int(p)]
                let s = slot[Int(code)]
                if s >= 0 {
                    dense[s] += 1
                } else {
                    sparse[code, default: 0] += 1
                }
            }
            return dense.indices.filter { dense[$0] > 0 }.map { (index.categoryCodes[$0], dense[$0]) } + sparse.map { ($0.key, $0.value) }
        }

        /// How many answers have `value`.
        func count(value: String) -> Int {
            let codes = table.codes(of: value)
            guard let first = codes.first else { return 0 }
            let second = codes.last ?? first
            let values = table.valueCodes
            return positions.reduce(0) {
                let code = values[Int($1)]
                return $0 + (code == first || code == second ? 1 : 0)
            }
        }

        /// The free texts, in order.
        /// The free texts, each without the name and key of the unit that wrote it: a
        /// published table lists what was answered, not who answered it („Wir im Landkreis
        /// Harz …“ becomes „Wir im Landkreis [Name entfernt] …“).
        var anonymisedFreeTexts: [String] {
            let values = table.valueCodes
            let regionCodes = table.regionCodes
            let isFreeText = table.valueIsFreeText
            let texts = table.values
            return positions.compactMap { position -> String? in
                let value = Int(values[Int(position)])
                guard isFreeText[value] else { return nil }
                let region = table.regions[Int(regionCodes[Int(position)])]
                return OwnName.removed(from: texts[value], names: [region.name, region.ags])
            }
        }
    }
}
