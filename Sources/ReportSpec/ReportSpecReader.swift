import Formatting
import Foundation
import Yams

/// Reads a report spec (YAML) and checks it against the catalogue. Every problem names the
/// spec file and line; all problems are collected.
package struct ReportSpecReader {
    package init() {}

    /// Why a spec file could not be read, in the user's terms.
    struct UnreadableSpec: Error {
        let message: String
    }

    /// The spec's text; a missing file, a folder, an unreadable or a non-UTF-8 file each get
    /// their own message.
    static func text(of url: URL) throws(UnreadableSpec) -> String {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) else {
            throw UnreadableSpec(message: "no such file (looked for \(url.standardizedFileURL.path))")
        }
        if isFolder.boolValue {
            throw UnreadableSpec(message: "\(url.path) is a folder; give the spec's YAML file")
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw UnreadableSpec(message: "cannot read the file (permission denied?)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw UnreadableSpec(message: "the file is not UTF-8 text (expected a UTF-8 YAML file; save it as UTF-8)")
        }
        return text
    }

    /// Parses the spec file. Item IDs and years are checked later against the catalogue
    /// (`validate`), because the spec names the data folder the catalogue comes from.
    package func read(_ url: URL) throws(SpecErrors) -> ReportSpec {
        let file = url.lastPathComponent
        let text: String
        do {
            text = try Self.text(of: url)
        } catch {
            throw SpecErrors([SpecError(file: file, line: nil, error.message)])
        }
        let composed: Node?
        do {
            // The reader takes every scalar as text, so it needs no tags: Yams' default resolver
            // compiles seven regular expressions (ICU's, about 3 ms on first use) and matches
            // every scalar against them. Merge keys (`<<: *base`, YAML 1.1) are not resolved
            // either; the reader reports `<<` as an unknown key. Anchors and aliases work.
            composed = try Yams.compose(yaml: text, Self.resolver)
        } catch let error as YamlError {
            throw SpecErrors([SpecError(file: file, line: Self.line(of: error), "not valid YAML: \(Self.problem(of: error))")])
        } catch {
            throw SpecErrors([SpecError(file: file, line: nil, "not valid YAML: \(error)")])
        }
        guard let root = composed else { throw SpecErrors([SpecError(file: file, line: nil, "the spec is empty")]) }
        var reader = NodeReader(file: file)
        let spec = reader.spec(root, folder: url.deletingLastPathComponent())
        if let spec, reader.errors.isEmpty { return spec }
        throw SpecErrors(reader.errors)
    }

    /// No rules: see `read`.
    private static let resolver = Resolver.basic

    static func line(of error: YamlError) -> Int? {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): return mark.line
        default: return nil
        }
    }

    static func problem(of error: YamlError) -> String {
        switch error {
        case .scanner(_, let problem, _, _), .parser(_, let problem, _, _), .composer(_, let problem, _, _): return problem
        default: return "\(error)"
        }
    }
}

/// Walks the YAML node tree, remembering lines for messages.
private struct NodeReader {
    let file: String
    var errors: [SpecError] = []

    mutating func fail(_ node: Node?, _ message: String) {
        errors.append(SpecError(file: file, line: node?.mark?.line, message))
    }

    /// The mapping's values by key; unknown keys are errors (they are usually typos).
    mutating func fields(_ node: Node, allowed: Set<String>, context: String) -> [String: Node]? {
        guard let mapping = node.mapping else {
            fail(node, "\(context) must be a mapping of fields")
            return nil
        }
        var result: [String: Node] = [:]
        for (key, value) in mapping {
            guard let name = key.string else { continue }
            if !allowed.contains(name) {
                fail(key, "unknown field '\(name)' in \(context); expected one of " + allowed.sorted().joined(separator: ", "))
                continue
            }
            result[name] = value
        }
        return result
    }

