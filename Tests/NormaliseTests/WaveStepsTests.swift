import Foundation
import Ingest
import IngestFixtures
import TestSupport
import Testing

@testable import Normalise

/// The four steps of a wave, each on its own: header mapping, region resolution, answer
/// parsing and filter gating (catalogue: `FilterAnswerTests.catalogue`).
@Suite struct WaveStepsTests {
    static let catalogue: Catalogue? = CatalogueReader().read(FilterAnswerTests.catalogue).0

    static func sheet(_ grid: [[String]], hiddenRows: Set<Int> = []) -> Sheet {
        Sheet(
            name: "W1",
            rows: grid.enumerated().map { r, values in
                Row(
                    index: r + 1,
                    cells: values.enumerated().compactMap { c, text in
                        text.isEmpty ? nil : Cell(reference: CellReference(row: r + 1, column: c + 1), value: .string(text))
                    })
            }, hiddenRows: hiddenRows)
    }

    func setting() throws -> (Catalogue, WaveDefinition, WaveIssues) {
        let catalogue = try #require(Self.catalogue)
        return (catalogue, try #require(catalogue.waves.first), WaveIssues(fileName: "welle1.csv", sheetName: "W1"))
    }

    // MARK: HeaderMapping

    @Test func headersMapToItemsFoldingCaseAndSpaces() throws {
        var (catalogue, wave, issues) = try setting()
        let sheet = Self.sheet([["kommune", " s01 ", "S01_t", "S02", "Bemerkung"]])
        let columns = try #require(HeaderMapping.map(sheet, wave: wave, catalogue: catalogue, issues: &issues))
        #expect(columns.regionColumn == 1)
        #expect(columns.columnOfItem == ["S.01": 2, "S.01.t": 3, "S.02": 4])
        #expect(issues.all.map(\.description) == ["welle1.csv › W1 › E1: column 'Bemerkung' is not in the catalogue; ignored"])
    }

    @Test func aMissingRegionColumnIsTheOnlyHeaderIssueAndSaysWhereItIs() throws {
        var (catalogue, wave, issues) = try setting()
        let sheet = Self.sheet([["Umfrage 2023"], [], ["Kommune", "S01"]])
        #expect(HeaderMapping.map(sheet, wave: wave, catalogue: catalogue, issues: &issues) == nil)
        #expect(issues.all.count == 1)
        guard case .regionColumnMissing(let header, let row, let foundIn) = issues.all.first?.kind else {
            Issue.record("\(issues.all)")
            return
        }
        #expect(header == "Kommune" && row == 1 && foundIn == 3)
    }

    @Test func aDuplicatedHeaderNamesTheFirstCell() throws {
        var (catalogue, wave, issues) = try setting()
        let sheet = Self.sheet([["Kommune", "S01", "S01_t", "S02", "s01"]])
        _ = HeaderMapping.map(sheet, wave: wave, catalogue: catalogue, issues: &issues)
        #expect(issues.all.filter { $0.severity == .error }.map(\.kind) == [.duplicateHeader("s01", other: "B1")])
    }

    @Test func aMissingItemHeaderIsAnError() throws {
        var (catalogue, wave, issues) = try setting()
        let columns = HeaderMapping.map(Self.sheet([["Kommune", "S01", "S02"]]), wave: wave, catalogue: catalogue, issues: &issues)
        #expect(columns?.columnOfItem["S.01.t"] == nil)
        let item = try #require(catalogue.item("S.01.t"))
        #expect(issues.all.map(\.kind) == [.headerNotFound("S01_t", catalogueCell: "Fragen › W\(wave.number) \(wave.year) › row \(item.row)")])
    }

    /// The survey software dropped a character ("S01_t" exported as "S01t"): the message
    /// names the catalogue cell to change and the unclaimed header that is most like it.
    @Test func aRenamedHeaderIsNamedWithTheCatalogueCellToChange() throws {
        var (catalogue, wave, issues) = try setting()
        _ = HeaderMapping.map(Self.sheet([["Kommune", "S01", "S01t", "S02", "Bemerkung"]]), wave: wave, catalogue: catalogue, issues: &issues)
        let item = try #require(catalogue.item("S.01.t"))
        let error = try #require(issues.all.first { $0.severity == .error })
        #expect(error.kind == .headerNotFound("S01_t", catalogueCell: "Fragen › W\(wave.number) \(wave.year) › row \(item.row)", closest: "S01t"))
        #expect(error.location?.reference?.description == "C1")
        #expect(
            error.english.hasSuffix(
                "the closest unclaimed header is 'S01t': if that is the question, write it into the catalogue cell (`monitoring inspect` shows the file's header row and answers)"
            ))
    }

