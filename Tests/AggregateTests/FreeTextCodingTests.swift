import Foundation
import ModelFixtures
import TestSupport
import Testing

@testable import Aggregate
@testable import ReportSpec

/// Free text is counted as a reader counts it: several mentions in one answer are split,
/// spelling variants and answer sentences count for the category the institute's coding
/// table gives them, and what the table does not list counts as written.
@Suite struct FreeTextCodingTests {
    static func rule(_ item: String, _ answer: String, _ category: String) -> FreeTextCoding.Rule {
        FreeTextCoding.Rule(item: item, answer: answer, category: category, line: 2)
    }

    @Test func aCommaSplitsOnlyWherePiecesStandAlone() {
        let corpus = ["Qualitätszirkel", "Öffentlichkeitsarbeit", "Qualitätszirkel, Öffentlichkeitsarbeit", "Evaluation, Monitoring, Controlling"]
        let coder = FreeTextCoder(corpus: corpus)
        #expect(coder.entries(of: "Qualitätszirkel, Öffentlichkeitsarbeit") == ["Qualitätszirkel", "Öffentlichkeitsarbeit"])
        #expect(coder.entries(of: "Evaluation, Monitoring, Controlling") == ["Evaluation, Monitoring, Controlling"])
        #expect(coder.entries(of: "- Qualitätszirkel\n- Qualitätszirkel; Öffentlichkeitsarbeit") == ["Qualitätszirkel", "Öffentlichkeitsarbeit"])
    }

    /// "Standort am Bahnhof, Virtuelle Jugendberufsagentur": the second name stands nowhere
    /// alone, so the data cannot tell; the coding table lists it, and the answer counts twice.
    @Test func theCodingTableMakesAPieceStandAlone() {
        let corpus = ["Standort am Bahnhof", "Mobile Beratung; Standort am Bahnhof", "Standort am Bahnhof, Virtuelle Jugendberufsagentur"]
        let plain = FreeTextCoder(corpus: corpus, item: "III.07.t")
        #expect(plain.entries(of: corpus[2]) == [corpus[2]])
        let coding = FreeTextCoding(
            file: "kodierung.csv", rules: [Self.rule("III.07.t", "Virtuelle Jugendberufsagentur", "Virtuelle Jugendberufsagentur")])
        let coded = FreeTextCoder(corpus: corpus, item: "III.07.t", coding: coding)
        #expect(coded.entries(of: corpus[2]) == ["Standort am Bahnhof", "Virtuelle Jugendberufsagentur"])
        // Another item's table rows do not apply.
        #expect(FreeTextCoder(corpus: corpus, item: "I.05.t", coding: coding).entries(of: corpus[2]) == [corpus[2]])
    }

    @Test func variantsAndSentencesCountForTheirCategoryOnce() {
        let coding = FreeTextCoding(
            file: "kodierung.csv",
            rules: [
                Self.rule("I.05.t", "Wir nutzen YouConnect für die gemeinsame Fallarbeit.", "YouConnect"),
                Self.rule("I.05.t", "youconnect der  Bundesagentur für Arbeit", "YouConnect"),
                Self.rule("*", "Cloud-Lösung", "Cloud"),
            ])
        let answer = "Wir nutzen YouConnect für die gemeinsame Fallarbeit., YouConnect der Bundesagentur für Arbeit\nCloud-Lösung"
        let coder = FreeTextCoder(corpus: [answer], item: "I.05.t", coding: coding)
        // Case and spaces do not matter; one unit names YouConnect once, however often it writes it.
        #expect(coder.entries(of: answer) == ["YouConnect", "Cloud"])
    }

    /// A whole answer the table lists may count for two categories.
    @Test func aWholeAnswerCanCountForSeveralCategories() {
        let coding = FreeTextCoding(
            file: "k.csv",
            rules: [
                Self.rule("X.t", "Bahnhof und Video", "Standort am Bahnhof"),
                Self.rule("X.t", "Bahnhof und Video", "Beratung per Video"),
            ])
        #expect(
            FreeTextCoder(corpus: [], item: "X.t", coding: coding).entries(of: " Bahnhof und Video ") == [
                "Standort am Bahnhof", "Beratung per Video",
            ])
    }

    @Test func anAnswerSentenceIsNotACategory() {
        #expect(FreeTextCoder.readsAsSentence("Wir nutzen YouConnect für die gemeinsame Fallarbeit."))
        #expect(!FreeTextCoder.readsAsSentence("YouConnect der Bundesagentur für Arbeit"))
        #expect(!FreeTextCoder.readsAsSentence("Beratung per Video usw."))
        #expect(!FreeTextCoder.readsAsSentence("Prüfung vor Ort."))
    }

    @Test func aBadTableNamesFileAndLine() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("coding-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("kodierung.csv")
        try "item,answer,category\nI.05.t,YouConnect (BA),\n".write(to: url, atomically: true, encoding: .utf8)
        #expect { try FreeTextCoding.read(url) } throws: { error in
            "\(error)".contains("kodierung.csv:2") && "\(error)".contains("'category' is empty")
        }
        try "item,answer\n".write(to: url, atomically: true, encoding: .utf8)
        #expect { try FreeTextCoding.read(url) } throws: { "\($0)".contains("no column 'category'") }
    }

    /// On the shipped data: nine of the ten units with a platform name YouConnect (in three
    /// spellings), and the station is named by three units, not two.
    @Test func theShippedCodingCountsAsAReaderWould() throws {
        let model = try #require(ReportModelBuilder.shipped?.model)
        let platforms = try #require(model.analysis.freeText("I.05.t"))
        #expect(platforms.respondents == 10)
        #expect(platforms.entries.first == FreeTextTable.Entry(text: "YouConnect", regions: 9))
        #expect(platforms.uncodedSentences.isEmpty)
        let rural = try #require(model.analysis.freeText("III.07.t"))
        #expect(rural.entries.contains(FreeTextTable.Entry(text: "Standort am Bahnhof", regions: 3)))
        #expect(rural.entries.contains(FreeTextTable.Entry(text: "Virtuelle Jugendberufsagentur", regions: 1)))
        #expect(!rural.entries.contains { $0.text.contains(",") && $0.text.contains("Bahnhof") })
    }
}
