import Formatting
import Testing

@testable import RenderReport

/// The language helpers the template offers, for a neuter, a feminine and a masculine unit,
/// and the checks on the rendered prose that stop a run with the template line.
@Suite struct GermanLanguageTests {
    static let neuter = GermanNoun(
        singular: "Arbeitsbündnis", plural: "Arbeitsbündnisse", gender: .neuter,
        dativePlural: "Arbeitsbündnissen")
    static let feminine = GermanNoun(singular: "Kommune", plural: "Kommunen", gender: .feminine)
    static let masculine = GermanNoun(singular: "Landkreis", plural: "Landkreise", gender: .masculine)

    @Test func numbersStandingAloneAreWordsUpToTwelve() {
        #expect(
            (0...13).map(GermanNoun.word) == [
                "null", "eins", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht",
                "neun", "zehn", "elf", "zwölf", "13",
            ])
        #expect(GermanNoun.word(2933) == "2\u{202F}933")
    }

    @Test func theRegularDativePluralIsFormedWhenNotGiven() {
        #expect(Self.masculine.dativePlural == "Landkreisen")
        #expect(Self.feminine.dativePlural == "Kommunen")
        #expect(GermanNoun(singular: "Büro", plural: "Büros", gender: .neuter).dativePlural == "Büros")
    }

    @Test(arguments: [
        (
            neuter, ["kein Arbeitsbündnis", "ein Arbeitsbündnis", "zwei Arbeitsbündnisse", "13 Arbeitsbündnisse"],
            ["keinem Arbeitsbündnis", "einem Arbeitsbündnis", "zwei Arbeitsbündnissen"]
        ),
        (
            feminine, ["keine Kommune", "eine Kommune", "zwei Kommunen", "13 Kommunen"],
            ["keiner Kommune", "einer Kommune", "zwei Kommunen"]
        ),
        (
            masculine, ["kein Landkreis", "ein Landkreis", "zwei Landkreise", "13 Landkreise"],
            ["keinem Landkreis", "einem Landkreis", "zwei Landkreisen"]
        ),
    ])
    func countedNounsAgreeInGenderAndCase(noun: GermanNoun, nominative: [String], dative: [String]) {
        #expect([0, 1, 2, 13].map { noun.count($0) } == nominative)
        #expect([0, 1, 2].map { noun.count($0, .dative) } == dative)
    }

    @Test(arguments: [
        (
            neuter,
            [
                "keines der 13 Arbeitsbündnisse", "eines der 13 Arbeitsbündnisse", "12 der 13 Arbeitsbündnisse",
                "alle 13 Arbeitsbündnisse",
            ],
            ["keinem der 13 Arbeitsbündnisse", "einem der 13 Arbeitsbündnisse", "allen 13 Arbeitsbündnissen"]
        ),
        (
            feminine, ["keine der 13 Kommunen", "eine der 13 Kommunen", "12 der 13 Kommunen", "alle 13 Kommunen"],
            ["keiner der 13 Kommunen", "einer der 13 Kommunen", "allen 13 Kommunen"]
        ),
        (
            masculine, ["keiner der 13 Landkreise", "einer der 13 Landkreise", "12 der 13 Landkreise", "alle 13 Landkreise"],
            ["keinem der 13 Landkreise", "einem der 13 Landkreise", "allen 13 Landkreisen"]
        ),
    ])
    func partsOfAllAgreeInGenderAndCase(noun: GermanNoun, nominative: [String], dative: [String]) {
        #expect([0, 1, 12, 13].map { noun.partitive($0, of: 13) } == nominative)
        #expect([0, 1, 13].map { noun.partitive($0, of: 13, .dative) } == dative)
        #expect(noun.partitive(0, of: 0) == nil, "no phrase over an empty base")
    }

    @Test func aCountOverAnEmptyBaseSaysThatNobodyWasAsked() throws {
        let value = CountText(count: 0, base: 0, unit: Self.feminine).value
        #expect(value["ofAllUnits"] == .text("keine Kommune (niemand gefragt)"))
        #expect(value["ofAllUnitsDative"] == .text("keiner Kommune (niemand gefragt)"))
        #expect(value["askedNobody"] == .flag(true))
        #expect(value["percent"] == .text("–"))
        #expect(CountText(count: 0, base: 18, unit: Self.feminine).value["ofAllUnits"] == .text("keine der 18 Kommunen"))
        // A base below the population (a unit did not take part, or a filter asked only
        // some): "alle 12" would read as if there were only twelve.
        let partOfTheAsked = CountText(count: 12, base: 12, unit: Self.neuter, population: 13).value
        #expect(partOfTheAsked["ofAllUnits"] == .text("alle 12 befragten Arbeitsbündnisse"))
        #expect(partOfTheAsked["ofAllUnitsDative"] == .text("allen 12 befragten Arbeitsbündnissen"))
        #expect(
            CountText(count: 1, base: 12, unit: Self.neuter, population: 13).value["ofAllUnits"] == .text("eines der 12 befragten Arbeitsbündnisse"))
        // A base of everyone who took part that wave: the missing unit sat it out, it was asked.
        let participants = CountText(count: 12, base: 12, unit: Self.neuter, population: 13, baseIsParticipants: true).value
        #expect(participants["ofAllUnitsDative"] == .text("allen 12 teilnehmenden Arbeitsbündnissen"))
        #expect(CountText(count: 13, base: 13, unit: Self.neuter, population: 13).value["ofAllUnits"] == .text("alle 13 Arbeitsbündnisse"))
        #expect(CountText(count: 1, base: 22, unit: Self.masculine).value["ofAllUnitsDative"] == .text("einem der 22 Landkreise"))
    }

    /// One out of one is "der einzige befragte Landkreis", never "alle 1 befragten Landkreise".
    @Test func oneOutOfOneIsTheOnlyOne() {
        #expect(Self.masculine.partitive(1, of: 1, attribute: "befragten") == "der einzige befragte Landkreis")
        #expect(Self.feminine.partitive(1, of: 1, .dative, attribute: "befragten") == "der einzigen befragten Kommune")
        #expect(Self.neuter.partitive(1, of: 1) == "das einzige Arbeitsbündnis")
        #expect(CountText(count: 1, base: 1, unit: Self.masculine, population: 14).value["sg"] == .flag(true))
    }

    /// None out of one is no unit at all, never "keiner der 1 teilnehmenden Kommunen"; the
    /// digit form says "1 von 1", not "alle 1".
    @Test func noneOutOfOneIsNoUnit() {
        #expect(Self.feminine.partitive(0, of: 1, .dative, attribute: "teilnehmenden") == "keiner Kommune")
        #expect(Self.masculine.partitive(0, of: 1) == "kein Landkreis")
        #expect(CountText(count: 1, base: 1, unit: Self.masculine, population: 1).value["ofAll"] == .text("1 von 1"))
        #expect(CountText(count: 13, base: 13, unit: Self.neuter, population: 13).value["ofAll"] == .text("alle 13"))
    }

    @Test func pronounsStandForTheNoun() {
        #expect([Self.neuter, Self.feminine, Self.masculine].map { $0.pronoun(0) } == ["keines", "keine", "keiner"])
        #expect([Self.neuter, Self.feminine, Self.masculine].map { $0.pronoun(1) } == ["eines", "eine", "einer"])
        #expect(Self.feminine.pronoun(5) == "fünf")
    }

    @Test func historiesReadAsSentences() {
        let points = [(2017, 1), (2018, 8), (2019, 12), (2020, 12), (2021, 12)].map { (year: $0.0, count: $0.1) }
        #expect(Self.neuter.history(points) == "2017 erst in einem, 2018 in acht und seit 2019 in zwölf Arbeitsbündnissen")
        #expect(Self.feminine.history(points) == "2017 erst in einer, 2018 in acht und seit 2019 in zwölf Kommunen")
        let flat = [(2018, 8), (2019, 8), (2020, 7), (2021, 13)].map { (year: $0.0, count: $0.1) }
        // The series falls on the way (eight, seven): "erst" would promise a steady rise.
        #expect(Self.masculine.history(flat, all: 13) == "2018 und 2019 in acht, 2020 in sieben und 2021 in allen 13 Landkreisen")
        let one = [(2020, 0), (2021, 1)].map { (year: $0.0, count: $0.1) }
        #expect(Self.masculine.history(one) == "2020 noch in keinem und 2021 in einem Landkreis")
        let falling = [(2019, 12), (2020, 10)].map { (year: $0.0, count: $0.1) }
        #expect(Self.neuter.history(falling) == "2019 in zwölf und 2020 in zehn Arbeitsbündnissen")
    }

    /// "seit" with a state that lasts takes the present, the waves before it the past: the
    /// history comes in two parts for a sentence in both tenses, for every gender.
    @Test(arguments: [
        (
            neuter, "seit 2019 in zwölf Arbeitsbündnissen", "erst ein Arbeitsbündnis im Jahr 2017 und acht im Jahr 2018",
            "2021 in einem Arbeitsbündnis",
            "noch keines im Jahr 2020"
        ),
        (
            feminine, "seit 2019 in zwölf Kommunen", "erst eine Kommune im Jahr 2017 und acht im Jahr 2018", "2021 in einer Kommune",
            "noch keine im Jahr 2020"
        ),
        (
            masculine, "seit 2019 in zwölf Landkreisen", "erst ein Landkreis im Jahr 2017 und acht im Jahr 2018", "2021 in einem Landkreis",
            "noch keiner im Jahr 2020"
        ),
    ])
    func aHistorySplitsIntoTheStateNowAndTheWavesBefore(
        unit: GermanNoun, now: String, earlier: String, lastOnly: String,
        noneBefore: String
    ) {
        let points = [(2017, 1), (2018, 8), (2019, 12), (2020, 12), (2021, 12)].map { GermanNoun.HistoryPoint(year: $0.0, count: $0.1) }
        let split = unit.splitHistory(points, all: 13)
        #expect(split.now == now)
        #expect(split.earlier == earlier)
        #expect(!split.earlierIsSingular)
        let late = unit.splitHistory([GermanNoun.HistoryPoint(year: 2020, count: 0), GermanNoun.HistoryPoint(year: 2021, count: 1)])
        #expect(late.now == lastOnly)
        #expect(late.earlier == noneBefore)
        // "zuvor war es 2020 noch keines": one earlier wave with none or one takes the singular.
        #expect(late.earlierIsSingular)
        let single = unit.splitHistory([GermanNoun.HistoryPoint(year: 2021, count: 5)])
        #expect(!single.hasEarlier)
    }

    /// A wave without everyone keeps its base in the earlier part, too.
    @Test func theEarlierPartNamesTheBaseOfAWaveWithoutEveryone() {
        let points = [GermanNoun.HistoryPoint(year: 2020, count: 9, of: 12), GermanNoun.HistoryPoint(year: 2021, count: 13)]
        let split = Self.neuter.splitHistory(points, all: 13)
        #expect(split.earlier == "erst neun von zwölf im Jahr 2020")
        #expect(split.now == "2021 in allen 13 Arbeitsbündnissen")
        // A run of the whole population before the last wave: never "2021 13".
        let full = [
            GermanNoun.HistoryPoint(year: 2019, count: 12), GermanNoun.HistoryPoint(year: 2020, count: 13),
            GermanNoun.HistoryPoint(year: 2021, count: 13), GermanNoun.HistoryPoint(year: 2022, count: 12, of: 12),
        ]
        #expect(Self.neuter.splitHistory(full, all: 13).earlier == "zwölf im Jahr 2019 und alle 13 in den Jahren 2020 und 2021")
    }

    /// A wave in which a unit did not take part gives its count with the units that did,
    /// and is not merged with a neighbour of the same count: nine of twelve is not nine of 13.
    @Test func aHistoryNamesTheBaseOfAWaveWithoutEveryone() {
        let points = [
            GermanNoun.HistoryPoint(year: 2020, count: 12), GermanNoun.HistoryPoint(year: 2021, count: 12),
            GermanNoun.HistoryPoint(year: 2022, count: 12, of: 12),
        ]
        #expect(Self.neuter.history(points, all: 13) == "2020 und 2021 in zwölf und 2022 in zwölf von zwölf Arbeitsbündnissen")
        let middle = [GermanNoun.HistoryPoint(year: 2020, count: 1, of: 12), GermanNoun.HistoryPoint(year: 2021, count: 13)]
        #expect(Self.feminine.history(middle, all: 13) == "2020 erst in einer von zwölf und 2021 in allen 13 Kommunen")
    }

    @Test func listsJoinWithUnd() {
        #expect(GermanNoun.list([]) == "")
        #expect(GermanNoun.list(["A"]) == "A")
        #expect(GermanNoun.list(["A", "B", "C"]) == "A, B und C")
    }
}
