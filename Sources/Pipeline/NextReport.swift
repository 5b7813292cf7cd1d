import Diagnostics
import Foundation

/// Next year's report started from this year's: the report folder (spec, template, the
/// published figures it is checked against) copied to a new folder, with the spec advanced
/// to the new year: `last_year`, the year in `title`, `subtitle` and `annex_file`, `date` and
/// `created` one year on, relative paths (`data`, `style`, `template`, `revisions.table`)
/// rewritten so they still point where they pointed. Nothing else changes: the institute's
/// words stay its words for the old year, and `review` says which to re-read. The spec is
/// edited line by line, so its comments and layout stay as the editor wrote them.
public struct NextReport: Sendable {
    public let source: URL
    public let year: Int
    /// nil: beside the source, its name with the old year replaced (`abschlussbericht-2021`
    /// → `abschlussbericht-2022`), or with `-<year>` appended.
    public let chosenDestination: URL?

    /// What was made: the new folder and spec and what the editor must look at.
    public struct Result: Sendable {
        public let folder: URL
        public let spec: URL
        public let changes: [String]
        public let review: [String]
    }

    public struct Failure: UserFacingError {
        public let message: String
        public var userMessage: String { message }
        public var description: String { message }
        public var exitStatus: ExitStatus { .usage }
    }

    public init(source: URL, year: Int, destination: URL? = nil) {
        self.source = source.standardizedFileURL
        self.year = year
        chosenDestination = destination?.standardizedFileURL
    }

    func destination(previous: Int) -> URL {
        if let chosenDestination { return chosenDestination }
        let name = source.lastPathComponent
        let renamed = Self.replacingYear(previous, with: year, in: name)
        return source.deletingLastPathComponent().appendingPathComponent(
            renamed == name ? "\(name)-\(year)" : renamed,
            isDirectory: true)
    }

    public func make() throws(Failure) -> Result {
        let manager = FileManager.default
        let specs = ((try? manager.contentsOfDirectory(atPath: source.path)) ?? []).filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }
        guard specs.count == 1, let specName = specs.first else {
            throw Failure(message: "\(source.path): expected a report folder with one spec (.yaml), found \(specs.count)")
        }
        guard let text = try? String(contentsOf: source.appendingPathComponent(specName), encoding: .utf8) else {
            throw Failure(message: "\(source.appendingPathComponent(specName).path): cannot read the spec (expected UTF-8 text)")
        }
        let oldYear = Self.lastYear(in: text)
        let destination = destination(previous: oldYear ?? year - 1)
        guard !manager.fileExists(atPath: destination.path) else {
            throw Failure(message: "\(destination.path) exists already; choose another folder with --to")
        }
        let (spec, changes) = try advanced(text, file: specName, to: destination)
        do {
            try manager.createDirectory(at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
            let staging = destination.deletingLastPathComponent()
                .appendingPathComponent(".\(destination.lastPathComponent).new-\(ProcessInfo.processInfo.processIdentifier)")
            try? manager.removeItem(at: staging)
            try manager.createDirectory(at: staging, withIntermediateDirectories: false)
            for name in try manager.contentsOfDirectory(atPath: source.path).sorted()
            where name != specName && name != "output" && !name.hasPrefix(".") {
                try manager.copyItem(at: source.appendingPathComponent(name), to: staging.appendingPathComponent(name))
            }
            try Data(spec.utf8).write(to: staging.appendingPathComponent(specName))
            try manager.moveItem(at: staging, to: destination)
        } catch {
            throw Failure(message: "\(destination.path): cannot write the new report folder (\(error.localizedDescription))")
        }
        let old = oldYear.map(String.init) ?? "the old year"
        let review = [
            "title, subtitle and date: the new report's (date and created were moved on by one year)",
            "data_note and texts (financing, outlook, population, mode, themes …): the institute's words for \(old)",
            "the template's fixed sentences (introduction, method): written for \(old)",
            "assessments: the first run leaves out those the \(year) data no longer support and lists them in redaktion.md; "
                + "re-check each, then set its year (and change) to \(year)",
            "revisions: the published figures stay those of the \(old) report until the \(year) report is published",
        ]
        return Result(folder: destination, spec: destination.appendingPathComponent(specName), changes: changes, review: review)
    }

    static func lastYear(in spec: String) -> Int? {
        spec.components(separatedBy: "\n").compactMap { line in Self.topLevel(line).flatMap { $0.0 == "last_year" ? Int($0.1) : nil } }.first
    }