    /// A mapping of texts to texts (`themes`, `texts`) in file order; `entry` is the error for
    /// a key or value that is not text, `whole` the error when the node is not a mapping.
    mutating func textPairs(_ node: Node?, entry: String, whole: String) -> [(String, String)] {
        guard let node else { return [] }
        guard let mapping = node.mapping else {
            fail(node, whole)
            return []
        }
        var pairs: [(String, String)] = []
        for (key, value) in mapping {
            guard let name = key.string, let text = value.string else {
                fail(key, entry)
                continue
            }
            pairs.append((name, text))
        }
        return pairs
    }

    mutating func string(_ fields: [String: Node], _ key: String, in node: Node, required: Bool = true) -> String? {
        guard let value = fields[key] else {
            if required { fail(node, "missing field '\(key)'") }
            return nil
        }
        guard let text = value.string else {
            fail(value, "'\(key)' must be text")
            return nil
        }
        return text
    }

    mutating func integer(_ fields: [String: Node], _ key: String, in node: Node, required: Bool = true) -> Int? {
        guard let value = fields[key] else {
            if required { fail(node, "missing field '\(key)'") }
            return nil
        }
        guard let text = value.string, let number = Int(text) else {
            fail(value, "'\(key)' must be a whole number, not '\(value.string ?? "a list or mapping")'")
            return nil
        }
        return number
    }

    mutating func strings(_ fields: [String: Node], _ key: String, in node: Node, required: Bool = true) -> [String]? {
        guard let value = fields[key] else {
            if required { fail(node, "missing field '\(key)'") }
            return nil
        }
        guard let sequence = value.sequence else {
            fail(value, "'\(key)' must be a list")
            return nil
        }
        return sequence.compactMap { element in
            guard let text = element.string else {
                fail(element, "'\(key)' must list text values")
                return nil
            }
            return text
        }
    }

