import Normalise
import ReportSpec

/// The spec read alone cannot know the survey: its items, kinds and years are checked
/// against the catalogue here, where the two first meet.
extension ReportSpecReader {
    /// Checks the spec's items, kinds and years against the catalogue.
    package func validate(_ spec: ReportSpec, against catalogue: Catalogue) -> [SpecError] {
        var errors: [SpecError] = []
        // The catalogue here holds the waves up to `last_year` only (DataFolder.normalise).
        if let lastYear = spec.lastYear, catalogue.waves.isEmpty {
            errors.append(
                SpecError(
                    file: spec.file, line: nil,
                    "'last_year' \(lastYear) leaves none of the catalogue's waves; the report needs at least one"))
        } else if let lastYear = spec.lastYear, let latest = catalogue.waves.map(\.year).max(), latest < lastYear {
            // A report titled for a year whose wave is not in the data would print the year before.
            errors.append(
                SpecError(
                    file: spec.file, line: nil,
                    "'last_year' is \(lastYear), but the catalogue's latest wave is \(latest): add the \(lastYear) wave "
                        + "(Wellen row, Fragen column, file in waves/) or check 'data'"))
        }
        let years = Set(catalogue.waves.map(\.year))
        let yearList = catalogue.waves.map { String($0.year) }.joined(separator: ", ")
        func checkYears(_ list: [Int]?, line: Int) {
            for year in list ?? [] where !years.contains(year) {
                errors.append(SpecError(file: spec.file, line: line, "no wave in \(year); the catalogue has \(yearList)"))
            }
        }
        func item(_ id: String, line: Int) -> CatalogueItem? {
            guard let item = catalogue.item(id) else {
                errors.append(SpecError(file: spec.file, line: line, "unknown item '\(id)'; it is not in the catalogue's sheet Fragen"))
                return nil
            }
            return item
        }
        errors += scaleRoles(spec, catalogue)
        func noOptions(_ id: String, _ what: String, line: Int) -> SpecError {
            SpecError(
                file: spec.file, line: line,
                "\(what): the multiple choice '\(id)' has no options; in the catalogue's sheet Fragen each option is a row "
                    + "with Typ Option and Bezug \(id)")
        }
        for assessment in spec.assessments {
            if let id = assessment.item { _ = item(id, line: assessment.line) }
        }
        for figure in spec.figures {
            checkYears(figure.years, line: figure.line)
            guard let item = item(figure.item, line: figure.line) else { continue }
            switch (figure.kind, item.type) {
            case (.options, .multipleChoice) where catalogue.options(of: item.id).isEmpty:
                errors.append(noOptions(item.id, "figure \(figure.number)", line: figure.line))
            case (.status, .status), (.status, .scale), (.options, .multipleChoice): break
            default:
                errors.append(
                    SpecError(
                        file: spec.file, line: figure.line,
                        "figure \(figure.number): item '\(item.id)' is of type \(item.type.rawValue); kind '\(figure.kind.rawValue)' needs "
                            + (figure.kind == .status ? "Status or Skala" : "Mehrfachauswahl")))
            }
        }
        for table in spec.tables {
            let (number, line) = (table.number, table.line)
            checkYears(table.year.map { [$0] }, line: line)
            switch table.kind {
            case .options(let id):
                if let item = item(id, line: line), item.type == .multipleChoice, catalogue.options(of: id).isEmpty {
                    errors.append(noOptions(id, "table \(number)", line: line))
                } else if let item = catalogue.item(id), item.type != .multipleChoice {
                    errors.append(
                        SpecError(
                            file: spec.file, line: line,
                            "table \(number): item '\(id)' is of type \(item.type.rawValue); kind 'options' needs Mehrfachauswahl"))
                }
            case .themeSummary(let themes):
                for theme in themes where !catalogue.themes.contains(theme) {
                    errors.append(
                        SpecError(
                            file: spec.file, line: line,
                            "unknown theme '\(theme)'; the catalogue has " + catalogue.themes.joined(separator: ", ")))
                }
            case .freeText(let ids):
                for id in ids {
                    if let item = item(id, line: line), item.type != .freeText {
                        errors.append(
                            SpecError(
                                file: spec.file, line: line,
                                "table \(number): item '\(id)' is of type \(item.type.rawValue); kind 'freeText' needs Freitext"))
                    }
                }
            }
        }
        return errors
    }

    /// Every answer category of a scale the catalogue's items use needs its role from the
    /// spec: without it, counts pooled by role would have to guess which side it is on. A spec
    /// without `scales` keeps the catalogue's order as the only guide (first: positive).
    func scaleRoles(_ spec: ReportSpec, _ catalogue: Catalogue) -> [SpecError] {
        guard !spec.scales.isEmpty else { return [] }
        var errors: [SpecError] = []
        let used = ItemType.allCases.filter { type in
            (type == .status || type == .scale) && catalogue.items.contains { $0.type == type }
        }
        let firstLine = spec.scales.compactMap(\.line).min()
        for type in used {
            let categories = catalogue.answerCategories(of: type).filter { $0 != catalogue.missingCategory }
            guard let scale = spec.scales.first(where: { $0.name == type.rawValue }) else {
                errors.append(
                    SpecError(
                        file: spec.file, line: firstLine,
                        "'scales' has no scale '\(type.rawValue)', but the catalogue's questions of type \(type.rawValue) answer with "
                            + categories.map { "'\($0)'" }.joined(separator: ", ") + "; give each its role"))
                continue
            }
            for category in categories where scale.category(category) == nil {
                errors.append(
                    SpecError(
                        file: spec.file, line: scale.line,
                        "scale '\(scale.name)' has no role for '\(category)' (the catalogue's Antwortkategorien); add "
                            + "{ label: \"\(category)\", role: … } with one of "
                            + AnswerScale.Role.allCases.map(\.rawValue).joined(separator: ", ")))
            }
        }
        return errors
    }
}
