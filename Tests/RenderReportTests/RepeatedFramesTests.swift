import Formatting
import RenderReport
import Testing

/// The frame counter finds a frame however its numbers and years vary, for the spec's unit,
/// and reports the lines; a text within the budget has nothing over it.
@Suite struct RepeatedFramesTests {
    static let unit = GermanNoun(singular: "Kommune", plural: "Kommunen", gender: .feminine)

    @Test func aFrameIsCountedWhateverItsNumbers() {
        let sentences = (1...6).map { "2021 gibt es das in \($0 + 6) der 18 Kommunen (\($0 * 10)\u{202F}%)." }
        let frames = RepeatedFrames(text: sentences.joined(separator: "\n"), unit: Self.unit, population: 18)
        let frame = frames.frames.first { $0.name == "x der 18 Kommunen (y %)" }
        #expect(frame?.count == 6)
        #expect(frame?.lines == [1, 2, 3, 4, 5, 6])
        #expect(frames.overBudget.map(\.name) == ["x der 18 Kommunen (y %)"])
    }

    @Test func variedSentencesStayWithinTheBudget() {
        let text = """
            Seit 2019 gibt es das in zwölf Kommunen; zuvor waren es erst sieben im Jahr 2017.
            Beispiele nennen fünf Kommunen: je zwei „A“ und „B“.
            Von „ja“ zu „nein“ wechselte eine Kommune. „C“ (zwei) und „D“ (drei). „E“ (2021), „F“ (2022).
            """
        let frames = RepeatedFrames(text: text, unit: Self.unit, population: 18)
        #expect(frames.overBudget.isEmpty)
        #expect(frames.frames.first { $0.name == "„Bezeichnung“ (Anzahl)" }?.count == 2)
        #expect(frames.frames.first { $0.name == "Von „A“ zu „B“ wechselte …" }?.count == 1)
        #expect(frames.frames.first { $0.name == "Verlauf „zuvor waren es …“" }?.count == 1)
    }
}