    mutating func spec(_ root: Node, folder: URL) -> ReportSpec? {
        let allowed: Set<String> = [
            "title", "subtitle", "author", "institution", "date", "data", "data_note", "source",
            "unit", "unit_singular", "annex_file", "themes", "figures", "tables", "template", "created",
            "profiles", "formats", "style", "unit_gender", "unit_dative", "revisions", "texts", "scales", "pooled", "coding", "abbreviations",
            "unit_short",
            "annex_answer_rows", "last_year", "assessments", "audiences", "min_cell_size", "unit_key",
        ]
        guard let f = fields(root, allowed: allowed, context: "the spec") else { return nil }
        let title = string(f, "title", in: root)
        let date = string(f, "date", in: root)
        if let date, !Self.isISODate(date) { fail(f["date"], "'date' must be YYYY-MM-DD, not '\(date)'") }
        let data = string(f, "data", in: root)
        let source = string(f, "source", in: root)
        let unit = string(f, "unit", in: root)
        let themes = textPairs(
            f["themes"], entry: "'themes' maps a theme code to its title",
            whole: "'themes' must map theme codes to titles")
        var figures: [ReportSpec.Figure] = []
        if let node = f["figures"] {
            for element in node.sequence ?? [] { if let figure = figure(element) { figures.append(figure) } }
            if node.sequence == nil { fail(node, "'figures' must be a list") }
        }
        var tables: [ReportSpec.Table] = []
        if let node = f["tables"] {
            for element in node.sequence ?? [] { if let table = table(element) { tables.append(table) } }
            if node.sequence == nil { fail(node, "'tables' must be a list") }
        }
        for (number, count) in Dictionary(grouping: figures, by: \.number).mapValues(\.count) where count > 1 {
            fail(f["figures"], "figure number \(number) is used \(count) times")
        }
        for (number, count) in Dictionary(grouping: tables, by: \.number).mapValues(\.count) where count > 1 {
            fail(f["tables"], "table number \(number) is used \(count) times")
        }
        var profiles = false
        if let node = f["profiles"] {
            switch node.string {
            case "true", "yes", "ja": profiles = true
            case "false", "no", "nein": profiles = false
            default: fail(node, "'profiles' must be true or false")
            }
        }
        var formats: [OutputFormat]?
        if let names = strings(f, "formats", in: root, required: false) {
            switch OutputFormat.parse(names) {
            case .success(let parsed): formats = parsed
            case .failure(let error): fail(f["formats"], "'formats': \(error.description)")
            }
        }
        var gender = GermanNoun.Gender.neuter
        if let text = string(f, "unit_gender", in: root, required: false) {
            if let parsed = GermanNoun.Gender(rawValue: text) {
                gender = parsed
            } else {
                fail(f["unit_gender"], "'unit_gender' must be m, f or n (the grammatical gender of '\(unit ?? "the unit")'), not '\(text)'")
            }
        }
        var published: (String, [PublishedValue])?
        if let node = f["revisions"], let r = fields(node, allowed: ["table", "publication"], context: "'revisions'") {
            if let table = string(r, "table", in: node), let publication = string(r, "publication", in: node) {
                let url = URL(fileURLWithPath: table, relativeTo: folder).standardizedFileURL
                if FileManager.default.fileExists(atPath: url.path) {
                    do {
                        published = (publication, try PublishedValue.read(url))
                    } catch {
                        errors += error.errors
                    }
                } else {
                    // Paths are relative to the spec's folder: a spec copied elsewhere loses them.
                    fail(r["table"], "'revisions.table': there is no file \(url.path) (the path is relative to the spec's folder)")
                }
            }
        }
        var coding = FreeTextCoding.none
        if let path = string(f, "coding", in: root, required: false) {
            let url = URL(fileURLWithPath: path, relativeTo: folder).standardizedFileURL
            if FileManager.default.fileExists(atPath: url.path) {
                do { coding = try FreeTextCoding.read(url) } catch { errors += error.errors }
            } else {
                fail(f["coding"], "'coding': there is no file \(url.path) (the path is relative to the spec's folder)")
            }
        }
        let texts = textPairs(f["texts"], entry: "'texts' maps a name to a text", whole: "'texts' must map names to texts")
        let abbreviations = textPairs(
            f["abbreviations"], entry: "'abbreviations' maps an abbreviation to its meaning",
            whole: "'abbreviations' must map abbreviations to their meaning")
        var scales: [AnswerScale] = []
        if let node = f["scales"] {
            if let mapping = node.mapping {
                for (key, value) in mapping {
                    guard let name = key.string, let list = value.sequence else {
                        fail(key, "'scales' maps a scale name to the list of its categories")
                        continue
                    }
                    let categories = list.compactMap { element -> AnswerScale.Category? in
                        guard let c = fields(element, allowed: ["label", "role", "short", "colour"], context: "a scale category"),
                            let label = string(c, "label", in: element), let roleText = string(c, "role", in: element)
                        else { return nil }
                        guard let role = AnswerScale.Role(rawValue: roleText) else {
                            fail(
                                c["role"], "unknown role '\(roleText)'; expected " + AnswerScale.Role.allCases.map(\.rawValue).joined(separator: ", ")
                            )
                            return nil
                        }
                        let colour = string(c, "colour", in: element, required: false)
                        if let colour, !(colour.count == 7 && colour.hasPrefix("#") && colour.dropFirst().allSatisfy(\.isHexDigit)) {
                            fail(c["colour"], "'colour' must be #RRGGBB, not '\(colour)'")
                        }
                        return AnswerScale.Category(
                            label: label, role: role, short: string(c, "short", in: element, required: false),
                            colour: colour)
                    }
                    scales.append(AnswerScale(name: name, categories: categories, line: key.mark?.line))
                }
            } else {
                fail(node, "'scales' must map scale names to lists of categories")
            }
        }
        var pooledLabels: [AnswerScale.Role: String] = [:]
        for (name, label) in textPairs(f["pooled"], entry: "'pooled' maps a role to a row label", whole: "'pooled' must map roles to row labels") {
            guard let role = AnswerScale.Role(rawValue: name) else {
                fail(f["pooled"], "'pooled': unknown role '\(name)'; expected " + AnswerScale.Role.allCases.map(\.rawValue).joined(separator: ", "))
                continue
            }
            pooledLabels[role] = label
        }
        let style = string(f, "style", in: root, required: false).map { URL(fileURLWithPath: $0, relativeTo: folder).standardizedFileURL }
        let annexAnswerRows = integer(f, "annex_answer_rows", in: root, required: false)
        if let annexAnswerRows, annexAnswerRows < 1 { fail(f["annex_answer_rows"], "'annex_answer_rows' must be at least 1") }
        let lastYear = integer(f, "last_year", in: root, required: false)
        var audiences: Set<ReportSpec.Audience> = [.published, .internal]
        if let names = strings(f, "audiences", in: root, required: false) {
            audiences = []
            for name in names {
                guard let audience = ReportSpec.Audience(rawValue: name) else {
                    fail(f["audiences"], "'audiences': unknown audience '\(name)'; expected public, internal")
                    continue
                }
                audiences.insert(audience)
            }
            if names.isEmpty { fail(f["audiences"], "'audiences' must name public, internal or both") }
        }
        let minCellSize = integer(f, "min_cell_size", in: root, required: false)
        if let minCellSize, minCellSize < 1 { fail(f["min_cell_size"], "'min_cell_size' must be at least 1") }
        var assessments: [ReportSpec.Assessment] = []
        if let node = f["assessments"] {
            for element in node.sequence ?? [] { if let assessment = assessment(element) { assessments.append(assessment) } }
            if node.sequence == nil { fail(node, "'assessments' must be a list") }
        }
        for (name, count) in Dictionary(grouping: assessments, by: \.name).mapValues(\.count) where count > 1 {
            fail(f["assessments"], "assessment '\(name)' is named \(count) times")
        }
        guard let title, let date, let data, let source, let unit else { return nil }
        var spec = ReportSpec(
            file: file, title: title, subtitle: string(f, "subtitle", in: root, required: false) ?? "",
            author: string(f, "author", in: root, required: false) ?? "",
            institution: string(f, "institution", in: root, required: false) ?? "", date: date,
            dataFolder: URL(fileURLWithPath: data, relativeTo: folder).standardizedFileURL,
            dataNote: string(f, "data_note", in: root, required: false) ?? "", source: source,
            unitPlural: unit, unitSingular: string(f, "unit_singular", in: root, required: false) ?? unit,
            unit: GermanNoun(
                singular: string(f, "unit_singular", in: root, required: false) ?? unit, plural: unit,
                gender: gender, dativePlural: string(f, "unit_dative", in: root, required: false)),
            annexFile: string(f, "annex_file", in: root, required: false) ?? "Anhang.xlsx",
            themes: themes, figures: figures, tables: tables, formats: formats, style: style,
            template: string(f, "template", in: root, required: false)
                .map { URL(fileURLWithPath: $0, relativeTo: folder).standardizedFileURL },
            profiles: profiles, scales: scales, texts: texts, published: published, created: string(f, "created", in: root, required: false),
            annexAnswerRows: annexAnswerRows, lastYear: lastYear, assessments: assessments, pooledLabels: pooledLabels,
            coding: coding, abbreviations: abbreviations.map { (term: $0.0, meaning: $0.1) },
            unitShort: string(f, "unit_short", in: root, required: false))
        spec.audiences = audiences
        spec.minCellSize = minCellSize
        if let key = string(f, "unit_key", in: root, required: false) { spec.unitKey = key }
        return spec
    }

