/// What kind of question an item is (`Typ` in the catalogue).
package enum ItemType: String, Sendable, CaseIterable {
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
    package var categoryTableKey: String? {
        switch self {
        case .status: return "Status"
        case .option: return "Option"
        case .scale: return "Skala"
        case .multipleChoice, .freeText: return nil
        }
    }
}

/// One row of the catalogue's `Fragen` sheet: a stable item across waves.
package struct CatalogueItem: Sendable, Hashable {
    package let id: String
    package let theme: String
    package let type: ItemType
    /// The item this one depends on (`Bezug`): asked only if that was answered with an
    /// opening answer (see `openingAnswers`); for options, their multiple-choice question.
    package let parentID: String?
    package let shortTitle: String
    package let wording: String
    /// Answer options in display order (`Antwortoptionen`, split at `|`).
    package let answerOptions: [String]
    /// Column header per wave number; absent = not asked in that wave.
    package let headers: [Int: String]
    /// Where the item is defined (for messages).
    package let row: Int
    /// The parent's answers that open this item (`Filterantwort`); empty: the first
    /// category of the parent's answer scale (for Status: "ja").
    package let openingAnswers: [String]

    package init(
        id: String, theme: String, type: ItemType, parentID: String?, shortTitle: String, wording: String,
        answerOptions: [String], headers: [Int: String], row: Int, openingAnswers: [String] = []
    ) {
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
    package var question: String { wording.isEmpty ? shortTitle : wording }
}

/// One row of the `Wellen` sheet: where a wave's answers are and how they are laid out.
package struct WaveDefinition: Sendable, Hashable {
    package let number: Int
    package let year: Int
    package let fieldStart: String?
    package let fieldEnd: String?
    package let fileName: String
    package let sheetName: String
    package let headerRow: Int
    package let firstDataRow: Int
    package let regionColumnHeader: String

    package init(
        number: Int, year: Int, fieldStart: String?, fieldEnd: String?, fileName: String, sheetName: String,
        headerRow: Int, firstDataRow: Int, regionColumnHeader: String
    ) {
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
package struct Region: Sendable, Hashable, Comparable {
    package let ags: String
    package let name: String
    package let kind: String
    package let spellings: [String]

    package init(ags: String, name: String, kind: String, spellings: [String]) {
        self.ags = ags
        self.name = name
        self.kind = kind
        self.spellings = spellings
    }

    package static func < (lhs: Region, rhs: Region) -> Bool { lhs.ags < rhs.ags }
}

/// One canonical answer category and its known spellings (`Antwortkategorien`).
package struct AnswerCategory: Sendable, Hashable {
    package let type: String
    package let name: String
    package let spellings: [String]
    /// True when `(leer)` is among the spellings: an empty cell means this category.
    package let matchesEmpty: Bool

    package init(type: String, name: String, spellings: [String]) {
        self.type = type
        self.name = name
        self.spellings = spellings.filter { $0 != AnswerCategory.emptyMarker }
        self.matchesEmpty = spellings.contains(AnswerCategory.emptyMarker)
    }

    /// How the catalogue writes "an empty cell" among the spellings.
    package static let emptyMarker = "(leer)"
}
