import Diagnostics
import Formatting
import Foundation

/// A strict Mustache template for Markdown.
///
/// Syntax is plain Mustache, so an analyst can edit it with any Mustache guide at hand:
/// `{{name}}`, `{{a.b}}`, `{{{raw}}}`, sections `{{#x}}…{{/x}}` (lists repeat, flags and
/// objects show once), inverted `{{^x}}…{{/x}}`, comments `{{! … }}`. Unlike common Mustache
/// engines it is strict, because a report must not print a blank where a number belongs:
/// an unknown placeholder is an error naming the template file and line, and so is a digit
/// typed into the prose outside a placeholder (every number must come from the data).
/// `{{name}}` escapes the value for Markdown; `{{{name}}}` inserts prepared Markdown as is.
package struct Template: Sendable {
    package let file: String
    let nodes: [Node]

    indirect enum Node: Sendable {
        case text(String, line: Int)
        case variable(path: [String], raw: Bool, line: Int)
        case section(path: [String], inverted: Bool, children: [Node], line: Int)
    }

    package init(_ source: String, file: String) throws(TemplateError) {
        self.file = file
        var parser = Parser(source: source, file: file)
        nodes = try parser.parse()
    }

    /// Checks the prose rules (`ProseCheck`) on the template's shape: a rule that some data
    /// could break fails here, with the line, whatever this run's data are.
    package func checkProse(_ rules: ProseRules) throws(TemplateError) {
        if let violation = TemplateProseCheck.check(nodes, rules: rules) {
            throw TemplateError(file: file, line: violation.line, message: violation.message)
        }
    }

    /// Renders with `context` as the outermost scope.
    package func render(_ context: TemplateValue) throws(TemplateError) -> String {
        try rendered(context).text
    }

    /// Renders and checks the rendered prose too. What the rendered check finds after
    /// `checkProse` has passed comes from the data's own words (a catalogue title with a
    /// digit), so it is returned for the editor, with the template line, not thrown.
    package func render(_ context: TemplateValue, rules: ProseRules) throws(TemplateError) -> (text: String, findings: [ProseFinding]) {
        let (text, origins, quotes) = try rendered(context)
        let bytes = Array(text.utf8)
        let findings = ProseCheck.findings(in: ProseCheck.masking(quotes, in: text), rules: rules).map { finding in
            ProseFinding(
                file: file, line: origins.last { $0.offset <= finding.offset }?.line ?? 0, message: finding.message,
                excerpt: ProseFinding.excerpt(of: bytes, at: finding.offset))
        }
        return (text, findings)
    }

    private func rendered(_ context: TemplateValue) throws(TemplateError)
        -> (text: String, origins: [(offset: Int, line: Int)], quotes: [Range<Int>])
    {
        var out = ""
        var origins: [(offset: Int, line: Int)] = []
        var quotes: [Range<Int>] = []
        try render(nodes, stack: [context], into: &out, origins: &origins, quotes: &quotes)
        return (out, origins, quotes)
    }

    /// `quotes` collects where quoted text (`TemplateValue.quote`) landed in `out`, as UTF-8
    /// offsets, so that the prose rules pass over it.
    private func render(
        _ nodes: [Node], stack: [TemplateValue], into out: inout String,
        origins: inout [(offset: Int, line: Int)], quotes: inout [Range<Int>]
    ) throws(TemplateError) {
        for node in nodes {
            switch node {
            case .text(let text, let line):
                origins.append((out.utf8.count, line))
                // The template's own words get the no-break spaces of "§ 16h" and "z. B." too.
                out += GermanTypography.text(text)
            case .variable(let path, let raw, let line):
                origins.append((out.utf8.count, line))
                let value = try resolve(path, in: stack, line: line)
                switch value {
                case .text(let text):
                    out += raw ? text : TextEscaping.markdownInline(GermanTypography.text(text))
                case .quote(let text):
                    let start = out.utf8.count
                    out += raw ? text : TextEscaping.markdownInline(GermanTypography.text(text), verbatim: true)
                    quotes.append(start..<out.utf8.count)
                default:
                    throw TemplateError(file: file, line: line, message: "'\(path.joined(separator: "."))' is a list or object, not text")
                }
            case .section(let path, let inverted, let children, let line):
                let value = try resolve(path, in: stack, line: line)
                if inverted {
                    if !value.isTruthy { try render(children, stack: stack, into: &out, origins: &origins, quotes: &quotes) }
                    continue
                }
                switch value {
                case .list(let items):
                    // Inside a list, `first` and `last` tell an item's position (an item's own
                    // fields of that name win).
                    for (index, item) in items.enumerated() {
                        let position = TemplateValue.object(["first": .flag(index == 0), "last": .flag(index == items.count - 1)])
                        try render(children, stack: stack + [position, item], into: &out, origins: &origins, quotes: &quotes)
                    }
                case .object:
                    try render(children, stack: stack + [value], into: &out, origins: &origins, quotes: &quotes)
                default:
                    if value.isTruthy { try render(children, stack: stack, into: &out, origins: &origins, quotes: &quotes) }
                }
            }
        }
    }

    /// Looks the first name up from the innermost scope outwards, then follows the path.
    private func resolve(_ path: [String], in stack: [TemplateValue], line: Int) throws(TemplateError) -> TemplateValue {
        if path == ["."] { return stack.last ?? .text("") }
        guard let first = path.first,
            let start = stack.reversed().lazy.compactMap({ $0[first] }).first
        else {
            throw TemplateError(file: file, line: line, message: "unknown placeholder '\(path.joined(separator: "."))'")
        }
        var value = start
        for key in path.dropFirst() {
            guard let next = value[key] else {
                throw TemplateError(file: file, line: line, message: "unknown placeholder '\(path.joined(separator: "."))' (no '\(key)')")
            }
            value = next
        }
        return value
    }

    /// Parses Mustache tags; lines holding only a section or comment tag vanish entirely,
    /// as the Mustache spec asks, so the Markdown keeps its blank lines where they belong.
    private struct Parser {
        let source: String
        let file: String

        mutating func parse() throws(TemplateError) -> [Node] {
            var stack: [(path: [String], inverted: Bool, line: Int, nodes: [Node])] = [([], false, 0, [])]
            let lines = Self.splittingMultilineComments(source).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            for (index, text) in lines.enumerated() {
                let line = index + 1
                let isLast = index == lines.count - 1
                let tags = try Self.tags(in: text, line: line, file: file)
                let standalone =
                    !tags.isEmpty && tags.allSatisfy { "#^/!".contains($0.sigil) }
                    && Self.textOutsideTags(text, tags: tags).allSatisfy(\.isWhitespace)
                var cursor = text.startIndex
                for tag in tags {
                    if !standalone, cursor < tag.range.lowerBound {
                        try appendText(String(text[cursor..<tag.range.lowerBound]), line: line, to: &stack)
                    }
                    cursor = tag.range.upperBound
                    switch tag.sigil {
                    case "!": break
                    case "#", "^":
                        stack.append((tag.path, tag.sigil == "^", line, []))
                    case "/":
                        guard stack.count > 1, let open = stack.last, open.path == tag.path else {
                            throw TemplateError(
                                file: file, line: line,
                                message: "'{{/\(tag.path.joined(separator: "."))}}' closes no open section")
                        }
                        stack.removeLast()
                        stack[stack.count - 1].nodes.append(
                            .section(
                                path: open.path, inverted: open.inverted,
                                children: open.nodes, line: open.line))
                    default:
                        stack[stack.count - 1].nodes.append(.variable(path: tag.path, raw: tag.sigil == "{" || tag.sigil == "&", line: line))
                    }
                }
                if !standalone {
                    try appendText(String(text[cursor...]) + (isLast ? "" : "\n"), line: line, to: &stack)
                }
            }
            if stack.count > 1, let open = stack.last {
                throw TemplateError(
                    file: file, line: open.line,
                    message: "section '\(open.path.joined(separator: "."))' is never closed")
            }
            return stack[0].nodes
        }

        /// Prose may not contain digits: every number comes from the data.
        private func appendText(
            _ text: String, line: Int,
            to stack: inout [(path: [String], inverted: Bool, line: Int, nodes: [Node])]
        ) throws(TemplateError) {
            // A legal reference ("§ 16h SGB II") is a name, not a number from the data.
            // (Swift Regex is slow; most text has no "§" and needs none.)
            let checked = text.contains("§") ? text.replacing(/§[\s\u{00A0}]*\d+[a-z]*/, with: "§") : text
            if let digit = checked.first(where: { $0.isASCII && $0.isNumber }) {
                throw TemplateError(
                    file: file, line: line,
                    message: "hand-typed number '\(digit)' in the text; numbers must come from placeholders")
            }
            if !text.isEmpty { stack[stack.count - 1].nodes.append(.text(text, line: line)) }
        }

        struct Tag {
            let range: Range<String.Index>
            let sigil: Character
            let path: [String]
        }

        static func tags(in text: String, line: Int, file: String) throws(TemplateError) -> [Tag] {
            var result: [Tag] = []
            var search = text.startIndex
            while let open = Self.firstRange(of: "{{", in: text[search...]) {
                let triple = text[open.upperBound...].hasPrefix("{")
                let closer: StaticString = triple ? "}}}" : "}}"
                guard let close = Self.firstRange(of: closer, in: text[open.upperBound...]) else {
                    throw TemplateError(file: file, line: line, message: "'{{' without a closing '\(closer)' on the same line")
                }
                var body = Substring(text[open.upperBound..<close.lowerBound])
                var sigil: Character = " "
                if triple {
                    sigil = "{"
                    body = body.dropFirst()
                } else if let first = body.first, "#^/!&".contains(first) {
                    sigil = first
                    body = body.dropFirst()
                }
                let name = String(body).trimmingWhitespace(newlines: false)
                if sigil != "!" {
                    guard !name.isEmpty, name == "." || name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." }) else {
                        throw TemplateError(
                            file: file, line: line, message: "malformed placeholder '{{\(text[open.upperBound..<close.lowerBound])}}'")
                    }
                }
                result.append(
                    Tag(
                        range: open.lowerBound..<close.upperBound, sigil: sigil,
                        path: name == "." ? ["."] : name.split(separator: ".").map(String.init)))
                search = close.upperBound
            }
            return result
        }

        /// `{{! a\n b }}` → `{{! a}}\n{{! b }}`: every line keeps a whole tag, so comment
        /// lines vanish and line numbers stay those of the file.
        static func splittingMultilineComments(_ source: String) -> String {
            var out = ""
            var rest = Substring(source)
            while let open = firstRange(of: "{{!", in: rest) {
                out += rest[..<open.lowerBound]
                guard let close = firstRange(of: "}}", in: rest[open.upperBound...]) else {
                    out += rest[open.lowerBound...]
                    return out
                }
                out += rest[open.lowerBound..<close.upperBound].replacingOccurrences(of: "\n", with: "}}\n{{!")
                rest = rest[close.upperBound...]
            }
            return out + rest
        }

        /// Where an ASCII `needle` first occurs in `text`, compared on UTF-8 bytes: Foundation's
        /// `range(of:)` bridges the whole rest of the line or file to NSString at every call,
        /// and the standard library's `text.utf8.firstRange(of:)` made the shipped report's
        /// text take 1.7–2.4 times as long (`monitoring-bench bench-stage text`).
        static func firstRange(of needle: StaticString, in text: Substring) -> Range<String.Index>? {
            let bytes = text.utf8
            let pattern = UnsafeBufferPointer(start: needle.utf8Start, count: needle.utf8CodeUnitCount)
            guard let lead = pattern.first else { return nil }
            var from = bytes.startIndex
            while let start = bytes[from...].firstIndex(of: lead) {
                var end = start
                var matched = 0
                while matched < pattern.count, end < bytes.endIndex, bytes[end] == pattern[matched] {
                    end = bytes.index(after: end)
                    matched += 1
                }
                if matched == pattern.count { return start..<end }
                from = bytes.index(after: start)
            }
            return nil
        }

        static func textOutsideTags(_ text: String, tags: [Tag]) -> String {
            var out = ""
            var cursor = text.startIndex
            for tag in tags {
                out += text[cursor..<tag.range.lowerBound]
                cursor = tag.range.upperBound
            }
            return out + text[cursor...]
        }
    }
}
