import Aggregate
import Foundation
import Ingest
import IngestFixtures
import Normalise
import Pipeline
import ReportSpec
import TestSupport
import Testing

/// Next year's wave arrives (scripts/add-wave.py: the 2021 export copied as 2022, one
/// region missing, changed answers): the 2021 reports stay byte for byte as they were,
/// because their specs pin their waves (`last_year`), and a spec without the pin renders
/// the 2022 report, with the missing region stated as participation, not as a problem.
@Suite(.serialized, .enabled(if: ExternalTool.available("python:openpyxl"), "needs python3 with openpyxl (.ci/run installs it)"))
struct NextWaveTests {
    static let script = TestPaths.repository.appendingPathComponent("scripts/add-wave.py")
    static let shortReportSpec = TestPaths.repository.appendingPathComponent("reports/kurzbericht-2021/bericht.yaml")

    /// A copy of data/ with a 2022 wave added.
    static func dataWithNextWave() throws -> URL {
        let folder = try DataFolderFixture().url
        let result = try ExternalTool.run("python3", [script.path, folder.path, "--drop-region", "Dessau-Roßlau", "--changes", "25"])
        #expect(result.status == 0, "\(result.stderr)")
        return folder
    }

    static func report(_ spec: URL, data: URL, into folder: URL) async throws -> [String: Data] {
        _ = try await ReportPipeline(options: .init(specFile: spec, dataFolder: data, outputFolder: folder, formats: [.md])).run()
        return try ReliabilityTests.snapshot(folder)
    }

    @Test func theNewWaveIsReadAsTheSixth() throws {
        let data = try DataFolder(url: try Self.dataWithNextWave()).normalise()
        #expect(data.catalogue.waves.map(\.year) == [2017, 2018, 2019, 2020, 2021, 2022])
        #expect(data.waves.last?.regionCount == 12)
        #expect(data.notes.contains { $0.description.contains("region Dessau-Roßlau has no row in this wave") })
    }

