/// What a placeholder's text can look like at its edges, for any data: whether it can begin
/// with a count or a year, end in a digit, end a sentence, or be empty. The prose rules are
/// checked on the template with these shapes (`TemplateProseCheck`), so a template that
/// passes passes for every data set: "zwölf" today is "13" next year, and the shape of
/// `word` says so.
///
/// Shapes are looked up by the placeholder's last name (`latest.ja.units` → `units`); a name
/// not listed is text that begins and ends with a letter (titles, labels, the spec's texts).
/// `PlaceholderShapeTests` checks every text in the contexts of generated surveys against
/// its shape, so a new number-valued placeholder without an entry here fails a test.
package struct PlaceholderShape: Sendable, Equatable {
    package enum Start: Sendable, Equatable {
        /// A letter or punctuation, never a digit.
        case word
        /// A four-digit year, or a word.
        case year
        /// Possibly a count or another number (digits, or a sign and digits).
        case number
    }

    package let start: Start
    package let endsWithNumber: Bool
    /// Whether the text can end a sentence with its own full stop (the spec's paragraphs).
    package let endsSentence: Bool
    /// Whether it can render as nothing at all (a footnote that is not needed).
    package let mayBeEmpty: Bool
    /// Prepared Markdown blocks (figures, tables): not prose.
    package let isBlock: Bool

    init(start: Start, endsWithNumber: Bool, endsSentence: Bool = false, mayBeEmpty: Bool = false, isBlock: Bool = false) {
        self.start = start
        self.endsWithNumber = endsWithNumber
        self.endsSentence = endsSentence
        self.mayBeEmpty = mayBeEmpty
        self.isBlock = isBlock
    }

    /// A count, a share or another number, alone: "13", "zwölf", "92 %", "+2,6 PP".
    static let number = PlaceholderShape(start: .number, endsWithNumber: true)
    /// A count with its noun: "13 Arbeitsbündnisse", "zwei Arbeitsbündnissen".
    static let countPhrase = PlaceholderShape(start: .number, endsWithNumber: false)
    /// A year or a year range: "2021", "2017–2021".
    static let year = PlaceholderShape(start: .year, endsWithNumber: true)
    /// A name ending in a number: "I.05", "abb-03".
    static let numberedName = PlaceholderShape(start: .word, endsWithNumber: true)
    /// Text that begins and ends with a letter or punctuation.
    static let words = PlaceholderShape(start: .word, endsWithNumber: false)
    /// Whole sentences from the spec or the analysis, ending with a full stop.
    static let sentences = PlaceholderShape(start: .word, endsWithNumber: false, endsSentence: true)
    /// A footnote or note that may be absent.
    static let optionalNote = PlaceholderShape(start: .word, endsWithNumber: false, mayBeEmpty: true)
    static let block = PlaceholderShape(start: .word, endsWithNumber: false, mayBeEmpty: true, isBlock: true)

    /// The shape of the placeholder `path` (its last name decides).
    package static func of(_ path: [String]) -> PlaceholderShape {
        guard let name = path.last else { return .words }
        // The spec's own texts (`texts.NAME`) are whole sentences, whatever their name.
        if path.count >= 2, path[path.count - 2] == "texts" { return .sentences }
        return table[name] ?? .words
    }

    /// Whether a section over `path` can repeat (a list); flags and objects show once. Like
    /// a shape, this does not depend on the data: a list is a list even when it is empty.
    package static func repeats(_ path: [String]) -> Bool {
        path.last.map(lists.contains) ?? false
    }

    static let lists: Set<String> = [
        "byFrequency", "entries", "figures", "gains", "incompleteWaves", "largestOverallGains", "list",
        "losses", "largeLosses", "nonResponse", "participation", "abbreviations", "participationRuns", "questionnaireChanges", "tables", "themes",
        "unplaced",
        "transitions", "waves", ".",
    ]

    private static let table: [String: PlaceholderShape] = {
        var table: [String: PlaceholderShape] = [:]
        // Counts spelled as words up to twelve become digits above it, so every count is a number.
        for name in [
            "count", "word", "alone", "base", "ofBase", "ofAll", "percent", "percentExact", "answers", "checked",
            "reproduced", "stated", "noteCount", "n", "nWord", "mainQuestions", "subQuestions", "optionQuestions", "statusQuestions",
            "themeStatusQuestions", "waveCount", "waveCountWord", "latestWave", "latestAnswering", "answerCount",
            "difference", "differenceWord", "mostCount", "leastCount", "now", "before", "revised", "addedCount", "droppedCount",
            "allStatusCount", "followUpQuestions", "nonResponseAnswers", "nonResponseItems", "otherMainQuestions",
            "oneUnitPoints", "oneUnitPointsLatest", "oneAnswerPoints", "oneAnswerPointsLow", "oneAnswerPointsHigh", "share", "shareRounded", "number",
            "fieldStart",
            "ofBaseWithPercent", "comparedAlone",
            "fieldEnd", "date",
        ] {
            table[name] = .number
        }
        for name in ["items", "figure"] {
            table[name] = PlaceholderShape(start: .number, endsWithNumber: true, mayBeEmpty: true)
        }
        // "+2,6 PP".
        table["change"] = .countPhrase
        table["matchedChange"] = .countPhrase
        for name in [
            "units", "Units", "unitsDative", "ofAllUnits", "OfAllUnits", "ofAllUnitsDative", "changeWords",
            "changeWordsDative", "outTotal", "nDative", "latestAnsweringDative", "latestComplete", "compared", "matchedUnitsDative",
            "matchedChangeWords",
        ] {
            table[name] = .countPhrase
        }
        for name in ["into", "out"] {
            table[name] = PlaceholderShape(start: .number, endsWithNumber: false, mayBeEmpty: true)
        }
        for name in ["fromYear", "toYear", "firstYear", "lastYear", "latestYear", "previousYear", "yearRange"] {
            table[name] = .year
        }
        table["year"] = PlaceholderShape(start: .year, endsWithNumber: true, mayBeEmpty: true)
        // "2017 erst in acht, 2018 in elf und seit 2019 in allen 13 Arbeitsbündnissen".
        table["history"] = PlaceholderShape(start: .year, endsWithNumber: false)
        // "seit 2019 in zwölf Arbeitsbündnissen" / "2021 in zehn Arbeitsbündnissen".
        table["historyNow"] = PlaceholderShape(start: .year, endsWithNumber: false)
        // "erst sieben im Jahr 2017 und zehn im Jahr 2018", or nothing when asked once.
        table["historyEarlier"] = PlaceholderShape(start: .number, endsWithNumber: true, mayBeEmpty: true)
        for name in ["id", "anchor"] { table[name] = .numberedName }
        // A question ends with its question mark.
        for name in [
            "financing", "outlook", "themes", "dataNote", "population", "mode", "conductedBy", "question", "caption",
            "annex_method", "annex_description", "abbreviations",
        ] {
            table[name] = .sentences
        }
        for name in [
            "revisionNote", "figureRevisionNote", "everyone", "dropped", "fell", "added", "rose", "rest", "named",
            "institution",
        ] {
            table[name] = .optionalNote
        }
        // Free-text answers and revision notes: whole sentences, or none.
        table["text"] = PlaceholderShape(start: .word, endsWithNumber: false, endsSentence: true, mayBeEmpty: true)
        // A title may end in a year ("Abschlussbericht 2021").
        table["title"] = .numberedName
        table["subtitle"] = .numberedName
        // "zwölf Arbeitsbündnisse" when a comparison is over the units in both waves, else empty.
        table["matchedUnits"] = PlaceholderShape(start: .number, endsWithNumber: false, mayBeEmpty: true)
        table["block"] = .block
        // "Zu „ja“ wechselten zwei aus „in Erarbeitung“; …", or nothing without changes.
        table["moves"] = PlaceholderShape(start: .word, endsWithNumber: false, mayBeEmpty: true)
        for name in ["smallLossQuestions", "smallLossFurtherQuestions", "oneUnit"] { table[name] = .countPhrase }
        // "neun „YouConnect“, fünf „…“": a count first, a quoted name last.
        for name in ["ranked", "rankedAll"] { table[name] = PlaceholderShape(start: .number, endsWithNumber: false) }
        return table
    }()
}
