import Formatting

/// The prose rules of `ProseCheck`, decided on the template's shape instead of one rendered
/// text: every way through its sections (shown or skipped, a list repeated) is followed with
/// what each placeholder can render (`PlaceholderShape`), so a count that is "zwölf" in this
/// data and "13" in the next cannot start a sentence, and a year cannot stand beside a count
/// that happens to be a word today. A template that passes passes for any data; the rendered
/// text is still checked, but what that finds comes from the data's own words (a title with
/// digits) and goes to the editor's checklist instead of failing the run.
enum TemplateProseCheck {
    /// Where the text stands after what has been rendered so far on one path.
    struct State: Hashable {
        /// Inside the YAML front matter (not prose).
        var frontMatter = false
        /// Nothing but list or quote markers since the line began.
        var lineStart = true
        /// Whether the line is prose; nil until its first text decides.
        var prose: Bool?
        /// At the start of a sentence (after the line's markers, or after ". ").
        var sentenceStart = true
        /// Just after a full stop, question or exclamation mark that ends a sentence.
        var afterStop = false
        /// Just after a number (`number`), or a number and spaces (`numberSpace`).
        var afterNumber: NumberTail = .none
        /// The word before the cursor and the one before it, for abbreviations ("z. B.").
        var word = ""
        var previousWord = ""
        /// Whether the cursor is on line 1 of the template (where front matter may open).
        var firstLine = true

        enum NumberTail: Hashable { case none, number, numberSpace }

        /// Words that cannot be (part of) an abbreviation all look alike: without this, every
        /// word of a long line would make a state of its own.
        mutating func forgetWordsThatNeverMatter() {
            if !word.isEmpty, !(word.allSatisfy(\.isNumber) || Self.abbreviationPrefixes.contains(word)) { word = "x" }
            if !Self.firstParts.contains(previousWord) { previousWord = "" }
        }

        /// Every beginning of an abbreviation's word ("z", "z.", "bsp" …).
        static let abbreviationPrefixes: Set<String> = {
            var prefixes: Set<String> = []
            for abbreviation in ProseCheck.abbreviations {
                for word in abbreviation.split(separator: " ") {
                    for length in 1...word.count { prefixes.insert(String(word.prefix(length))) }
                }
            }
            return prefixes
        }()

        /// The first words of two-word abbreviations ("z." of "z. B").
        static let firstParts: Set<String> = Set(
            ProseCheck.abbreviations.compactMap { abbreviation in
                abbreviation.split(separator: " ").count == 2 ? abbreviation.split(separator: " ").first.map(String.init) : nil
            })
    }

    struct Violation: Error, Hashable {
        let line: Int
        let message: String
    }

    /// The first rule the template can break, with its line.
    static func check(_ nodes: [Template.Node], rules: ProseRules) -> Violation? {
        var walker = Walker()
        _ = walker.walk(walker.steps(nodes), from: [State()])
        let violations = Array(walker.violations) + unitNames(nodes, rules: rules)
        return violations.min { ($0.line, $0.message) < ($1.line, $1.message) }
    }

    /// The template as steps, each section numbered so that what it does to a state is
    /// worked out once (a report template has hundreds of nested sections).
    indirect enum Step {
        case text(String, line: Int)
        case variable([String], line: Int)
        case section(id: Int, kind: SectionKind, [Step])
        /// `{{#x}}A{{/x}}{{^x}}B{{/x}}` (either order): exactly one of the two shows.
        case either(id: Int, [Step], [Step])
    }

    enum SectionKind {
        /// A flag or object: shown once or not at all.
        case once
        /// A list: its children any number of times.
        case list
        /// `{{#first}}`, `{{^last}}` …: shown by the item's place in the innermost list.
        case position(first: Bool, shown: Bool)
    }

    /// Where a list item is, as far as the walk knows (nil: either).
    struct Position: Hashable {
        var first: Bool?
        var last: Bool?
    }

    struct Walker {
        private struct MemoKey: Hashable {
            let id: Int
            let state: State
            let position: Position
        }

        var violations: Set<Violation> = []
        private var sectionCount = 0
        private var memo: [MemoKey: Set<State>] = [:]