    mutating func assessment(_ node: Node) -> ReportSpec.Assessment? {
        guard let f = fields(node, allowed: ["name", "year", "item", "change"], context: "an assessment") else { return nil }
        let name = string(f, "name", in: node)
        let year = integer(f, "year", in: node)
        let item = string(f, "item", in: node, required: false)
        var change: ReportSpec.Assessment.Change?
        if let text = string(f, "change", in: node, required: false) {
            change = ReportSpec.Assessment.Change(rawValue: text)
            if change == nil {
                fail(
                    f["change"], "unknown change '\(text)'; expected " + ReportSpec.Assessment.Change.allCases.map(\.rawValue).joined(separator: ", ")
                )
            }
            if item == nil { fail(f["change"], "'change' needs the 'item' whose change the assessment rests on") }
        }
        if let name, !(name.first?.isLetter ?? false && name.allSatisfy { $0.isLetter || $0.isNumber }) {
            fail(f["name"], "assessment name '\(name)' must be letters and digits, starting with a letter (it is a template key)")
        }
        guard let name, let year else { return nil }
        return ReportSpec.Assessment(name: name, year: year, item: item, change: change, line: node.mark?.line ?? 0)
    }

    mutating func figure(_ node: Node) -> ReportSpec.Figure? {
        guard let f = fields(node, allowed: ["number", "item", "kind", "years", "caption"], context: "a figure") else { return nil }
        let number = integer(f, "number", in: node)
        let item = string(f, "item", in: node)
        let kindText = string(f, "kind", in: node)
        let kind = kindText.flatMap(ReportSpec.FigureKind.init(rawValue:))
        if let kindText, kind == nil {
            fail(f["kind"], "unknown figure kind '\(kindText)'; expected " + ReportSpec.FigureKind.allCases.map(\.rawValue).joined(separator: ", "))
        }
        let years = strings(f, "years", in: node, required: false)?.compactMap { text -> Int? in
            guard let year = Int(text) else {
                fail(f["years"], "'years' must list years, not '\(text)'")
                return nil
            }
            return year
        }
        guard let number, let item, let kind else { return nil }
        return ReportSpec.Figure(
            number: number, item: item, kind: kind, years: years,
            caption: string(f, "caption", in: node, required: false), line: node.mark?.line ?? 0)
    }

