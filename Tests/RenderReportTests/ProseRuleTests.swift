import Formatting
import Foundation
import TestSupport
import Testing

@testable import RenderReport

/// The prose rules decided on the template's shape (`Template.checkProse`): a template fails
/// at load, with its line, when *some* data could make it break a rule, even if this run's
/// data would not; one that passes never fails on data. The rendered text is still checked,
/// and what it finds (from the data's own words) is returned for the editor, not thrown.
@Suite struct ProseRuleTests {
    static let unit = GermanNoun(
        singular: "Arbeitsbündnis", plural: "Arbeitsbündnisse", gender: .neuter,
        dativePlural: "Arbeitsbündnissen")
    static let rules = ProseRules(unit: unit, population: 13)

    /// The shape check's message for `source`, nil when it passes.
    static func violation(_ source: String) throws -> String? {
        do {
            try Template(source, file: "t.md.mustache").checkProse(rules)
            return nil
        } catch {
            return error.description
        }
    }

    static let countFirst =
        "'{{a.word}}' can put a count at the start of a sentence (counts above twelve are digits); "
        + "begin the sentence with a word (a year may begin one)"

    /// "Zwölf" renders as a word this year and as "13" next year: the template fails today.
    @Test func aCountThatIsAWordTodayStillCannotStartASentence() throws {
        #expect(try Self.violation("Titel\n\nDas ist gut. {{a.word}} {{unit}} arbeiten daran.\n") == "t.md.mustache:3: \(Self.countFirst)")
        #expect(try Self.violation("{{a.word}} arbeiten daran.\n") == "t.md.mustache:1: \(Self.countFirst)")
        #expect(try Self.violation("- **Stand:** {{a.units}} arbeiten daran.\n") == nil, "after the bold label, not a sentence start")
        // A year may start one; so may a count inside a sentence or after an abbreviation.
        #expect(try Self.violation("{{year}} arbeiten {{a.count}} daran, z. B. {{a.count}} von ihnen.\n") == nil)
        #expect(try Self.violation("Das ist gut (Abbildung {{number}}). {{history}} war es so.\n") == nil)
    }

    @Test func aSentenceEndingInsideASectionOrAParagraphIsSeen() throws {
        #expect(try Self.violation("Gut{{#flag}}. Sehr gut{{/flag}}. {{a.units}} sagen es.\n") != nil)
        #expect(try Self.violation("{{texts.outlook}} {{a.units}} sagen es.\n") != nil, "a paragraph of the spec ends with a full stop")
        #expect(try Self.violation("„{{question}}“ {{a.units}} sagen ja.\n") != nil, "a question ends with its question mark")
    }