    // MARK: RegionResolver

    @Test func rowsResolveToRegionsAndEveryProblemIsAtItsCell() throws {
        var (catalogue, _, issues) = try setting()
        let sheet = Self.sheet([["Kommune"], ["aach"], [""], ["Zach"], ["Aach"], ["Bach"]], hiddenRows: [6])
        var resolver = RegionResolver(catalogue: catalogue, column: 1)
        let resolved = sheet.rows.dropFirst().map { resolver.resolve($0, in: sheet, issues: &issues)?.name }
        #expect(resolved == ["Aach", nil, nil, nil, "Bach"])
        #expect(issues.all.map(\.kind) == [.emptyRegion, .unknownRegion("Zach"), .duplicateRegion("Aach", firstCell: "A2"), .hiddenRow])
        #expect(issues.all.map { $0.location?.reference?.description } == ["A3", "A4", "A5", "A6"])
        #expect(resolver.missing.map(\.name) == ["Cach"])
    }

    // MARK: AnswerParser

    @Test func cellsParseAsTheItemTypeExpects() throws {
        let (catalogue, _, _) = try setting()
        var parser = AnswerParser(catalogue: catalogue)
        let status = try #require(catalogue.item("S.01"))
        let text = try #require(catalogue.item("S.01.t"))
        #expect(parser.parse(.string(" trifft zu "), type: status.type).answer == .category("trifft zu"))
        #expect(parser.parse(.string("vielleicht"), type: status.type).answer == .unknown("vielleicht"))
        #expect(parser.parse(.date(SpreadsheetDate(year: 2023, month: 5, day: 4)), type: status.type).answer == .unknown("04.05.2023"))
        #expect(parser.parse(.empty, type: text.type).answer == .category(catalogue.missingCategory))
        #expect(parser.parse(.string("Netz am Fluss"), type: text.type).answer == .text("Netz am Fluss"))
        // The cache gives the same answer the second time.
        #expect(parser.parse(.string(" trifft zu "), type: status.type).answer == .category("trifft zu"))
        #expect(parser.expected(for: status.type).contains("trifft nicht zu"))
        #expect(parser.expected(for: text.type).isEmpty)
    }

    // MARK: FilterGate

    @Test func theFilterOpensOnTheCataloguesAnswerAndNotesOnlyRealContradictions() throws {
        let (catalogue, wave, _) = try setting()
        let gate = FilterGate(catalogue: catalogue, wave: wave)
        let text = try #require(catalogue.item("S.01.t"))
        let reasons = try #require(catalogue.item("S.02"))
        let yes: [String: ParsedAnswer] = ["S.01": .category("trifft zu")]
        let no: [String: ParsedAnswer] = ["S.01": .category("trifft nicht zu")]
        #expect(gate.closed(text, answers: yes) == nil)
        #expect(gate.closed(text, answers: no) == FilterGate.Closed(parent: "S.01", parentAnswer: "trifft nicht zu"))
        // S.02 opens on "trifft nicht zu" (its Filterantwort), not on the positive answer.
        #expect(gate.closed(reasons, answers: no) == nil)
        #expect(gate.closed(reasons, answers: yes) == FilterGate.Closed(parent: "S.01", parentAnswer: "trifft zu"))
        #expect(gate.closed(text, answers: [:]) == FilterGate.Closed(parent: "S.01", parentAnswer: catalogue.missingCategory))
        #expect(gate.contradiction(.category(catalogue.missingCategory), type: reasons.type, cellText: "k.A.") == nil)
        #expect(gate.contradiction(.category("trifft zu"), type: reasons.type, cellText: "Trifft zu ") == "Trifft zu ")
        #expect(gate.contradiction(.text("Netz"), type: text.type, cellText: "Netz") == "Netz")
        #expect(gate.contradiction(.unknown("??"), type: reasons.type, cellText: "??") == "??")
        #expect(gate.gateItem(of: reasons)?.id == "S.01")
    }
}

