/// What kind of question an item is (`Typ` in the catalogue).
public enum ItemType: String, Sendable, CaseIterable {
    /// ja / in Erarbeitung / nein.
    case status = "Status"
    /// A question whose options each have a column; has no column itself.
    case multipleChoice = "Mehrfachauswahl"
    /// One option of a multiple-choice question.
    case option = "Option"
    /// A rating scale.
    case scale = "Skala"
    /// Free text.
    case freeText = "Freitext"

    /// The catalogue's `Antwortkategorien` key for this type, if answers are categories.
    public var categoryTableKey: String? {
        switch self {
        case .status: return "Status"
        case .option: return "Option"
        case .scale: return "Skala"
        case .multipleChoice, .freeText: return nil
        }
    }
}

/// One row of the catalogue's `Fragen` sheet: a stable item across waves.
public struct CatalogueItem: Sendable, Hashable {
    public let id: String
    public let theme: String
    public let type: ItemType
    /// The item this one depends on (`Bezug`): asked only if that was answered with an
    /// opening answer (see `openingAnswers`); for options, their multiple-choice question.
    public let parentID: String?
    public let shortTitle: String
    public let wording: String
    /// Answer options in display order (`Antwortoptionen`, split at `|`).
    public let answerOptions: [String]
    /// Column header per wave number; absent = not asked in that wave.
    public let headers: [Int: String]
    /// Where the item is defined (for messages).
    public let row: Int
    /// The parent's answers that open this item (`Filterantwort`); empty: the first
    /// category of the parent's answer scale (for Status: "ja").
    public let openingAnswers: [String]

    public init(id: String, theme: String, type: ItemType, parentID: String?, shortTitle: String, wording: String,
                answerOptions: [String], headers: [Int: String], row: Int, openingAnswers: [String] = []) {
        self.openingAnswers = openingAnswers
        self.id = id
        self.theme = theme
        self.type = type
        self.parentID = parentID
        self.shortTitle = shortTitle
        self.wording = wording
        self.answerOptions = answerOptions
        self.headers = headers
        self.row = row
    }

    /// The question's text as asked: the wording, or the short title where none is given.
    public var question: String { wording.isEmpty ? shortTitle : wording }
}

/// One row of the `Wellen` sheet: where a wave's answers are and how they are laid out.
public struct WaveDefinition: Sendable, Hashable {
    public let number: Int
    public let year: Int
    public let fieldStart: String?
    public let fieldEnd: String?
    public let fileName: String
    public let sheetName: String
    public let headerRow: Int
    public let firstDataRow: Int
    public let regionColumnHeader: String

    public init(number: Int, year: Int, fieldStart: String?, fieldEnd: String?, fileName: String, sheetName: String,
                headerRow: Int, firstDataRow: Int, regionColumnHeader: String) {
        self.number = number
        self.year = year
        self.fieldStart = fieldStart
        self.fieldEnd = fieldEnd
        self.fileName = fileName
        self.sheetName = sheetName
        self.headerRow = headerRow
        self.firstDataRow = firstDataRow
        self.regionColumnHeader = regionColumnHeader
    }
}

/// One row of the `Regionen` sheet.
public struct Region: Sendable, Hashable, Comparable {
    public let ags: String
    public let name: String
    public let kind: String
    public let spellings: [String]

    public init(ags: String, name: String, kind: String, spellings: [String]) {
        self.ags = ags
        self.name = name
        self.kind = kind
        self.spellings = spellings
    }

    public static func < (lhs: Region, rhs: Region) -> Bool { lhs.ags < rhs.ags }
}

/// One canonical answer category and its known spellings (`Antwortkategorien`).
public struct AnswerCategory: Sendable, Hashable {
    public let type: String
    public let name: String
    public let spellings: [String]
    /// True when `(leer)` is among the spellings: an empty cell means this category.
    public let matchesEmpty: Bool

    public init(type: String, name: String, spellings: [String]) {
        self.type = type
        self.name = name
        self.spellings = spellings.filter { $0 != AnswerCategory.emptyMarker }
        self.matchesEmpty = spellings.contains(AnswerCategory.emptyMarker)
    }

    /// How the catalogue writes "an empty cell" among the spellings.
    public static let emptyMarker = "(leer)"
}