    /// The spec text moved on to `year` for the folder `destination`, and what changed.
    func advanced(_ text: String, file: String, to destination: URL) throws(Failure) -> (String, [String]) {
        var lines = text.components(separatedBy: "\n")
        var changes: [String] = []
        var block = ""
        let oldYear = Self.lastYear(in: text)
        if let oldYear, oldYear >= year {
            throw Failure(message: "\(file): last_year is \(oldYear); the new report's year must come after it")
        }
        let previous = oldYear ?? year - 1
        for index in lines.indices {
            let line = lines[index]
            if let (key, _) = Self.topLevel(line) { block = key }
            let indented = line.hasPrefix("  ") && !line.hasPrefix("   ")
            guard let (key, value) = indented ? Self.field(line.dropFirst(2)) : Self.topLevel(line) else { continue }
            let scoped = indented ? "\(block).\(key)" : key
            var replacement: String?
            switch scoped {
            case "last_year":
                replacement = String(year)
            case "title", "subtitle", "annex_file":
                let moved = Self.replacingYear(previous, with: year, in: value)
                if moved != value { replacement = moved }
            case "date", "created":
                let moved = value.replacing(/^(["']?)(\d{4})-/) { match in "\(match.1)\((Int(match.2) ?? previous) + 1)-" }
                if moved != value { replacement = moved }
            case "data", "style", "template", "revisions.table":
                replacement = relocated(value, to: destination)
            default:
                break
            }
            guard let replacement, replacement != value else { continue }
            let prefix = line.prefix { $0 == " " } + key + ": "
            lines[index] = prefix + replacement + Self.comment(of: line, after: value)
            changes.append("\(scoped): \(value) → \(replacement)")
        }
        if oldYear == nil, let data = lines.firstIndex(where: { Self.topLevel($0)?.0 == "data" }) {
            lines.insert("last_year: \(year)", at: data + 1)
            changes.append("last_year: \(year) (added: the report is pinned to its waves)")
        }
        return (lines.joined(separator: "\n"), changes)
    }

    /// A relative path from the source folder to outside it, made relative to the destination
    /// (quotes kept); nil when it need not change.
    private func relocated(_ value: String, to destination: URL) -> String? {
        let quote = value.first.flatMap { $0 == "\"" || $0 == "'" ? String($0) : nil } ?? ""
        let path = quote.isEmpty ? value : String(value.dropFirst().dropLast())
        guard !path.hasPrefix("/"), !path.isEmpty else { return nil }
        let target = source.appendingPathComponent(path).standardizedFileURL
        // What lies in the report folder was copied with it: the same relative path holds.
        if target.path.hasPrefix(source.path + "/") { return nil }
        return quote + Self.relativePath(to: target, from: destination) + quote
    }

    static func relativePath(to target: URL, from folder: URL) -> String {
        let to = target.standardizedFileURL.pathComponents
        let from = folder.standardizedFileURL.pathComponents
        var common = 0
        while common < min(to.count, from.count), to[common] == from[common] { common += 1 }
        let path = Array(repeating: "..", count: from.count - common) + to[common...]
        return path.isEmpty ? "." : path.joined(separator: "/")
    }

    /// `key: value` at the top level (no indentation), the value without a trailing comment.
    static func topLevel(_ line: String) -> (String, String)? {
        guard let first = line.first, first.isLetter else { return nil }
        return field(Substring(line))
    }

    static func field(_ line: Substring) -> (String, String)? {
        guard let colon = line.firstIndex(of: ":") else { return nil }
        let key = line[..<colon]
        guard !key.isEmpty, key.allSatisfy({ $0.isLetter || $0 == "_" }) else { return nil }
        var value = line[line.index(after: colon)...].drop { $0 == " " }
        if let hash = value.range(of: " #"), !(value.first == "\"" || value.first == "'") { value = value[..<hash.lowerBound] }
        if let quote = value.first, quote == "\"" || quote == "'", let close = value.dropFirst().firstIndex(of: quote) {
            value = value[...close]
        }
        let trimmed = String(value).trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, !trimmed.hasPrefix(">"), !trimmed.hasPrefix("|") else { return nil }
        return (String(key), trimmed)
    }

    /// `text` with every number that is exactly `old` (not part of a longer one) set to `new`.
    static func replacingYear(_ old: Int, with new: Int, in text: String) -> String {
        var out = ""
        var digits = ""
        for character in text + " " {
            if character.isASCII, character.isNumber {
                digits.append(character)
                continue
            }
            out += digits == String(old) ? String(new) : digits
            digits = ""
            out.append(character)
        }
        return String(out.dropLast())
    }

    /// The line's text after `value` (spaces and a comment).
    static func comment(of line: String, after value: String) -> String {
        guard let range = line.range(of: value) else { return "" }
        return String(line[range.upperBound...])
    }
}