    @Test(arguments: [TestPaths.finalReportSpec, shortReportSpec])
    func aReportPinnedTo2021StaysAsItWas(spec: URL) async throws {
        let root = try TemporaryFolder.make()
        let before = try await Self.report(spec, data: TestPaths.data, into: root.appendingPathComponent("vorher"))
        let after = try await Self.report(spec, data: try Self.dataWithNextWave(), into: root.appendingPathComponent("nachher"))
        #expect(before.count > 10)
        #expect(Set(after.keys).symmetricDifference(before.keys).sorted() == [], "files added or removed")
        for (path, data) in before where after[path] != nil { #expect(after[path] == data, "\(path) changed") }
    }

    /// Later waves are not even opened: a broken 2022 file cannot stop the 2021 report.
    @Test func wavesAfterTheLastYearAreNotRead() throws {
        let folder = try Self.dataWithNextWave()
        try Data("kaputt".utf8).write(to: folder.appendingPathComponent("waves/Monitoring 2022 - Welle 6 - final.xlsx"))
        #expect(throws: DataProblems.self) { try DataFolder(url: folder).normalise() }
        let pinned = try DataFolder(url: folder).normalise(lastYear: 2021)
        #expect(pinned.catalogue.waves.map(\.year) == [2017, 2018, 2019, 2020, 2021])
        #expect(pinned.answers.count == (try DataFolder(url: TestPaths.data).normalise()).answers.count)
    }

    @Test func withoutThePinTheNextReportRendersAndStatesWhoAnswered() async throws {
        let root = try TemporaryFolder.make()
        let data = try Self.dataWithNextWave()
        let spec = try Self.finalReportSpec(in: root, lastYear: nil)
        _ = try await ReportPipeline(
            options: .init(
                specFile: spec, dataFolder: data, outputFolder: root.appendingPathComponent("out"),
                profiles: true, formats: [.md])
        ).run()
        let files = try ReliabilityTests.snapshot(root.appendingPathComponent("out"))
        // The region that did not answer in 2022 is "nicht teilgenommen" in its profile,
        // not "nicht erhoben" (the question was asked) and not "keine Angabe" (it gave none).
        let absent = String(decoding: try #require(files["intern/regionalprofile/profil-15001.md"]), as: UTF8.self)
        let present = String(decoding: try #require(files["intern/regionalprofile/profil-15002.md"]), as: UTF8.self)
        #expect(absent.contains("| nicht teilgenommen |") && !absent.contains("nicht erhoben"))
        #expect(!present.contains("nicht teilgenommen"))
        // The same three cases in the profiles workbook: answered, sat the wave out, not asked.
        let workbook = try WorkbookReader.open(root.appendingPathComponent("out/intern/regionalprofile/Regionalprofile.xlsx"))
        let absentSheet = try workbook.readSheet(named: try #require(workbook.sheetNames.first { $0.hasPrefix("15001") }))
        let absentCells = absentSheet.rows.flatMap(\.cells).map(\.value.text)
        #expect(absentCells.contains("nicht teilgenommen") && absentCells.contains("nicht erhoben"), "2022 sat out; Z items not asked in 2017")
        let presentSheet = try workbook.readSheet(named: try #require(workbook.sheetNames.first { $0.hasPrefix("15002") }))
        #expect(!presentSheet.rows.flatMap(\.cells).map(\.value.text).contains("nicht teilgenommen"))
        // And in the internal workbook: the answers sheet says who sat which wave out.
        let annex = try WorkbookReader.open(root.appendingPathComponent("out/intern/Anhang_Monitoring_RUEMSA_2017-2021_intern.xlsx"))
        let answersNote = try annex.readSheet(named: "Antworten").rows.prefix(10).compactMap { $0.cells.first?.value.text }
            .joined(separator: " ")
        #expect(
            answersNote.contains(
                "Arbeitsbündnisse, die an einer Welle nicht teilgenommen haben, haben in ihr keine Zeile (teilgenommen haben 2022: 12 von 13)."),
            "\(answersNote)")
        let text = String(decoding: try #require(files["Bericht.md"]), as: UTF8.self)
        #expect(text.contains("12 der 13 Arbeitsbündnisse im Jahr 2022"))
        #expect(
            text.contains(
                "- **Beteiligung:** Im Jahr 2022 haben 12 der 13 Arbeitsbündnisse den Fragebogen beantwortet. "
                    + "In den übrigen Wellen waren es alle 13."))
        // With twelve of 13 answering, "alle 12" would contradict the population of 13.
        for wrong in ["alle 12 Arbeitsbündnisse", "allen 12 Arbeitsbündnissen"] { #expect(!text.contains(wrong), "\(wrong)") }
        #expect(text.contains("12 teilnehmenden Arbeitsbündniss"))
        #expect(
            text.contains(
                "entspricht eines von ihnen 7,7 Prozentpunkten, bei den 12 Arbeitsbündnissen, die 2022 geantwortet haben, 8,3 Prozentpunkten."))
        #expect(text.contains("2017–2022"))
        // Counts of two waves with different participants are given with their bases.
        #expect(text.contains("ein Jahr zuvor waren es 12 der 13 Arbeitsbündnisse"))
        #expect(
            text.contains(
                "2022 in elf von zwölf Arbeitsbündnissen in die Umsetzung eingebunden; zuvor waren es acht im Jahr 2017, zehn im Jahr 2018 und zwölf in den Jahren 2019 bis 2021."
            ))
        // The check against the publication says how many of its values this data can answer.
        #expect(text.contains("Mit den Daten dieses Berichts abgeglichen wurden 206 Ergebniswerte"))
        #expect(text.contains("Davon lassen sich 152 an den Daten dieses Berichts prüfen, und 147 davon stimmen genau überein."))
        // The revised 2021 question count has no sentence of its own in 2022: it is stated there.
        #expect(text.contains("Wo eine Abweichung ein früheres Jahr betrifft, zu dem dieser Bericht keine Stelle hat, steht sie hier. Revision: "))
        #expect(text.contains("Geantwortet haben alle 13 Arbeitsbündnisse in den Jahren 2017 bis 2021 und 12 der 13 Arbeitsbündnisse im Jahr 2022."))
        #expect(text.contains("(verglichen über die zwölf Arbeitsbündnisse, die in beiden Jahren geantwortet haben)"))
        // Since the first wave as well: "von einem auf elf" among those in both years, and said so.
        #expect(
            text.contains("(von einem auf elf, Abbildung 11)")
                && text.contains("Gezählt sind jeweils die Bündnisse, die in beiden verglichenen Jahren geantwortet haben."))
        // The status charts' axis no longer claims n = 13 for a row of twelve.
        let chart = String(decoding: try #require(files["abbildungen/abb02.svg"]), as: UTF8.self)
        #expect(chart.contains("(n = 13; abweichend: n am Jahr)") && chart.contains("2022 (n = 12)"))
        let chartRows = String(decoding: try #require(files["daten/abb02.csv"]), as: UTF8.self).components(separatedBy: .newlines)
        #expect(chartRows.first { $0.hasPrefix("2022,") }?.hasSuffix(",12 der 13 Arbeitsbündnisse haben teilgenommen") == true, "\(chartRows)")
        #expect(chartRows.first { $0.hasPrefix("2021,") }?.hasSuffix(",") == true, "every unit took part in 2021")
        // The revised 2021 question count is not footnoted on the sentence about 2022.
        let questionnaire = try #require(text.split(separator: "\n").first { $0.contains("In der letzten Welle (2022) umfasste") })
        #expect(!questionnaire.contains("^["), "\(questionnaire)")
    }

    /// The summary's declines are real ones: each item it lists lost "ja" answers among the
    /// regions that answered in both years, counted here from the tidy answers; the region
    /// that sat 2022 out makes no item fall. The summary says whom it compares.
    @Test func declinesAreCountedOverTheRegionsThatAnsweredInBothYears() async throws {
        let root = try TemporaryFolder.make()
        let folder = try Self.dataWithNextWave()
        let spec = try Self.finalReportSpec(in: root, lastYear: nil)
        let files = try await Self.report(spec, data: folder, into: root.appendingPathComponent("out"))
        let text = String(decoding: try #require(files["Bericht.md"]), as: UTF8.self)
        let line = try #require(text.split(separator: "\n").first { $0.hasPrefix("- **Rückgänge gegenüber dem Vorjahr:**") })
        #expect(line.contains("Verglichen sind nur die Antworten der zwölf Arbeitsbündnisse, die in beiden Jahren teilgenommen haben"))
        let data = try DataFolder(url: folder).normalise()
        var answers: [String: String] = [:]  // "year|AGS|item" → value
        var regions: [Int: Set<String>] = [:]
        for a in data.answers {
            answers["\(a.year)|\(a.regionAGS)|\(a.item)"] = a.value
            regions[a.year, default: []].insert(a.regionAGS)
        }
        let both = try #require(regions[2021]).intersection(try #require(regions[2022]))
        #expect(both.count == 12)
        var listed = 0
        for item in data.catalogue.items where item.type == .status && line.contains("„\(item.shortTitle)“") {
            listed += 1
            let before = both.filter { answers["2021|\($0)|\(item.id)"] == "ja" }.count
            let now = both.filter { answers["2022|\($0)|\(item.id)"] == "ja" }.count
            #expect(now < before, "\(item.id) „\(item.shortTitle)“ is listed as a decline: \(before) → \(now) among the twelve")
        }
        #expect(listed > 0)
        // Each theme's share change is also given over the twelve, recounted here.
        for theme in ["I", "II", "III"] {
            let items = data.catalogue.items.filter { $0.type == .status && $0.parentID == nil && $0.theme == theme }
            var difference = 0
            for item in items {
                difference += both.filter { answers["2022|\($0)|\(item.id)"] == "ja" }.count
                difference -= both.filter { answers["2021|\($0)|\(item.id)"] == "ja" }.count
            }
            let tenths = Int((Double(abs(difference) * 1000) / Double(both.count * items.count)).rounded())
            let words = "\(tenths / 10),\(tenths % 10) Prozentpunkte"
            let verb = difference > 0 ? "stieg der Anteil um \(words)" : difference < 0 ? "sank der Anteil um \(words)" : "blieb der Anteil gleich"
            #expect(text.contains("Unter den zwölf Arbeitsbündnissen, die in beiden Jahren geantwortet haben, \(verb)."), "theme \(theme): \(verb)")
        }
        // add-wave.py changes status answers only: among the twelve no option moved, so no
        // option is "seltener" or "häufiger" (the absent region's ticks made six "seltener").
        #expect(!text.contains("Seltener als 2021 einbezogen"))
        #expect(!text.contains("Gegenüber 2021 häufiger einbezogen"))
    }

    /// Every institute assessment was written for 2021: in the 2022 report each is left out
    /// and listed for the editor with the facts then and now. The
    /// 2021 report has none to list.
    @Test func staleAssessmentsAreLeftOutAndListedForTheEditor() async throws {
        let root = try TemporaryFolder.make()
        let folder = try Self.dataWithNextWave()
        let spec = try Self.finalReportSpec(in: root, lastYear: nil)
        let summary = try await ReportPipeline(
            options: .init(
                specFile: spec, dataFolder: folder,
                outputFolder: root.appendingPathComponent("out"), formats: [.md])
        ).run()
        let names = [
            "plattformZugang", "koordinierteBearbeitung", "finanzierungDeutlichste", "finanzierungFoerderjahr",
            "kundensteuerungPandemie", "coronaLetzteZweiWellen", "themenbereiche", "ausblick", "qualitaetsstandards",
        ]
        #expect(summary.staleAssessments.count == names.count)
        #expect(summary.proseFindings == [])
        let checklist = try String(contentsOf: root.appendingPathComponent("out/redaktion.md"), encoding: .utf8)
        for name in names { #expect(checklist.contains("**\(name)**"), "\(name)") }
        // III.05 did not fall among the twelve: the assessment that explains a fall says so.
        #expect(checklist.contains("„ja“ 2021 8, 2022 8 (Arbeitsbündnisse, die in beiden Wellen geantwortet haben)"))
        // Each names the template line of the words it guards, and where the spec holds them.
        #expect(
            checklist.contains("  - Text: bericht.md.mustache, Zeile ")
                && checklist.contains(": „Einschätzung des Instituts: Bei der Zuleitung junger Menschen"))
        #expect(checklist.contains("Einschätzung des Instituts: \\[Spezifikation: texts.financing\\]"))
        let text = try String(contentsOf: root.appendingPathComponent("out/Bericht.md"), encoding: .utf8)
        for stale in [
            "Bei der Zuleitung junger Menschen", "deutlichste Veränderung des letzten Jahres", "In den letzten beiden Wellen",
            "letzten Befragungswelle", "Einschätzung des Instituts",
        ] {
            #expect(!text.contains(stale), "\(stale)")
        }
        #expect(text.contains("In den Wellen 2020 bis 2022 enthielt der Fragebogen Zusatzfragen"))
        #expect(!text.contains("# Ausblick"), "a heading without its text is left out with it")
        // "mehrere Wechsel …:" is followed by the list of moves, never by nothing.
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for (index, line) in lines.enumerated() where line.hasSuffix(":") && line.contains("Wechsel gegenüber") {
            #expect(lines.dropFirst(index + 1).first { !$0.isEmpty }?.hasPrefix("- Von „") == true, "\(line)")
        }
        let current = try await ReportPipeline(
            options: .init(
                specFile: TestPaths.finalReportSpec,
                outputFolder: root.appendingPathComponent("2021"), formats: [.md])
        ).run()
        #expect(current.staleAssessments.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("2021/redaktion.md").path))
    }

    /// The final report's spec in `root`, pinned to `lastYear` (nil: every wave).
    static func finalReportSpec(in root: URL, lastYear: Int?) throws -> URL {
        try SpecCopy.finalReport(in: root) { text in
            text.replacingOccurrences(of: "\nlast_year: 2021\n", with: "\n" + (lastYear.map { "last_year: \($0)\n" } ?? ""))
        }
    }

    /// The message of the spec error a run of the final report pinned to `lastYear` fails with.
    static func specError(lastYear: Int) async throws -> String {
        let root = try TemporaryFolder.make()
        let spec = try finalReportSpec(in: root, lastYear: lastYear)
        let error = await #expect(throws: SpecErrors.self) {
            _ = try await ReportPipeline(options: .init(specFile: spec, outputFolder: root.appendingPathComponent("out"), formats: [.md])).run()
        }
        return error?.description ?? ""
    }

    /// A spec for 2022 over data whose latest wave is 2021 would print 2021 under a 2022
    /// title: it fails and says what is missing.
    @Test func aLastYearAfterTheLatestWaveIsASpecError() async throws {
        let message = try await Self.specError(lastYear: 2022)
        #expect(message.contains("'last_year' is 2022, but the catalogue's latest wave is 2021"), "\(message)")
    }

    @Test func aLastYearBeforeTheFirstWaveIsASpecError() async throws {
        let message = try await Self.specError(lastYear: 2016)
        #expect(message.contains("'last_year' 2016 leaves none of the catalogue's waves"), "\(message)")
    }
}

/// The README's "Next year's data", step by step through the CLI, on a copy of the checkout
/// with a 2022 export that has the quirks real exports bring (a renamed header, a new
/// spelling, a free-text answer with digits and markup) and a region that sat the year out.
@Suite(
    .serialized,
    .enabled(
        if: ExternalTool.available("python:openpyxl") && TestPaths.cliBinary != nil,
        "needs python3 with openpyxl and the built CLI (make test builds it)"))
struct NextYearWalkThroughTests {
    static func cli(_ arguments: [String]) throws -> ExternalTool.Output {
        try ExternalTool.run(try #require(TestPaths.cliBinary), arguments, environment: ["SOURCE_DATE_EPOCH": "1700000000"])
    }

    /// Writes `value` into the catalogue cell (sheet, column header, row) with openpyxl, as
    /// an editor would in Excel; `append` adds it to what is there, after "; ".
    static func editCatalogue(_ data: URL, sheet: String, column: String, row: Int, value: String, append: Bool = false) throws {
        let script = """
            import glob, sys, openpyxl
            path = glob.glob(sys.argv[1] + "/*.xlsx")[0]
            book = openpyxl.load_workbook(path)
            sheet = book[sys.argv[2]]
            column = [c.value for c in sheet[1]].index(sys.argv[3]) + 1
            cell = sheet.cell(row=int(sys.argv[4]), column=column)
            cell.value = (str(cell.value) + "; " + sys.argv[5]) if sys.argv[6] == "1" else sys.argv[5]
            book.save(path)
            """
        let result = try ExternalTool.run("python3", ["-c", script, data.path, sheet, column, String(row), value, append ? "1" : "0"])
        #expect(result.status == 0, "\(result.stderr)")
    }

    @Test func theReadmeStepsGiveACurrentReportAndAChecklist() throws {
        let root = try TemporaryFolder.make()
        let data = try DataFolderFixture().url
        try FileManager.default.copyItem(at: TestPaths.repository.appendingPathComponent("reports"), to: root.appendingPathComponent("reports"))
        try FileManager.default.moveItem(at: data, to: root.appendingPathComponent("data"))
        let dataFolder = root.appendingPathComponent("data")
        let spec2021 = root.appendingPathComponent("reports/abschlussbericht-2021/bericht.yaml")
        let before = try Self.cli(["report", spec2021.path, "--out", root.appendingPathComponent("vorher").path, "--formats", "md"])
        #expect(before.status == 0, "\(before.stderr)")

        // Steps 1 and 2: the export and its catalogue entries (the script's part).
        let added = try ExternalTool.run(
            "python3",
            [
                NextWaveTests.script.path, dataFolder.path, "--drop-region", "Dessau-Roßlau",
                "--changes", "25", "--quirks",
            ])
        #expect(added.status == 0, "\(added.stderr)")

        // Step 3: normalise names each problem and where to fix it; fixed as it says.
        let first = try Self.cli(["normalise", spec2021.path, "--data", dataFolder.path])
        #expect(first.status != 0)
        let header = try #require(
            first.stderr.firstMatch(
                of: /catalogue \(Fragen › (W6 2022) › row (\d+)\) is not in the header row; the closest unclaimed header is '([^']+)'/),
            "\(first.stderr)")
        try Self.editCatalogue(dataFolder, sheet: "Fragen", column: String(header.1), row: try #require(Int(header.2)), value: String(header.3))
        let spelling = try #require(
            first.stderr.firstMatch(
                of:
                    /unknown answer "([^"]+)"; .* a new spelling goes into the catalogue's sheet Antwortkategorien, column Schreibweisen of its category, separated by "; "/
            ))
        try Self.editCatalogue(dataFolder, sheet: "Antwortkategorien", column: "Schreibweisen", row: 2, value: String(spelling.1), append: true)
        let second = try Self.cli(["normalise", spec2021.path, "--data", dataFolder.path])
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stdout.contains("from 6 waves"), "\(second.stdout)")

        // Step 4: next year's spec, from this year's, by one command.
        let made = try Self.cli(["new-report", root.appendingPathComponent("reports/abschlussbericht-2021").path, "--year", "2022"])
        #expect(made.status == 0, "\(made.stderr)")
        #expect(made.stdout.contains("changed last_year: 2021 → 2022") && made.stdout.contains("Before the report goes out, review:"))
        let spec2022 = root.appendingPathComponent("reports/abschlussbericht-2022/bericht.yaml")

        // Step 5: the report, and the editor's checklist.
        let out = root.appendingPathComponent("reports/abschlussbericht-2022/output")
        let report = try Self.cli(["report", spec2022.path, "--formats", "md"])
        #expect(report.status == 0, "\(report.stderr)")
        let text = try String(contentsOf: out.appendingPathComponent("Bericht.md"), encoding: .utf8)
        #expect(text.contains("2017–2022") && text.contains("12 der 13 Arbeitsbündnisse im Jahr 2022"))
        for wrong in ["alle 12 Arbeitsbündnisse", "allen 12 Arbeitsbündnissen"] { #expect(!text.contains(wrong), "\(wrong)") }
        #expect(text.contains("Hotline 0391 567-0, 24 h erreichbar. 3 Träger \\<b\\>\\*neu\\*\\</b\\> seit 2022"), "quoted, escaped, not a rule")
        let checklist = try String(contentsOf: out.appendingPathComponent("redaktion.md"), encoding: .utf8)
        #expect(checklist.contains("## Einschätzungen") && !checklist.contains("## Sätze"))
        let stale = report.stderr.split(separator: "\n").filter { $0.contains("no longer matches the data") }
        #expect(stale.count == 9, "\(report.stderr)")
        for line in stale {
            let name = try #require(line.firstMatch(of: /assessment '([^']+)'/)).1
            #expect(checklist.contains("**\(name)**"), "\(name)")
        }

        // This year's report over the data with next year's wave: byte for byte as before.
        let after = try Self.cli([
            "report", spec2021.path, "--data", dataFolder.path, "--out", root.appendingPathComponent("nachher").path,
            "--formats", "md",
        ])
        #expect(after.status == 0, "\(after.stderr)")
        let old = try ReliabilityTests.snapshot(root.appendingPathComponent("vorher"))
        let new = try ReliabilityTests.snapshot(root.appendingPathComponent("nachher"))
        #expect(old.count > 10 && old == new)
    }
}