    mutating func table(_ node: Node) -> ReportSpec.Table? {
        guard
            let f = fields(
                node, allowed: ["number", "kind", "title", "item", "items", "headings", "themes", "year"],
                context: "a table")
        else { return nil }
        let number = integer(f, "number", in: node)
        let title = string(f, "title", in: node)
        let kind = string(f, "kind", in: node)
        let year = integer(f, "year", in: node, required: false)
        let line = node.mark?.line ?? 0
        guard let number, let title, let kind else { return nil }
        switch kind {
        case "options":
            guard let item = string(f, "item", in: node) else { return nil }
            return ReportSpec.Table(
                number: number, title: title, kind: .options(item: item), year: year,
                headings: strings(f, "headings", in: node, required: false) ?? [], line: line)
        case "themeSummary":
            guard let themes = strings(f, "themes", in: node) else { return nil }
            return ReportSpec.Table(number: number, title: title, kind: .themeSummary(themes: themes), year: year, line: line)
        case "freeText":
            guard let items = strings(f, "items", in: node) else { return nil }
            let headings = strings(f, "headings", in: node, required: false) ?? []
            if !headings.isEmpty, headings.count != items.count {
                fail(f["headings"], "'headings' must have one heading per item (\(items.count))")
            }
            return ReportSpec.Table(
                number: number, title: title, kind: .freeText(items: items), year: year, headings: headings,
                line: line)
        default:
            fail(f["kind"], "unknown table kind '\(kind)'; expected options, themeSummary, freeText")
            return nil
        }
    }

    static func isISODate(_ text: String) -> Bool {
        let parts = text.split(separator: "-")
        return parts.count == 3 && parts[0].count == 4 && parts.allSatisfy { Int($0) != nil }
    }
}