    @Test func twoNumbersThatCanMeetFailWhateverTheData() throws {
        #expect(
            try Self.violation("Erste Zeile.\nBei der ersten Erhebung {{year}} {{a.ofBase}}.\n")
                == "t.md.mustache:2: '{{a.ofBase}}' can stand right after another number; put words between them")
        #expect(try Self.violation("Im Jahr {{year}} {{a.units}}.\n") != nil, "'zwei Arbeitsbündnisse' today, '13 …' next year")
        #expect(try Self.violation("Im Jahr {{year}} {{#flag}}nur{{/flag}} {{a.count}}.\n") != nil, "the word may be left out")
        #expect(try Self.violation("Im Jahr {{year}} {{revisionNote}} {{a.count}}.\n") != nil, "a footnote may be empty")
        #expect(try Self.violation("Im Jahr {{year}} waren es {{a.count}}.\n") == nil)
    }

    /// A list's separators stand between items: `{{^last}}, {{/last}}` shows before the next.
    @Test func listSeparatorsAreKnownToStandBetweenItems() throws {
        #expect(try Self.violation("Es waren {{#waves}}{{a.count}} im Jahr {{year}}{{^last}}, {{/last}}{{/waves}}.\n") == nil)
        #expect(try Self.violation("Es waren {{#waves}}{{^first}} und {{/first}}{{a.count}} im Jahr {{year}}{{/waves}}.\n") == nil)
        #expect(
            try Self.violation("Es waren {{#waves}}{{a.count}} im Jahr {{year}} {{/waves}}.\n")
                == "t.md.mustache:1: '{{a.count}}' can stand right after another number; put words between them")
        #expect(
            try Self.violation("Es waren {{#waves}}{{a.count}} im Jahr {{year}}{{#last}}, {{/last}} {{/waves}}.\n") != nil,
            "the separator shows only after the last item")
        // An object or a flag shows once: nothing repeats.
        #expect(try Self.violation("Es waren {{#tab.t01}}{{a.count}} im Jahr {{year}} {{/tab.t01}}.\n") == nil)
    }

    @Test func anotherNameForTheUnitFailsWithItsLine() throws {
        #expect(
            try Self.violation("So ist es in {{a.count}} der {{meta.n}} Regionen.\n")
                == "t.md.mustache:1: 'der {{meta.n}} Regionen': the unit is called 'Arbeitsbündnisse' (spec 'unit'); use one name throughout")
        #expect(try Self.violation("In allen {{meta.n}} Arbeitsbündnissen und {{a.count}} der {{meta.n}} Arbeitsbündnisse.\n") == nil)
    }

    @Test func tablesFiguresAndFrontMatterAreNotProse() throws {
        #expect(
            try Self.violation("---\ntitle: \"{{year}} {{a.count}}\"\n---\n\n| {{year}} | {{a.count}} |\n\n![{{a.count}} {{meta.n}}](a.svg)\n") == nil
        )
        #expect(try Self.violation("{{{fig.f01.block}}}\n\n{{year}} waren es {{a.count}}.\n") == nil)
    }

    @Test func theShippedFinalReportHasOnlyNumbersThatCannotCollide() throws {
        let url = TestPaths.repository.appendingPathComponent("reports/abschlussbericht-2021/bericht.md.mustache")
        let source = try String(contentsOf: url, encoding: .utf8)
        #expect(throws: Never.self) { try Template(source, file: url.lastPathComponent).checkProse(Self.rules) }
        // The same template with a count placed after a year fails at that line.
        var lines = source.components(separatedBy: "\n")
        let line = try #require(lines.firstIndex { $0.hasPrefix("{{latest.year}} haben sich") })
        lines[line] = "{{latest.year}} {{latest.ja.units}} " + lines[line]
        #expect(throws: TemplateError.self) { try Template(lines.joined(separator: "\n"), file: "x").checkProse(Self.rules) }
    }

    // MARK: The rendered text

    static let context = TemplateValue.object([
        "count": .text("4"), "year": .text("2019"), "unit": .text("Arbeitsbündnisse"),
    ])

    /// Respondents' words are quoted, not written by the template: digits, sentence ends and
    /// other unit names in them are not findings; the same text as the data's plain text
    /// (a catalogue title) is, for the editor, with its line, and nothing is thrown.
    @Test func theDataOwnWordsAreFindingsForTheEditorNotFailures() throws {
        let answer = "Hotline 49 331 1234. 3 Regionen teilen sich das; vgl. der 13 Regionen *Plan*"
        let context = TemplateValue.object(["answer": .quote(answer), "same": .text(answer), "count": .text("4")])
        let quoted = try Template("Genannt wird „{{answer}}“ von zwei Arbeitsbündnissen.\n", file: "t.md.mustache").render(context, rules: Self.rules)
        #expect(
            quoted.text
                == "Genannt wird „Hotline 49 331 1234. 3 Regionen teilen sich das; vgl. der 13 Regionen \\*Plan\\*“ von zwei Arbeitsbündnissen.\n")
        #expect(quoted.findings == [])
        let plain = try Template("Text\nGenannt wird „{{same}}“.\n", file: "t.md.mustache").render(context, rules: Self.rules)
        #expect(plain.findings.map(\.line) == [2, 2, 2])
        #expect(plain.findings.first?.message == "two numbers side by side ('49 331'); put words between them")
        #expect(plain.findings.first?.excerpt == "wird „Hotline 49 331 1234. 3 Regionen teilen sich")
    }

    @Test func theRenderedCheckStillSeesWhatTheShapesCannot() throws {
        // `label` is a catalogue name: words by its shape, digits by this data.
        let context = TemplateValue.object(["label": .text("Stufe 2"), "count": .text("4")])
        let template = try Template("Die „{{label}}“ nennen viele. Es sind {{label}} {{count}}.\n", file: "t.md.mustache")
        #expect(throws: Never.self) { try template.checkProse(Self.rules) }
        #expect(
            try template.render(context, rules: Self.rules).findings.map(\.message) == ["two numbers side by side ('2 4'); put words between them"])
    }
}