        mutating func steps(_ nodes: [Template.Node]) -> [Step] {
            var result: [Step] = []
            var index = nodes.startIndex
            while index < nodes.endIndex {
                // A flag's two sides next to each other: one of them always shows.
                if index + 1 < nodes.endIndex,
                    case .section(let path, let inverted, let shown, _) = nodes[index],
                    case .section(let otherPath, let otherInverted, let other, _) = nodes[index + 1],
                    path == otherPath, inverted != otherInverted, !PlaceholderShape.repeats(path), path != ["first"], path != ["last"]
                {
                    sectionCount += 1
                    let id = sectionCount
                    result.append(.either(id: id, steps(shown), steps(other)))
                    index += 2
                    continue
                }
                result += steps([nodes[index]], single: ())
                index += 1
            }
            return result
        }

        private mutating func steps(_ nodes: [Template.Node], single: Void) -> [Step] {
            nodes.map { node in
                switch node {
                case .text(let text, let line): return .text(text, line: line)
                case .variable(let path, _, let line): return .variable(path, line: line)
                case .section(let path, let inverted, let children, _):
                    sectionCount += 1
                    let id = sectionCount
                    let kind: SectionKind =
                        switch path {
                        case ["first"]: .position(first: true, shown: !inverted)
                        case ["last"]: .position(first: false, shown: !inverted)
                        default: !inverted && PlaceholderShape.repeats(path) ? .list : .once
                        }
                    return .section(id: id, kind: kind, steps(children))
                }
            }
        }

        /// The states after `steps`, from each of `states`.
        mutating func walk(_ steps: [Step], from states: Set<State>, position: Position = Position()) -> Set<State> {
            var current = states
            for step in steps {
                switch step {
                case .text(let text, let line):
                    current = Set(current.map { TemplateProseCheck.advance($0, over: text, line: line) })
                case .variable(let path, let line):
                    var next: Set<State> = []
                    for state in current { next.formUnion(place(path, after: state, line: line, violations: &violations)) }
                    current = next
                case .either(let id, let first, let second):
                    current = memoised(id, current, position) { walker, state in
                        walker.walk(first, from: [state], position: position).union(walker.walk(second, from: [state], position: position))
                    }
                case .section(let id, let kind, let children):
                    current = memoised(id, current, position) { walker, state in
                        walker.section(kind, children, from: state, position: position)
                    }
                }
            }
            return current
        }

        /// What step `id` does to each of `states`, worked out once per state and position.
        private mutating func memoised(
            _ id: Int, _ states: Set<State>, _ position: Position,
            _ compute: (inout Walker, State) -> Set<State>
        ) -> Set<State> {
            var next: Set<State> = []
            for state in states {
                let key = MemoKey(id: id, state: state, position: position)
                let after = memo[key] ?? compute(&self, state)
                memo[key] = after
                next.formUnion(after)
            }
            return next
        }

        private mutating func section(_ kind: SectionKind, _ children: [Step], from state: State, position: Position) -> Set<State> {
            switch kind {
            case .once:
                return walk(children, from: [state], position: position).union([state])
            case .position(let first, let shown):
                // Shown when the item's place matches, skipped when not; either while unknown.
                let known = first ? position.first : position.last
                let showing = known.map { $0 == shown }
                var result: Set<State> = showing == true ? [] : [state]
                if showing != false { result.formUnion(walk(children, from: [state], position: position)) }
                return result
            case .list:
                // An item followed by another is not the last; the one that ends the list is.
                var exits: Set<State> = [state]
                var frontier: Set<State> = [state]
                var first = true
                // States already walked as a later item (the first item is walked once).
                var seenLater: Set<State> = []
                while !frontier.isEmpty {
                    if !first { seenLater.formUnion(frontier) }
                    exits.formUnion(walk(children, from: frontier, position: Position(first: first, last: true)))
                    let next = walk(children, from: frontier, position: Position(first: first, last: false))
                    frontier = next.subtracting(seenLater)
                    first = false
                }
                return exits
            }
        }
    }

    /// The states after a placeholder, checking it against the rules in `state`.
    fileprivate static func place(_ path: [String], after state: State, line: Int, violations: inout Set<Violation>) -> Set<State> {
        let shape = PlaceholderShape.of(path)
        let name = "{{" + path.joined(separator: ".") + "}}"
        var result: Set<State> = shape.mayBeEmpty ? [state] : []
        var next = state
        if shape.isBlock {
            if state.lineStart { next.prose = false }
        } else if !state.frontMatter, state.prose != false {
            next.prose = true
            if state.sentenceStart, shape.start == .number {
                violations.insert(
                    Violation(
                        line: line,
                        message: "'\(name)' can put a count at the start of a sentence "
                            + "(counts above twelve are digits); begin the sentence with a word (a year may begin one)"))
            }
            if state.afterNumber != .none, shape.start != .word {
                violations.insert(
                    Violation(
                        line: line,
                        message: "'\(name)' can stand right after another number; "
                            + "put words between them"))
            }
        }
        next.lineStart = false
        next.sentenceStart = false
        next.afterStop = false
        next.afterNumber = shape.endsWithNumber ? .number : .none
        next.previousWord = next.word
        next.word = shape.endsWithNumber ? "0" : "x"
        result.insert(next)
        if shape.endsSentence {
            next.afterStop = true
            next.afterNumber = .none
            result.insert(next)
        }
        return result
    }