/// A nationwide survey holds millions of tidy answers: each must stay small, and share its
/// region and origin with the other answers of its wave.
/// An answer costs its codes, not its strings: the shipped data's 2,933 answers share a
/// handful of dictionary entries.
@Suite struct AnswerStorageTests {
    @Test func answersShareTheirDictionaryEntries() throws {
        let data = try DataFolder(url: TestPaths.data).normalise()
        let answers = data.answers
        #expect(answers.count == 2933)
        #expect(answers.regions.count == data.catalogue.regions.count, "one entry per region")
        #expect(answers.items.count == data.catalogue.items.count, "one entry per catalogue item")
        #expect(answers.waves.count == data.catalogue.waves.count, "one entry per wave")
        let freeTexts = answers.valueIsFreeText.filter { $0 }.count
        #expect(answers.values.count - freeTexts <= data.catalogue.categories.count, "each category once")
        #expect(answers.values.count < answers.count / 5)
    }

    @Test func regionAndSourceReadBackThroughTheSharedObjects() throws {
        let data = try DataFolder(url: TestPaths.data).normalise()
        let first = try #require(data.answers.first)
        let sameRegion = data.answers.filter { $0.regionAGS == first.regionAGS }
        #expect(sameRegion.count > 100)
        #expect(sameRegion.allSatisfy { $0.region == first.region })
        #expect(first.source.description.contains(" › "), "the source cell is still named: \(first.source)")
    }
}

/// A wave read row by row as the reader streams it gives what the same sheet read whole
/// gives: the same answers and the same issues in the same order, although merged cells
/// arrive after the rows and a misplaced header is only found in later rows.
@Suite struct StreamedWaveTests {
    func both(_ sheetXML: String) throws -> (streamed: WaveNormaliser.Result, whole: WaveNormaliser.Result) {
        let catalogue = try #require(WaveStepsTests.catalogue)
        let wave = try #require(catalogue.waves.first)
        var builder = XLSXBuilder()
        builder.sheets = [.init(name: "W1", xml: sheetXML)]
        let book = try WorkbookReader.open(try builder.write())
        let normaliser = WaveNormaliser(catalogue: catalogue, wave: wave, fileName: "welle1.xlsx")
        return (try normaliser.normalise(streaming: book, sheet: "W1"), normaliser.normalise(try book.readSheet(named: "W1")))
    }

    static func row(_ index: Int, _ texts: [String], hidden: Bool = false) -> String {
        let cells = texts.enumerated().map { c, text in
            "<c r=\"\(CellReference(row: index, column: c + 1).description)\" t=\"inlineStr\"><is><t>\(text)</t></is></c>"
        }
        return "<row r=\"\(index)\"\(hidden ? " hidden=\"1\"" : "")>" + cells.joined() + "</row>"
    }

    @Test func mergedCellsHiddenRowsAndColumnsGiveTheSameIssuesInTheSameOrder() throws {
        let xml = XLSXBuilder.worksheet(
            Self.row(1, ["Kommune", "S01", "S01_t", "S02", "Bemerkung"]) + Self.row(2, ["Aach", "trifft zu", "Netz", "vielleicht"])
                + Self.row(3, ["Bach", "trifft nicht zu", "", "trifft zu"], hidden: true) + Self.row(4, ["Zach", "trifft zu"]),
            before: #"<cols><col min="3" max="3" width="9" hidden="1" customWidth="1"/></cols>"#,
            after: #"<mergeCells count="2"><mergeCell ref="E2:E3"/><mergeCell ref="B1:B1"/></mergeCells>"#)
        let (streamed, whole) = try both(xml)
        #expect(Array(streamed.answers) == Array(whole.answers))
        #expect(streamed.issues.map(\.description) == whole.issues.map(\.description))
        let issues = streamed.issues.map(\.description)
        // The merged-cell notes stand with the header's notes, before the first row's issue.
        let merged = try #require(issues.firstIndex { $0.contains("E2:E3") })
        let unknown = try #require(issues.firstIndex { $0.contains("vielleicht") })
        #expect(merged < unknown)
        #expect(issues.contains { $0.contains("hidden") && $0.contains("S01_t") })
        #expect(streamed.answers.count == whole.answers.count && streamed.answers.count > 0)
    }

    @Test func aHeaderFoundOnlyInALaterRowIsNamedAsWhenReadWhole() throws {
        let xml = XLSXBuilder.worksheet(
            Self.row(1, ["Titel"]) + Self.row(2, ["Aach", "trifft zu"])
                + Self.row(3, ["Kommune", "S01", "S01_t", "S02"]))
        let (streamed, whole) = try both(xml)
        #expect(streamed.answers.isEmpty && whole.answers.isEmpty)
        #expect(streamed.issues.map(\.description) == whole.issues.map(\.description))
        #expect(streamed.issues.first?.description.contains("it is in row 3") == true, "\(streamed.issues.map(\.description))")
    }
}
