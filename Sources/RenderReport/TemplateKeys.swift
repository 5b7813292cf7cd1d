import Foundation

/// The reference of every placeholder a template can use, made from the context of the data
/// at hand (`monitoring keys`): each path with an example value and what it can render, so
/// nobody has to read `report-context.json` or the Swift source to find a key.
///
/// Objects keyed by an ID (`item.I_05`, `fig.f04`, `tab.t02`: keys with digits) are shown
/// for their first member, with the other IDs listed; lists for their first element
/// (`path[]`).
package enum TemplateKeys {
    package static func listing(_ context: TemplateValue, filter: String? = nil) -> String {
        var lines: [String] = []
        walk(context, path: "", lines: &lines, filter: filter)
        return lines.joined(separator: "\n") + (lines.isEmpty ? "" : "\n")
    }

    private static func walk(_ value: TemplateValue, path: String, lines: inout [String], filter: String?) {
        // Inside the filter: listed; above it: walked through on the way there.
        let inside = filter.map { path.hasPrefix($0) } ?? true
        guard inside || (filter.map { $0.hasPrefix(path) } ?? true) else { return }
        // What a template writes: the name relative to the innermost list element.
        let name = path.components(separatedBy: "[].").last ?? path
        switch value {
        case .text(let text), .quote(let text):
            guard inside else { return }
            let quoted = if case .quote = value { " (respondents' words, quoted)" } else { "" }
            lines.append("\(path) = \(example(text))\(quoted)\(describe(PlaceholderShape.of(path.split(separator: ".").map(String.init))))")
        case .flag(let flag):
            if inside { lines.append("\(path) = \(flag) (flag: {{#\(name)}}…{{/\(name)}})") }
        case .list(let items):
            if inside {
                let count = items.isEmpty ? "empty for this data" : "\(items.count) here"
                lines.append("\(path)[] (a list, \(count): {{#\(name)}}…{{/\(name)}}; inside, first and last tell an item's place)")
            }
            if let first = items.first { walk(first, path: path + "[]", lines: &lines, filter: filter) }
        case .object(let fields):
            let keys = fields.keys.sorted()
            if keys.count > 2, keys.allSatisfy({ $0.contains(where: \.isNumber) }), let first = keys.first {
                if inside {
                    lines.append(
                        "\(join(path, "<ID>")) for the IDs \(keys.joined(separator: ", ")); shown for \(first) "
                            + "(members depend on the question's type: --filter \(join(path, "<ID>")) shows another)")
                }
                // A filter naming one ID shows that one.
                let id =
                    filter.flatMap { filter in
                        keys.first { filter == join(path, $0) || filter.hasPrefix(join(path, $0) + ".") }
                    } ?? first
                if let member = fields[id] { walk(member, path: join(path, id), lines: &lines, filter: filter) }
                return
            }
            for key in keys {
                if let field = fields[key] { walk(field, path: join(path, key), lines: &lines, filter: filter) }
            }
        }
    }

    private static func join(_ path: String, _ key: String) -> String { path.isEmpty ? key : path + "." + key }

    private static func example(_ text: String) -> String {
        let flat = text.replacingOccurrences(of: "\n", with: " ")
        let short = flat.count > 70 ? String(flat.prefix(70)) + "…" : flat
        return "\"" + short + "\""
    }

    private static func describe(_ shape: PlaceholderShape) -> String {
        var notes: [String] = []
        if shape.isBlock { return " (prepared Markdown: use {{{…}}})" }
        switch shape.start {
        case .number: notes.append("may begin with a count")
        case .year: notes.append("may begin with a year")
        case .word: break
        }
        if shape.endsWithNumber { notes.append("may end in a number") }
        if shape.endsSentence { notes.append("ends a sentence") }
        if shape.mayBeEmpty { notes.append("may be empty") }
        return notes.isEmpty ? "" : " (" + notes.joined(separator: ", ") + ")"
    }
}
