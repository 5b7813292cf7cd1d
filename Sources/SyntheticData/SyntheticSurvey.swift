import Concurrency
import Foundation
import Normalise
import XlsxWriter

/// Writes a synthetic data folder (catalogue + wave workbooks) for N regions × W waves with
/// the items of a real catalogue, through libxlsxwriter. The waves carry the quirks real
/// exports have: title rows above the header, headers with line breaks, regions by name,
/// alias or AGS number, answers in varying case with stray spaces and synonyms, missing
/// answers written in several ways, ticks as `x`, `X` or 1, a hidden column, a note column.
/// Every answer is drawn from a generator seeded by (seed, region, wave, item), so the data
/// does not depend on the order of writing.
package struct SyntheticSurvey: Sendable {
    package let regions: Int
    package let waves: Int
    package let seed: UInt64
    package let lastYear: Int
    /// The real catalogue whose items (and answer categories) the synthetic survey uses.
    package let template: Catalogue

    package init(regions: Int, waves: Int, seed: UInt64, lastYear: Int = 2021, template: Catalogue) {
        self.regions = regions
        self.waves = waves
        self.seed = seed
        self.lastYear = lastYear
        self.template = template
    }

    /// The items: every item of the template's latest wave (multiple-choice questions too).
    var items: [CatalogueItem] {
        guard let latest = template.waves.last else { return [] }
        return template.items.filter { $0.headers[latest.number] != nil || $0.type == .multipleChoice }
    }

    package var itemCount: Int { items.filter { $0.type != .multipleChoice }.count }

    func year(ofWave wave: Int) -> Int { lastYear - waves + wave }

    /// The first wave in which an item is asked: items come in over time, as in the real survey.
    func firstWave(of index: Int, _ item: CatalogueItem) -> Int {
        var random = SeededGenerator(seed: seed &+ UInt64(index) &* 0x9E37)
        return 1 + Int(random.next() % UInt64(max(1, min(3, waves))))
    }

    func header(of item: CatalogueItem, index: Int, wave: Int) -> String {
        switch wave % 3 {
        case 0: return String(format: "F%02d", index + 1)
        case 1: return "F\(index + 1)\n\(item.shortTitle)"
        default: return "Frage \(index + 1)"
        }
    }

    package struct Region: Sendable {
        package let ags: String
        package let name: String
    }

    package var regionList: [Region] {
        (1...max(1, regions)).map { Region(ags: String(format: "%05d", 10_000 + $0), name: String(format: "Region %03d", $0)) }
    }

    /// Writes `Fragenkatalog_Synthetisch.xlsx` and `waves/Welle_NN.xlsx` into `folder`.
    package func write(to folder: URL) throws {
        let wavesFolder = folder.appendingPathComponent("waves", isDirectory: true)
        try FileManager.default.createDirectory(at: wavesFolder, withIntermediateDirectories: true)
        try writeCatalogue(to: folder.appendingPathComponent("Fragenkatalog_Synthetisch.xlsx").path)
        // Wave files are independent: write them on all cores.
        let results = ParallelMap.map(Array(1...waves)) { wave -> String? in
            do {
                try writeWave(wave, to: wavesFolder.appendingPathComponent(String(format: "Welle_%02d.xlsx", wave)).path)
                return nil
            } catch {
                return "\(error)"
            }
        }
        if let failure = results.compactMap({ $0 }).first { throw XlsxError(code: -1, message: failure, operation: "write wave") }
    }

    // MARK: Catalogue

    func writeCatalogue(to path: String) throws {
        let book = try XlsxWorkbook(path: path)
        let items = self.items
        let fragen = try book.addWorksheet(named: "Fragen")
        let head =
            ["ID", "Themenbereich", "Typ", "Bezug", "Kurztitel", "Wortlaut", "Antwortoptionen"]
            + (1...waves).map { "W\($0) \(year(ofWave: $0))" }
        for (c, title) in head.enumerated() { try fragen.write(title, row: 0, column: c) }
        for (i, item) in items.enumerated() {
            let row = i + 1
            let values = [
                item.id, item.theme, item.type.rawValue, item.parentID ?? "", item.shortTitle, item.wording,
                item.answerOptions.joined(separator: " | "),
            ]
            for (c, value) in values.enumerated() where !value.isEmpty { try fragen.write(value, row: row, column: c) }
            guard item.type != .multipleChoice else { continue }
            let first = firstWave(of: i, item)
            for wave in 1...waves where wave >= first {
                try fragen.write(
                    header(of: item, index: i, wave: wave).replacingOccurrences(of: "\n", with: " "),
                    row: row, column: head.count - waves + wave - 1)
            }
        }
        let wellen = try book.addWorksheet(named: "Wellen")
        let date = try book.addFormat().numberFormat("dd.mm.yyyy")
        for (c, title) in [
            "Welle", "Jahr", "Feldphase Beginn", "Feldphase Ende", "Datei", "Tabellenblatt", "Kopfzeile",
            "Erste Datenzeile", "Regionsspalte",
        ].enumerated() {
            try wellen.write(title, row: 0, column: c)
        }
        for wave in 1...waves {
            let layout = WaveLayout(wave: wave, unitHeader: unitHeader)
            try wellen.write(Double(wave), row: wave, column: 0)
            try wellen.write(Double(year(ofWave: wave)), row: wave, column: 1)
            try wellen.writeDate(year: year(ofWave: wave), month: 9, day: 1, row: wave, column: 2, format: date)
            try wellen.writeDate(year: year(ofWave: wave), month: 10, day: 15, row: wave, column: 3, format: date)
            try wellen.write(String(format: "Welle_%02d.xlsx", wave), row: wave, column: 4)
            try wellen.write(layout.sheet, row: wave, column: 5)
            try wellen.write(Double(layout.headerRow), row: wave, column: 6)
            try wellen.write(Double(layout.headerRow + 1), row: wave, column: 7)
            try wellen.write(layout.regionHeader, row: wave, column: 8)
        }
        let regionen = try book.addWorksheet(named: "Regionen")
        for (c, title) in ["AGS", "Name", "Typ", "Schreibweisen"].enumerated() { try regionen.write(title, row: 0, column: c) }
        for (i, region) in regionList.enumerated() {
            try regionen.write(region.ags, row: i + 1, column: 0)
            try regionen.write(region.name, row: i + 1, column: 1)
            try regionen.write("Landkreis", row: i + 1, column: 2)
            try regionen.write("LK \(region.name); Landkreis \(region.name)", row: i + 1, column: 3)
        }
        let kategorien = try book.addWorksheet(named: "Antwortkategorien")
        for (c, title) in ["Typ", "Kategorie", "Schreibweisen"].enumerated() { try kategorien.write(title, row: 0, column: c) }
        for (i, category) in template.categories.enumerated() {
            try kategorien.write(category.type, row: i + 1, column: 0)
            try kategorien.write(category.name, row: i + 1, column: 1)
            let spellings = category.spellings + (category.matchesEmpty ? [AnswerCategory.emptyMarker] : [])
            try kategorien.write(spellings.joined(separator: "; "), row: i + 1, column: 2)
        }
        let hinweise = try book.addWorksheet(named: "Hinweise")
        try hinweise.write("Synthetischer Fragenkatalog: \(regions) Regionen, \(waves) Wellen, Saat \(seed).", row: 0, column: 0)
        try book.close()
    }

    // MARK: Waves

    /// How a wave's file is laid out; the layouts rotate like the real exports did.
    struct WaveLayout {
        let wave: Int
        /// The template's name for the region column (its first wave's).
        let unitHeader: String
        var sheet: String { "Welle \(wave)" }
        /// Every third wave has two title rows above the header.
        var headerRow: Int { wave % 3 == 2 ? 3 : 1 }
        var regionHeader: String { wave % 2 == 0 ? "AGS" : unitHeader }
    }

    var unitHeader: String {
        template.waves.map(\.regionColumnHeader).first { $0 != "AGS" } ?? "Region"
    }

    func writeWave(_ wave: Int, to path: String) throws {
        let layout = WaveLayout(wave: wave, unitHeader: unitHeader)
        let book = try XlsxWorkbook(path: path, options: .init(constantMemory: true))
        let sheet = try book.addWorksheet(named: layout.sheet)
        let items = self.items
        let asked = items.enumerated().filter { index, item in item.type != .multipleChoice && wave >= firstWave(of: index, item) }
        // A hidden column in every fourth wave.
        if wave % 4 == 0 { try sheet.setColumns(1...1, width: 8, hidden: true) }
        let top = layout.headerRow - 1
        if top > 0 {
            try sheet.write("Monitoring – Welle \(wave) (\(year(ofWave: wave)))", row: 0, column: 0)
        }
        try sheet.write(layout.regionHeader, row: top, column: 0)
        for (c, entry) in asked.enumerated() {
            try sheet.write(header(of: entry.element, index: entry.offset, wave: wave), row: top, column: c + 1)
        }
        try sheet.write("Bemerkung", row: top, column: asked.count + 1)
        for (r, region) in regionList.enumerated() {
            let row = top + 1 + r
            if layout.regionHeader == "AGS" {
                try sheet.write(Double(region.ags) ?? 0, row: row, column: 0)
            } else {
                try sheet.write(r % 5 == 0 ? "LK \(region.name)" : region.name, row: row, column: 0)
            }
            var given: [String: String] = [:]
            for (c, entry) in asked.enumerated() {
                let (index, item) = entry
                var random = SeededGenerator(seed: seed ^ (UInt64(r + 1) &* 0x100_0193) ^ (UInt64(wave) &* 0x9E37_79B9) ^ (UInt64(index) << 40))
                let cell = answer(item, region: r, wave: wave, given: &given, random: &random)
                switch cell {
                case .none: continue
                case .text(let text): try sheet.write(text, row: row, column: c + 1)
                case .number(let number): try sheet.write(number, row: row, column: c + 1)
                }
            }
            if r % 37 == 0 { try sheet.write("Angaben abgestimmt", row: row, column: asked.count + 1) }
        }
        try book.close()
    }

    enum Written {
        case none
        case text(String)
        case number(Double)
    }

    /// Ways a category is written in the exports: as is, capitalised, upper case, with a stray
    /// space, and the catalogue's own spellings of it.
    func spellings(of category: String) -> [String] {
        let known = template.categories.first { $0.type == ItemType.status.rawValue && $0.name == category }?.spellings ?? []
        let variants = [category, category.prefix(1).uppercased() + category.dropFirst(), category.uppercased(), category + " "]
        return variants + known.filter { $0 != "(leer)" && !variants.contains($0) }
    }

    /// One answer: status answers drift towards the scale's positive end over the waves;
    /// options and free text only when the filter question was answered positively;
    /// spellings and gaps vary.
    func answer(
        _ item: CatalogueItem, region: Int, wave: Int, given: inout [String: String],
        random: inout SeededGenerator
    ) -> Written {
        func roll() -> Double { Double(random.next() % 10_000) / 10_000 }
        let gate = item.parentID.flatMap { id -> String? in
            let parent = template.item(id)
            return parent?.type == .multipleChoice ? parent?.parentID : id
        }
        // The template's scale: the first Status category opens filters; spellings vary as
        // in the real exports (case, stray spaces, the catalogue's own spellings, gaps).
        let statusCategories = template.answerCategories(of: .status).filter { $0 != template.missingCategory }
        let positive = statusCategories.first ?? ""
        if let gate, let answer = given[gate], answer != positive { return .none }
        switch item.type {
        case .status:
            let progress = Double(wave) / Double(max(waves, 1))
            let propensity = Double((region * 7919) % 100) / 250
            let x = roll()
            let partly = statusCategories.count > 2 ? statusCategories[1] : positive
            let negative = statusCategories.last ?? ""
            let category: String
            if x < 0.02 {
                category = ""
            } else if x < 0.35 + 0.5 * progress + propensity - 0.2 {
                category = positive
            } else if x < 0.75 + 0.2 * progress {
                category = partly
            } else {
                category = negative
            }
            given[item.id] = category.isEmpty ? template.missingCategory : category
            let options = category.isEmpty ? ["", "k.A.", "-", template.missingCategory] : spellings(of: category)
            guard !options.isEmpty else { return .none }
            let text = options[Int(random.next() % UInt64(options.count))]
            return text.isEmpty ? .none : .text(text)
        case .option:
            guard roll() < 0.6 else { return roll() < 0.3 && wave % 2 == 0 ? .number(0) : .none }
            switch wave % 3 {
            case 0: return .text("x")
            case 1: return .text("X")
            default: return .number(1)
            }
        case .scale:
            let levels =
                item.answerOptions.isEmpty
                ? template.answerCategories(of: .scale).filter { $0 != template.missingCategory }
                : item.answerOptions
            guard !levels.isEmpty else { return .none }
            return .text(levels[Int(random.next() % UInt64(levels.count))])
        case .freeText:
            guard roll() < 0.7 else { return .none }
            let phrases = [
                "Regelmäßige Arbeitstreffen", "Leitfaden zur gemeinsamen Fallarbeit", "Gemeinsame Eingangszone",
                "Beratung per Video", "Zeitlicher Aufwand", "Bildungsnahe Jugendliche", "Prüfung vor Ort",
            ]
            let count = 1 + Int(random.next() % 2)
            return .text((0..<count).map { _ in phrases[Int(random.next() % UInt64(phrases.count))] }.joined(separator: "; "))
        case .multipleChoice:
            return .none
        }
    }
}
