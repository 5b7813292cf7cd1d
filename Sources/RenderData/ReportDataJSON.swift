import Aggregate
import Formatting
import Foundation
import Normalise
import ReportSpec

/// `report-data.json`: every computed value of the report, with the German display forms
/// next to the raw numbers, for templates and other tools.
package struct ReportDataJSON: Codable, Sendable {
    package struct Meta: Codable, Sendable {
        package var title, subtitle, author, institution, date, dateGerman, sourceLine, dataNote, unit, unitSingular: String
        package var regions: Int
        package var firstYear, lastYear: Int
        package var yearRange: String
        package var annexFile: String
    }

    package struct Wave: Codable, Sendable {
        package var number, year: Int
        package var fieldStart, fieldEnd: String?
    }

    package struct Value: Codable, Sendable {
        package var category: String
        package var count: Int?
        package var base: Int?
        package var share: Double?
        package var shareText: String?
        package var asked: Bool
    }

    package struct FigureWave: Codable, Sendable {
        package var year: Int
        package var asked: Bool
        package var base: Int?
        package var values: [Value]
    }

    package struct Figure: Codable, Sendable {
        package var number: Int
        package var id: String
        package var item: String
        package var kind: String
        package var caption: String
        package var question: String
        package var categories: [String]
        package var waves: [FigureWave]
    }

    package struct Table: Codable, Sendable {
        package var number: Int
        package var id: String
        package var kind: String
        package var title: String
        package var year: Int
        package var rows: [[String: String]]
    }

    package struct TransitionRow: Codable, Sendable {
        package var item: String
        package var fromYear, toYear: Int
        package var from, to: String
        package var count: Int
    }

    package var meta: Meta
    package var waves: [Wave]
    package var themes: [[String: String]]
    package var figures: [Figure]
    package var tables: [Table]
    package var transitions: [TransitionRow]

    package init(_ model: ReportModel) {
        let spec = model.spec
        meta = Meta(
            title: spec.title, subtitle: spec.subtitle, author: spec.author, institution: spec.institution,
            date: spec.date, dateGerman: GermanFormat.date(iso: spec.date), sourceLine: model.sourceLine,
            dataNote: spec.dataNote, unit: spec.unitPlural, unitSingular: spec.unitSingular,
            regions: model.regionCount, firstYear: model.firstYear, lastYear: model.lastYear,
            yearRange: GermanFormat.yearRange(model.firstYear, model.lastYear), annexFile: spec.annexFile)
        waves = model.catalogue.waves.map { Wave(number: $0.number, year: $0.year, fieldStart: $0.fieldStart, fieldEnd: $0.fieldEnd) }
        themes = spec.themes.map { ["code": $0.code, "title": $0.title] }
        figures = model.figures.map { figure in
            Figure(
                number: figure.number, id: figure.fileStem, item: figure.itemID, kind: figure.kind.rawValue,
                caption: figure.caption, question: figure.question, categories: figure.categories,
                waves: figure.years.map { year in
                    FigureWave(
                        year: year, asked: figure.asked(year: year), base: figure.base(year: year),
                        values: figure.points(year: year).map { point in
                            Value(
                                category: point.category, count: point.asked ? point.count : nil,
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
            return Table(
                number: t.number, id: table.fileStem, kind: "options", title: t.title, year: t.year,
                rows: t.rows.map {
                    [
                        "option": $0.option, "count": String($0.count), "base": String($0.base),
                        "share": $0.share.map { GermanFormat.percent($0) } ?? "",
                    ]
                })
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

    /// Deterministic JSON (sorted keys, no escaped slashes), whole.
    package func encoded() -> Data {
        var data = Data()
        write { data.append(contentsOf: $0) }
        return data
    }

    /// The same bytes as `JSONEncoder` with `.prettyPrinted, .sortedKeys,
    /// .withoutEscapingSlashes` and snake-case keys (the tests hold the two together),
    /// handed to `sink` in pieces as they are made: the file grows with the figures and
    /// transitions, and is written without being held whole. Keys stand in sorted order.
    package func write(chunk: Int = 1 << 16, to sink: @escaping ([UInt8]) -> Void) {
        var json = PrettyJSONWriter(chunk: chunk, sink: sink)
        json.beginObject()
        json.objects("figures", figures) { json, figure in
            json.field("caption", figure.caption)
            json.field("categories", figure.categories)
            json.field("id", figure.id)
            json.field("item", figure.item)
            json.field("kind", figure.kind)
            json.field("number", figure.number)
            json.field("question", figure.question)
            json.objects("waves", figure.waves) { json, wave in
                json.field("asked", wave.asked)
                json.field("base", wave.base)
                json.objects("values", wave.values) { json, value in
                    json.field("asked", value.asked)
                    json.field("base", value.base)
                    json.field("category", value.category)
                    json.field("count", value.count)
                    json.field("share", value.share)
                    json.field("share_text", value.shareText)
                }
                json.field("year", wave.year)
            }
        }
        json.key("meta")
        json.beginObject()
        json.field("annex_file", meta.annexFile)
        json.field("author", meta.author)
        json.field("data_note", meta.dataNote)
        json.field("date", meta.date)
        json.field("date_german", meta.dateGerman)
        json.field("first_year", meta.firstYear)
        json.field("institution", meta.institution)
        json.field("last_year", meta.lastYear)
        json.field("regions", meta.regions)
        json.field("source_line", meta.sourceLine)
        json.field("subtitle", meta.subtitle)
        json.field("title", meta.title)
        json.field("unit", meta.unit)
        json.field("unit_singular", meta.unitSingular)
        json.field("year_range", meta.yearRange)
        json.endObject()
        json.objects("tables", tables) { json, table in
            json.field("id", table.id)
            json.field("kind", table.kind)
            json.field("number", table.number)
            json.field("rows", table.rows)
            json.field("title", table.title)
            json.field("year", table.year)
        }
        json.field("themes", themes)
        json.objects("transitions", transitions) { json, row in
            json.field("count", row.count)
            json.field("from", row.from)
            json.field("from_year", row.fromYear)
            json.field("item", row.item)
            json.field("to", row.to)
            json.field("to_year", row.toYear)
        }
        json.objects("waves", waves) { json, wave in
            json.field("field_end", wave.fieldEnd)
            json.field("field_start", wave.fieldStart)
            json.field("number", wave.number)
            json.field("year", wave.year)
        }
        json.endObject()
        json.finish()
    }
}
