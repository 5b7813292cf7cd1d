import Aggregate
import Foundation
import Ingest
import Normalise
import ReportSpec
import TestSupport

/// A small survey made by hand, for the renderers: five Landkreise, three waves (2021–2023),
/// one Landkreis missing in 2022, a status item, a filtered status item first asked in
/// 2022, a multiple-choice question whose option labels hold markup, and free text with
/// digits and markup. Every count is written out below, so a renderer test fails only
/// when the renderer changes, never when the shipped data or the normaliser do.
package enum ModelFixture {
    package static let units = [
        Region(ags: "09001", name: "Altkreis", kind: "Landkreis", spellings: []),
        Region(ags: "09002", name: "Bergkreis", kind: "Landkreis", spellings: []),
        Region(ags: "09003", name: "Seekreis", kind: "Landkreis", spellings: []),
        Region(ags: "09004", name: "Waldkreis", kind: "Landkreis", spellings: []),
        Region(ags: "09005", name: "Heidekreis", kind: "Landkreis", spellings: []),
    ]

    package static let waves = [2021, 2022, 2023].enumerated().map { index, year in
        WaveDefinition(
            number: index + 1, year: year, fieldStart: nil, fieldEnd: nil, fileName: "welle\(index + 1).xlsx",
            sheetName: "Daten", headerRow: 1, firstDataRow: 2, regionColumnHeader: "Landkreis")
    }

    package static let catalogue = Catalogue(
        fileName: "katalog.xlsx",
        items: [
            CatalogueItem(
                id: "A.01", theme: "A", type: .status, parentID: nil, shortTitle: "Anlaufstelle",
                wording: "Es gibt eine gemeinsame Anlaufstelle.", answerOptions: [], headers: [1: "F1", 2: "F1", 3: "F1"], row: 2),
            CatalogueItem(
                id: "A.02", theme: "A", type: .status, parentID: "A.01", shortTitle: "Öffnungszeiten",
                wording: "Die Anlaufstelle hat feste Öffnungszeiten.", answerOptions: [], headers: [2: "F2", 3: "F2"], row: 3),
            CatalogueItem(
                id: "A.03", theme: "A", type: .multipleChoice, parentID: nil, shortTitle: "Partner",
                wording: "Wer arbeitet mit?", answerOptions: [], headers: [:], row: 4),
            CatalogueItem(
                id: "A.03.1", theme: "A", type: .option, parentID: "A.03", shortTitle: "Jobcenter",
                wording: "", answerOptions: [], headers: [1: "F3_1", 2: "F3_1", 3: "F3_1"], row: 5),
            CatalogueItem(
                id: "A.03.2", theme: "A", type: .option, parentID: "A.03", shortTitle: "Schulen & <Träger>",
                wording: "", answerOptions: [], headers: [1: "F3_2", 2: "F3_2", 3: "F3_2"], row: 6),
            CatalogueItem(
                id: "A.03.3", theme: "A", type: .option, parentID: "A.03", shortTitle: "Kammern",
                wording: "", answerOptions: [], headers: [3: "F3_3"], row: 7),
            CatalogueItem(
                id: "A.04", theme: "A", type: .freeText, parentID: nil, shortTitle: "Was fehlt",
                wording: "Was fehlt noch?", answerOptions: [], headers: [3: "F4"], row: 8),
        ],
        waves: waves,
        regions: units,
        categories: [
            AnswerCategory(type: "Status", name: "ja", spellings: []),
            AnswerCategory(type: "Status", name: "in Erarbeitung", spellings: []),
            AnswerCategory(type: "Status", name: "nein", spellings: []),
            AnswerCategory(type: "Status", name: "keine Angabe", spellings: ["(leer)"]),
            AnswerCategory(type: "Option", name: "ausgewählt", spellings: ["x"]),
            AnswerCategory(type: "Option", name: "nicht ausgewählt", spellings: ["(leer)"]),
        ],
        notes: ["Eine Befragung von Hand, für die Tests der Ausgaben."]
    )

    /// Per wave: each unit's answers, in the order of `units` (nil: the unit did not take part).
    static let answersByWave: [[String: [String?]]] = [
        // 2021: A.02 and A.03.3 were not asked; Heidekreis answered A.01 with nothing.
        [
            "A.01": ["ja", "ja", "in Erarbeitung", "nein", "keine Angabe"],
            "A.03.1": ["ausgewählt", "ausgewählt", "nicht ausgewählt", "ausgewählt", "nicht ausgewählt"],
            "A.03.2": ["nicht ausgewählt", "ausgewählt", "nicht ausgewählt", "nicht ausgewählt", "nicht ausgewählt"],
        ],
        // 2022: Heidekreis did not take part; A.02 only where A.01 is „ja“.
        [
            "A.01": ["ja", "ja", "ja", "in Erarbeitung", nil],
            "A.02": ["ja", "nein", "in Erarbeitung", nil, nil],
            "A.03.1": ["ausgewählt", "ausgewählt", "ausgewählt", "ausgewählt", nil],
            "A.03.2": ["ausgewählt", "ausgewählt", "nicht ausgewählt", "nicht ausgewählt", nil],
        ],
        // 2023: everyone, with free text.
        [
            "A.01": ["ja", "ja", "ja", "ja", "nein"],
            "A.02": ["ja", "ja", "in Erarbeitung", "nein", nil],
            "A.03.1": ["ausgewählt", "ausgewählt", "ausgewählt", "ausgewählt", "ausgewählt"],
            "A.03.2": ["ausgewählt", "ausgewählt", "nicht ausgewählt", "ausgewählt", "nicht ausgewählt"],
            "A.03.3": ["nicht ausgewählt", "ausgewählt", "nicht ausgewählt", "nicht ausgewählt", "nicht ausgewählt"],
            "A.04": ["12 Stellen mehr", "<b>Räume</b>", nil, "Räume", "Zeit & Geld"],
        ],
    ]

    package static var answers: [TidyAnswer] {
        var result: [TidyAnswer] = []
        for (index, wave) in waves.enumerated() {
            for item in catalogue.items.map(\.id) {
                guard let values = answersByWave[index][item] else { continue }
                for (unit, value) in zip(units, values) {
                    guard let value else { continue }
                    result.append(
                        TidyAnswer(
                            wave: wave.number, year: wave.year, regionAGS: unit.ags, region: unit.name, item: item,
                            value: value, isFreeText: item == "A.04",
                            source: CellLocation(file: wave.fileName, sheet: wave.sheetName, reference: nil)))
                }
            }
        }
        return result
    }

    package static let specText = """
        title: "Anlaufstellen in den Landkreisen"
        subtitle: "Ein Testbericht"
        author: "Testinstitut"
        date: "2023-06-30"
        created: "2023-06-30T12:00:00Z"
        data: "data"
        source: "Testbefragung"
        unit: "Landkreise"
        unit_singular: "Landkreis"
        unit_gender: m
        unit_dative: "Landkreisen"
        unit_key: "Kreisschlüssel"
        annex_file: "Anhang_Test.xlsx"
        formats: [md]
        data_note: "Die Landkreise und alle Antworten sind erfunden."
        scales:
          Status:
            - { label: "ja", role: positive }
            - { label: "in Erarbeitung", role: partly }
            - { label: "nein", role: negative }
            - { label: "keine Angabe", role: missing }
        texts:
          contact: "Testinstitut"
        themes:
          A: "Anlaufstellen"
        figures:
          - { number: 1, item: A.01, kind: status }
          - { number: 2, item: A.02, kind: status }
          - { number: 3, item: A.03, kind: options }
        tables:
          - number: 1
            kind: freeText
            title: "Was noch fehlt"
            items: [A.04]
            headings: ["Nennung"]
          - number: 2
            kind: themeSummary
            title: "Antworten nach ihrer Richtung"
            themes: [A]
          - number: 3
            kind: options
            title: "Wer mitarbeitet"
            item: A.03
            headings: ["Partner"]

        """

    /// The spec above, read from a temporary file; `extra` lines are appended (`min_cell_size: 3`).
    package static func spec(extra: String = "") throws -> ReportSpec {
        let folder = try TemporaryFolder.make()
        let url = folder.appendingPathComponent("bericht.yaml")
        try Data((specText + extra).utf8).write(to: url)
        return try ReportSpecReader().read(url)
    }

    package static func data() -> NormalisedData { NormalisedData(catalogue: catalogue, answers: answers) }

    /// The model of the hand-made survey; the spec must hold against the catalogue.
    package static func model(extra: String = "") throws -> ReportModel {
        let spec = try spec(extra: extra)
        let errors = ReportSpecReader().validate(spec, against: catalogue)
        guard errors.isEmpty else { throw SpecErrors(errors) }
        return Aggregator(data: data(), spec: spec).model()
    }
}