    /// The state after literal template text (which holds no digits but a legal reference's).
    fileprivate static func advance(_ state: State, over text: String, line: Int) -> State {
        var s = state
        var characters = Substring(text)
        while let c = characters.first {
            if s.lineStart, s.prose == nil {
                let rest = characters.prefix { $0 != "\n" }
                let trimmed = rest.drop { $0 == " " }
                if rest == "---", s.firstLine || s.frontMatter {
                    s.frontMatter.toggle()
                } else if !trimmed.isEmpty {
                    s.prose = ProseCheck.isProse(trimmed)
                }
            }
            characters.removeFirst()
            if c == "\n" {
                s = State(frontMatter: s.frontMatter, firstLine: false)
                continue
            }
            let isSpace = c == " " || c == "\u{00A0}"
            if s.lineStart, [">", "-", "*", " ", "_"].contains(c) { continue }
            s.lineStart = false
            if s.afterStop, ["\"", "“", "”", ")", "*", "_"].contains(c) { continue }
            if s.afterStop, c == " " {
                s.afterStop = false
                s.sentenceStart = true
                s.afterNumber = .none
                s.previousWord = s.word
                s.word = ""
                continue
            }
            if s.sentenceStart, [" ", "*", "_", "„"].contains(c) { continue }
            s.sentenceStart = false
            s.afterStop = false
            if [".", "!", "?"].contains(c) {
                let abbreviation =
                    c == "."
                    && (ProseCheck.abbreviations.contains(s.word)
                        || ProseCheck.abbreviations.contains(s.previousWord + " " + s.word) || (!s.word.isEmpty && s.word.allSatisfy(\.isNumber)))
                s.afterStop = !abbreviation
                s.afterNumber = .none
                s.word += String(c)
                s.forgetWordsThatNeverMatter()
                continue
            }
            if c.isASCII, c.isNumber {
                s.afterNumber = .number
            } else if isSpace {
                if s.afterNumber == .number { s.afterNumber = .numberSpace }
            } else {
                s.afterNumber = .none
            }
            if isSpace || c == "(" {
                if !s.word.isEmpty { s.previousWord = s.word }
                s.word = ""
            } else {
                s.word += String(c)
            }
            s.forgetWordsThatNeverMatter()
        }
        return s
    }

    /// "der {{meta.n}} Regionen" where the spec's unit is "Arbeitsbündnisse": two names for
    /// the same thing, whatever the data.
    private static func unitNames(_ nodes: [Template.Node], rules: ProseRules) -> [Violation] {
        var violations: [Violation] = []
        let allowed: Set<String> = [rules.unit.plural, rules.unit.dativePlural]
        for index in nodes.indices {
            if case .section(_, _, let children, _) = nodes[index] { violations += unitNames(children, rules: rules) }
            guard index + 2 < nodes.count,
                case .text(let before, _) = nodes[index],
                case .variable(let path, _, let line) = nodes[index + 1], ["n", "nWord"].contains(path.last ?? ""),
                case .text(let after, _) = nodes[index + 2]
            else { continue }
            let lead = before.split(separator: " ", omittingEmptySubsequences: false).dropLast().last.map(String.init) ?? ""
            guard before.hasSuffix(" "), ["der", "alle", "allen", "aller"].contains(lead), after.hasPrefix(" ") else { continue }
            let noun = String(after.dropFirst().prefix { $0.isLetter || $0 == "-" })
            guard let first = noun.first, first.isUppercase, !allowed.contains(noun) else { continue }
            violations.append(
                Violation(
                    line: line,
                    message: "'\(lead) {{\(path.joined(separator: "."))}} \(noun)': the unit is called "
                        + "'\(rules.unit.plural)' (spec 'unit'); use one name throughout"))
        }
        return violations
    }
}
