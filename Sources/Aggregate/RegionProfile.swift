import Formatting
import Normalise
import ReportSpec

/// One region's feedback: its answer to every main item with an answer scale (Status and
/// Skala) in every wave, next to how all regions answered in the latest wave.
package struct RegionProfile: Sendable {
    package struct Row: Sendable {
        package let itemID: String
        package let theme: String
        package let title: String
        /// Per year of `ProfileSet.years`: the region's category, or nil when not asked.
        package let answers: [String?]
        /// All regions in the latest wave the item was asked: counts per category (in `ProfileSet.categories` order).
        package let distribution: [Int]
        package let distributionYear: Int?
        /// Of `distribution`, the answers in the positive half of the item's scale (roles from
        /// the spec's scales; without them, the scale's first category).
        package let positive: Int
    }

    package let ags: String
    package let name: String
    package let rows: [Row]
    /// Per year of `ProfileSet.years`: whether the region answered in that wave at all. A
    /// wave it did not take part in is "nicht teilgenommen", not "nicht erhoben".
    package var participated: [Bool] = []

    /// A file-safe stem: `profil-15081`.
    package var fileStem: String { "profil-" + String(ags.map { $0.isLetter || $0.isNumber ? $0 : "_" }) }
}

/// The profiles of all regions, sharing years and categories.
package struct ProfileSet: Sendable {
    package let years: [Int]
    /// The categories of every scale the profiles show, in scale order, each once.
    package let categories: [String]
    /// What the share column counts: one quoted category ("„ja“") where every item's
    /// positive half is that one category, otherwise "positiver Antworten" (genitive: "Anteil …").
    package let positiveLabel: String
    package let profiles: [RegionProfile]

    /// Builds every region's profile in one pass over the answers.
    package init(data: NormalisedData, scales: [AnswerScale] = []) {
        let catalogue = data.catalogue
        years = catalogue.waves.map(\.year)
        let types: [ItemType] = [.status, .scale]
        var categories: [String] = []
        for type in types {
            for category in catalogue.answerCategories(of: type) where !categories.contains(category) { categories.append(category) }
        }
        self.categories = categories
        let items = catalogue.items.filter { types.contains($0.type) && $0.parentID == nil }
        // The positive half of each type's scale.
        func positives(_ type: ItemType) -> Set<String> {
            let own = catalogue.answerCategories(of: type)
            let byRole = Set(scales.flatMap(\.categories).filter { $0.role == .positive && own.contains($0.label) }.map(\.label))
            return byRole.isEmpty ? Set(own.prefix(1)) : byRole
        }
        let positiveOf = Dictionary(uniqueKeysWithValues: types.map { ($0, positives($0)) })
        let used = Set(items.map(\.type)).compactMap { positiveOf[$0] }
        if let first = used.first, used.allSatisfy({ $0 == first }), first.count == 1, let label = first.first {
            positiveLabel = "„\(label)“"
        } else {
            positiveLabel = "positiver Antworten"
        }
        let yearIndex = Dictionary(years.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        let categoryIndex = Dictionary(categories.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        let itemIndex = Dictionary(items.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        let regionIndex = Dictionary(catalogue.regions.enumerated().map { ($1.ags, $0) }, uniquingKeysWith: { a, _ in a })
        // answers[region][item][year] and counts[item][year][category]
        var answers = Array(
            repeating: Array(repeating: [String?](repeating: nil, count: years.count), count: items.count),
            count: catalogue.regions.count)
        var counts = Array(
            repeating: Array(repeating: [Int](repeating: 0, count: categories.count), count: years.count),
            count: items.count)
        var participated = Array(repeating: [Bool](repeating: false, count: years.count), count: catalogue.regions.count)
        // Looked up once per code, then read per answer.
        let table = data.answers
        let itemOfCode = table.items.map { itemIndex[$0] }
        let yearOfCode = table.waves.map { yearIndex[$0.year] }
        let regionOfCode = table.regions.map { regionIndex[$0.ags] }
        let categoryOfCode = table.values.map { categoryIndex[$0] }
        for k in table.indices {
            guard let y = yearOfCode[Int(table.waveCodes[k])], let r = regionOfCode[Int(table.regionCodes[k])] else { continue }
            participated[r][y] = true
            guard let i = itemOfCode[Int(table.itemCodes[k])] else { continue }
            let value = Int(table.valueCodes[k])
            answers[r][i][y] = table.values[value]
            if let c = categoryOfCode[value] { counts[i][y][c] += 1 }
        }
        let latestAsked = items.map { item -> Int? in
            catalogue.waves.lastIndex { item.headers[$0.number] != nil }
        }
        profiles = catalogue.regions.enumerated().map { r, region in
            RegionProfile(
                ags: region.ags, name: region.name,
                rows: items.enumerated().map { i, item in
                    let distribution = latestAsked[i].map { counts[i][$0] } ?? Array(repeating: 0, count: categories.count)
                    let positive = zip(categories, distribution).filter { positiveOf[item.type]?.contains($0.0) == true }.reduce(0) { $0 + $1.1 }
                    return RegionProfile.Row(
                        itemID: item.id, theme: item.theme, title: item.shortTitle, answers: answers[r][i],
                        distribution: distribution, distributionYear: latestAsked[i].map { catalogue.waves[$0].year },
                        positive: positive)
                }, participated: participated[r])
        }
    }
}
