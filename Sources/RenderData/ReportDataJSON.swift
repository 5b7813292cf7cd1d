import Aggregate
import Foundation
import Formatting
import Normalise

/// `report-data.json`: every computed value of the report, with the German display forms
/// next to the raw numbers, for templates and other tools.
public struct ReportDataJSON: Codable, Sendable {
    public struct Meta: Codable, Sendable {
        public var title, subtitle, author, institution, date, dateGerman, sourceLine, dataNote, unit, unitSingular: String
        public var regions: Int
        public var firstYear, lastYear: Int
        public var yearRange: String
        public var annexFile: String
    }

    public struct Wave: Codable, Sendable {
        public var number, year: Int
        public var fieldStart, fieldEnd: String?
    }

    public struct Value: Codable, Sendable {
        public var category: String
        public var count: Int?
        public var base: Int?
        public var share: Double?
        public var shareText: String?
        public var asked: Bool
    }

    public struct FigureWave: Codable, Sendable {
        public var year: Int
        public var asked: Bool
        public var base: Int?
        public var values: [Value]
    }

    public struct Figure: Codable, Sendable {
        public var number: Int
        public var id: String
        public var item: String
        public var kind: String
        public var caption: String
        public var question: String
        public var categories: [String]
        public var waves: [FigureWave]
    }

    public struct TableCell: Codable, Sendable {
        public var theme: String
        public var category: String
        public var count: Int
        public var total: Int
        public var shareText: String
        public var changeText: String?
    }

    public struct Table: Codable, Sendable {
        public var number: Int
        public var id: String
        public var kind: String
        public var title: String
        public var year: Int
        public var rows: [[String: String]]
    }

    public struct TransitionRow: Codable, Sendable {
        public var item: String
        public var fromYear, toYear: Int
        public var from, to: String
        public var count: Int
    }

    public var meta: Meta
    public var waves: [Wave]
    public var themes: [[String: String]]
    public var figures: [Figure]
    public var tables: [Table]
    public var transitions: [TransitionRow]

    public init(_ model: ReportModel) {
        let spec = model.spec
        meta = Meta(title: spec.title, subtitle: spec.subtitle, author: spec.author, institution: spec.institution,
                    date: spec.date, dateGerman: GermanFormat.date(iso: spec.date), sourceLine: model.sourceLine,
                    dataNote: spec.dataNote, unit: spec.unitPlural, unitSingular: spec.unitSingular,
                    regions: model.regionCount, firstYear: model.firstYear, lastYear: model.lastYear,
                    yearRange: GermanFormat.yearRange(model.firstYear, model.lastYear), annexFile: spec.annexFile)
        waves = model.catalogue.waves.map { Wave(number: $0.number, year: $0.year, fieldStart: $0.fieldStart, fieldEnd: $0.fieldEnd) }
        themes = spec.themes.map { ["code": $0.code, "title": $0.title] }
        figures = model.figures.map { figure in
            Figure(number: figure.number, id: figure.fileStem, item: figure.itemID, kind: figure.kind.rawValue,
                   caption: figure.caption, question: figure.question, categories: figure.categories,
                   waves: figure.years.map { year in
                       FigureWave(year: year, asked: figure.asked(year: year), base: figure.base(year: year),
                                  values: figure.points(year: year).map { point in
                                      Value(category: point.category, count: point.asked ? point.count : nil,
                                            base: point.asked ? point.base : nil, share: point.share?.value,
                                            shareText: point.share.map { GermanFormat.percent($0) }, asked: point.asked)
                                  })
                   })
        }
        tables = model.tables.map(Self.table)
        transitions = model.transitions.map {
            TransitionRow(item: $0.itemID, fromYear: $0.fromYear, toYear: $0.toYear, from: $0.from, to: $0.to, count: $0.count)
        }
    }

    static func table(_ table: ReportTable) -> Table {
        switch table {
        case .options(let t):
            return Table(number: t.number, id: table.fileStem, kind: "options", title: t.title, year: t.year,
                         rows: t.rows.map { ["option": $0.option, "count": String($0.count), "base": String($0.base),
                                             "share": $0.share.map { GermanFormat.percent($0) } ?? ""] })
        case .themeSummary(let t):
            var rows: [[String: String]] = []
            for (index, category) in t.categories.enumerated() {
                var row = ["category": category]
                for column in t.columns {
                    let cell = column.cells[index]
                    row[column.theme + ".share"] = GermanFormat.percent(cell.share)
                    row[column.theme + ".change"] = cell.change.map { GermanFormat.percentagePoints($0) } ?? ""
                }
                rows.append(row)
            }
            return Table(number: t.number, id: table.fileStem, kind: "themeSummary", title: t.title, year: t.year, rows: rows)
        case .freeText(let t):
            var rows: [[String: String]] = []
            for column in t.columns {
                for entry in column.entries {
                    rows.append(["heading": column.heading, "entry": entry.text, "regions": String(entry.regions)])
                }
            }
            return Table(number: t.number, id: table.fileStem, kind: "freeText", title: t.title, year: t.year, rows: rows)
        }
    }

    /// Deterministic JSON (sorted keys, no escaped slashes).
    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return try encoder.encode(self)
    }
}
