import Foundation
import Ingest
import Testing

@testable import Normalise

/// Another survey in the same hand-over format: its filter question is answered "trifft zu"
/// / "trifft nicht zu", its wave is a CSV file without a sheet name. The filter must open on
/// the answers the catalogue says, not on a literal "ja".
@Suite struct FilterAnswerTests {
    /// A workbook from string grids (row 1 = headers), for catalogues written in the test.
    struct GridWorkbook: Workbook {
        let fileName: String
        let grids: [String: [[String]]]
        var sheetNames: [String] { grids.keys.sorted() }

        func readSheet(named name: String) throws(IngestError) -> Sheet {
            let grid = grids[name] ?? []
            let rows = grid.enumerated().map { r, values in
                Row(
                    index: r + 1,
                    cells: values.enumerated().compactMap { c, text in
                        text.isEmpty ? nil : Cell(reference: CellReference(row: r + 1, column: c + 1), value: .string(text))
                    })
            }
            return Sheet(name: name, rows: rows)
        }
    }

    static let catalogue = GridWorkbook(
        fileName: "Katalog.xlsx",
        grids: [
            "Fragen": [
                ["ID", "Themenbereich", "Typ", "Bezug", "Kurztitel", "Wortlaut", "Filterantwort", "W1 2023"],
                ["S.01", "A", "Status", "", "Netzwerk vorhanden", "Gibt es ein Netzwerk?", "", "S01"],
                ["S.01.t", "A", "Freitext", "S.01", "Name des Netzwerks", "", "", "S01_t"],
                ["S.02", "A", "Status", "S.01", "Gründe gegen ein Netzwerk", "", "trifft nicht zu", "S02"],
            ],
            "Wellen": [
                ["Welle", "Jahr", "Datei", "Tabellenblatt", "Kopfzeile", "Erste Datenzeile", "Regionsspalte"],
                ["1", "2023", "welle1.csv", "", "1", "2", "Kommune"],
            ],
            "Regionen": [
                ["AGS", "Name", "Typ", "Schreibweisen"], ["01001000", "Aach", "Kommune", ""],
                ["01002000", "Bach", "Kommune", ""], ["01003000", "Cach", "Kommune", ""],
            ],
            "Antwortkategorien": [
                ["Typ", "Kategorie", "Schreibweisen"], ["Status", "trifft zu", ""], ["Status", "trifft nicht zu", ""],
                ["Status", "keine Angabe", "(leer)"],
            ],
        ])

    static let wave = """
        Kommune;S01;S01_t;S02
        Aach;trifft zu;Netz Aach;trifft zu
        Bach;trifft nicht zu;Netz Bach;trifft zu
        Cach;trifft zu;;
        """

    static func normalised() throws -> (catalogue: Catalogue, result: WaveNormaliser.Result) {
        let (catalogue, issues) = CatalogueReader().read(Self.catalogue)
        let read = try #require(catalogue, "\(issues.map(\.description))")
        let wave = try #require(read.waves.first)
        let book = try CSVWorkbook(data: Data(Self.wave.utf8), fileName: "welle1.csv")
        let sheet = try book.readSheet(named: try #require(book.sheetNames.first))
        return (read, WaveNormaliser(catalogue: read, wave: wave, fileName: "welle1.csv").normalise(sheet))
    }

    @Test func aCSVWaveNeedsNoSheetName() throws {
        let (catalogue, issues) = CatalogueReader().read(Self.catalogue)
        #expect(catalogue != nil, "\(issues.map(\.description))")
        #expect(!issues.contains { $0.description.contains("Tabellenblatt") })
    }

    @Test func theFilterOpensOnTheScalesPositiveAnswer() throws {
        let (_, result) = try Self.normalised()
        let texts = result.answers.filter { $0.item == "S.01.t" }
        // Aach answered "trifft zu": its text counts. Bach answered "trifft nicht zu": not.
        #expect(texts.map(\.region) == ["Aach", "Cach"])
        #expect(texts.first?.value == "Netz Aach")
        let note = try #require(result.issues.first { $0.item == "S.01.t" })
        #expect(note.german == "Antwort „Netz Bach“, obwohl S.01 mit „trifft nicht zu“ beantwortet wurde (Filterführung); nicht gezählt.")
        #expect(!result.issues.contains { $0.item == "S.01.t" && $0.german.contains("obwohl S.01 mit „trifft zu“") }, "no self-contradicting note")
    }

    @Test func theCatalogueCanNameOtherOpeningAnswers() throws {
        let (catalogue, result) = try Self.normalised()
        // S.02 is opened by "trifft nicht zu": only Bach was asked.
        #expect(result.answers.filter { $0.item == "S.02" }.map(\.region) == ["Bach"])
        #expect(result.issues.contains { $0.item == "S.02" && $0.german.contains("obwohl S.01 mit „trifft zu“ beantwortet wurde") })
        let item = try #require(catalogue.item("S.02"))
        let parent = try #require(catalogue.item("S.01"))
        #expect(catalogue.openingAnswers(of: item, parent: parent) == ["trifft nicht zu"])
        #expect(catalogue.opens(item, parent: parent, answer: "Trifft nicht zu "))
    }
}
