import Normalise

/// One region's feedback: its answer to every Status item in every wave, next to how all
/// regions answered in the latest wave.
public struct RegionProfile: Sendable {
    public struct Row: Sendable {
        public let itemID: String
        public let theme: String
        public let title: String
        /// Per year of `ProfileSet.years`: the region's category, or nil when not asked.
        public let answers: [String?]
        /// All regions in the latest wave the item was asked: counts per category (in `ProfileSet.categories` order).
        public let distribution: [Int]
        public let distributionYear: Int?
    }

    public let ags: String
    public let name: String
    public let rows: [Row]

    /// A file-safe stem: `profil-15081`.
    public var fileStem: String { "profil-" + String(ags.map { $0.isLetter || $0.isNumber ? $0 : "_" }) }
}

/// The profiles of all regions, sharing years and categories.
public struct ProfileSet: Sendable {
    public let years: [Int]
    public let categories: [String]
    public let profiles: [RegionProfile]

    /// Builds every region's profile in one pass over the answers.
    public init(data: NormalisedData) {
        let catalogue = data.catalogue
        years = catalogue.waves.map(\.year)
        let categories = catalogue.answerCategories(of: .status)
        self.categories = categories
        let items = catalogue.items.filter { $0.type == .status && $0.parentID == nil }
        let yearIndex = Dictionary(years.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        let categoryIndex = Dictionary(categories.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        let itemIndex = Dictionary(items.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        let regionIndex = Dictionary(catalogue.regions.enumerated().map { ($1.ags, $0) }, uniquingKeysWith: { a, _ in a })
        // answers[region][item][year] and counts[item][year][category]
        var answers = Array(repeating: Array(repeating: [String?](repeating: nil, count: years.count), count: items.count),
                            count: catalogue.regions.count)
        var counts = Array(repeating: Array(repeating: [Int](repeating: 0, count: categories.count), count: years.count),
                           count: items.count)
        for answer in data.answers {
            guard let i = itemIndex[answer.item], let y = yearIndex[answer.year], let r = regionIndex[answer.regionAGS] else { continue }
            answers[r][i][y] = answer.value
            if let c = categoryIndex[answer.value] { counts[i][y][c] += 1 }
        }
        let latestAsked = items.map { item -> Int? in
            catalogue.waves.lastIndex { item.headers[$0.number] != nil }
        }
        profiles = catalogue.regions.enumerated().map { r, region in
            RegionProfile(ags: region.ags, name: region.name, rows: items.enumerated().map { i, item in
                RegionProfile.Row(itemID: item.id, theme: item.theme, title: item.shortTitle, answers: answers[r][i],
                                  distribution: latestAsked[i].map { counts[i][$0] } ?? Array(repeating: 0, count: categories.count),
                                  distributionYear: latestAsked[i].map { catalogue.waves[$0].year })
            })
        }
    }
}
