import Foundation
import RenderReport
import TestSupport
import Testing

@Suite struct TemplateTests {
    let context = TemplateValue.object([
        "name": .text("Harz"),
        "count": .text("12"),
        "items": .list([.object(["label": .text("a|b")]), .object(["label": .text("*c*")])]),
        "flag": .flag(true),
        "off": .flag(false),
        "nested": .object(["deep": .object(["value": .text("x")])]),
    ])

    func render(_ source: String) throws -> String { try Template(source, file: "t.mustache").render(context) }

    func error(_ source: String) -> String? {
        do {
            _ = try render(source)
            return nil
        } catch {
            return "\(error)"
        }
    }

    @Test func rendersMustacheSubset() throws {
        #expect(try render("Region {{name}}: {{count}}") == "Region Harz: 12")
        #expect(try render("{{#items}}- {{label}}\n{{/items}}") == "- a\\|b\n- \\*c\\*\n")
        #expect(try render("{{#flag}}ja{{/flag}}{{#off}}nein{{/off}}{{^off}}!{{/off}}") == "ja!")
        #expect(try render("{{nested.deep.value}} {{#nested}}{{deep.value}}{{/nested}}") == "x x")
        #expect(try render("{{#items}}{{name}}{{/items}}") == "HarzHarz", "outer names resolve inside sections")
        #expect(try render("{{{count}}}") == "12")
    }

    /// Names are trimmed of Foundation's `.whitespaces` (tab, no-break and zero-width spaces),
    /// not of line separators.
    @Test func placeholderNamesAreTrimmedOfSpacesOnly() throws {
        #expect(try render("{{ name\u{200B}\t}} {{\u{00A0}count }}") == "Harz 12")
        #expect(error("{{name\u{2028}}}") == "t.mustache:1: malformed placeholder '{{name\u{2028}}}'")
    }

    @Test func contextJSONIsValidAndEscaped() throws {
        let value = TemplateValue.object(["b": .list([.text("a\"b\\c\nd\u{1}é"), .flag(true)]), "a": .object([:]), "c": .list([])])
        let text = String(decoding: value.json(), as: UTF8.self)
        #expect(text == "{\n  \"a\": {},\n  \"b\": [\n    \"a\\\"b\\\\c\\nd\\u0001é\",\n    true\n  ],\n  \"c\": []\n}\n")
        let parsed = try JSONSerialization.jsonObject(with: value.json()) as? [String: Any]
        #expect((parsed?["b"] as? [Any])?.first as? String == "a\"b\\c\nd\u{1}é")
    }

    @Test func contextJSONStreamsInPiecesThatJoinToTheWhole() {
        let rows = (1...200).map { TemplateValue.object(["name": .text("Gemeinde \($0)"), "share": .text("\($0) %")]) }
        let value = TemplateValue.object(["rows": .list(rows), "title": .text("Bericht")])
        var pieces: [[UInt8]] = []
        value.writeJSON(chunk: 256) { pieces.append($0) }
        #expect(pieces.count > 10, "handed on while written")
        #expect(pieces.dropLast().allSatisfy { $0.count >= 256 && $0.count < 512 })
        #expect(Data(pieces.joined()) == value.json())
    }

    @Test func standaloneTagLinesVanish() throws {
        #expect(try render("A\n{{#flag}}\nB\n{{/flag}}\n{{! note\n spanning lines }}\nC") == "A\nB\nC")
    }

    @Test func unknownPlaceholderNamesFileAndLine() {
        #expect(error("Zeile\n{{nmae}}") == "t.mustache:2: unknown placeholder 'nmae'")
        #expect(error("{{nested.deep.valeu}}") == "t.mustache:1: unknown placeholder 'nested.deep.valeu' (no 'valeu')")
        #expect(error("\n\n{{#missing}}x{{/missing}}") == "t.mustache:3: unknown placeholder 'missing'")
    }

    @Test func handTypedNumbersAreRefused() {
        #expect(
            error("Text\nIm Jahr 2021 waren es {{count}}.") == "t.mustache:2: hand-typed number '2' in the text; numbers must come from placeholders")
        #expect(error("{{! a comment with 13 is fine }}ok") == nil)
    }

    @Test func malformedTemplates() {
        #expect(error("{{#flag}}offen") == "t.mustache:1: section 'flag' is never closed")
        #expect(error("{{/flag}}") == "t.mustache:1: '{{/flag}}' closes no open section")
        #expect(error("{{name") == "t.mustache:1: '{{' without a closing '}}' on the same line")
        #expect(error("{{na me}}") == "t.mustache:1: malformed placeholder '{{na me}}'")
        #expect(error("{{items}}") == "t.mustache:1: 'items' is a list or object, not text")
    }

    @Test(arguments: ["abschlussbericht-2021/bericht.md.mustache", "kurzbericht-2021/kurzbericht.md.mustache"])
    func shippedTemplatesHaveNoHandTypedNumbers(path: String) throws {
        let url = TestPaths.repository.appendingPathComponent("reports/\(path)")
        _ = try Template(try String(contentsOf: url, encoding: .utf8), file: url.lastPathComponent)
    }
}