/// `monitoring keys`: every placeholder with an example and what it can render.
@Suite struct TemplateKeysTests {
    static let context = TemplateValue.object([
        "meta": .object(["n": .text("13"), "unit": .text("Arbeitsbündnisse"), "complete": .flag(true)]),
        "item": .object([
            "I_01": .object(["title": .text("Ziele"), "latest": .object(["count": .text("12")])]),
            "I_02": .object(["title": .text("Rollen"), "latest": .object(["count": .text("11")])]),
            "II_01": .object(["title": .text("Katalog"), "entries": .list([.object(["text": .quote("Hotline 0391"), "last": .flag(true)])])]),
        ]),
        "waves": .list([]),
    ])

    @Test func everyPathWithAnExampleAndItsShape() {
        #expect(
            TemplateKeys.listing(Self.context) == """
                item.<ID> for the IDs II_01, I_01, I_02; shown for II_01 (members depend on the question's type: --filter item.<ID> shows another)
                item.II_01.entries[] (a list, 1 here: {{#item.II_01.entries}}…{{/item.II_01.entries}}; inside, first and last tell an item's place)
                item.II_01.entries[].last = true (flag: {{#last}}…{{/last}})
                item.II_01.entries[].text = "Hotline 0391" (respondents' words, quoted) (ends a sentence, may be empty)
                item.II_01.title = "Katalog" (may end in a number)
                meta.complete = true (flag: {{#meta.complete}}…{{/meta.complete}})
                meta.n = "13" (may begin with a count, may end in a number)
                meta.unit = "Arbeitsbündnisse"
                waves[] (a list, empty for this data: {{#waves}}…{{/waves}}; inside, first and last tell an item's place)

                """)
    }

    @Test func aFilterShowsThePathsBelowIt() {
        #expect(
            TemplateKeys.listing(Self.context, filter: "item.I_02") == """
                item.I_02.latest.count = "11" (may begin with a count, may end in a number)
                item.I_02.title = "Rollen" (may end in a number)

                """)
    }
}

/// Two inline notes written back to back print as notes, not as raw "[Revision: …]" text:
/// pandoc would read `^[a]^[b]` as a superscript.
@Suite(.enabled(if: ExternalTool.available("pandoc"), "needs pandoc"))
struct AdjacentNotesTests {
    @Test func adjacentNotesBecomeOneNote() throws {
        let merged = MarkdownReport.mergingAdjacentNotes("Tabelle 4.^[Revision: a (2021).]^[Revision: b \\[x\\].] Weiter.")
        #expect(merged == "Tabelle 4.^[Revision: a (2021). Revision: b \\[x\\].] Weiter.")
        let file = try TemporaryFolder.make().appendingPathComponent("t.md")
        try Data((merged + "\n").utf8).write(to: file)
        let html = try ExternalTool.run("pandoc", ["--from=markdown", "--to=html5", file.path])
        #expect(html.status == 0)
        #expect(!html.stdout.contains("[Revision"), "\(html.stdout)")
        let words = html.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(words.contains("doc-endnote\"><p>Revision: a (2021). Revision: b [x]."), "one note with both")
    }
}
