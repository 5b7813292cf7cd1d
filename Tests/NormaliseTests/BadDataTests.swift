import Foundation
import Ingest
import IngestFixtures
import Normalise
import TestSupport
import Testing

/// Broken survey data: every problem is collected with file, sheet, cell and item.
@Suite struct BadDataTests {
    static let wave3 = "Monitoring_W3_2019.xlsx"

    func errors(
        editing file: String = wave3, sheet: String = "Antworten",
        _ edit: @escaping (inout [[String]]) -> Void
    ) throws -> [String] {
        let fixture = try DataFolderFixture()
        try fixture.replaceWaveWithCSV(file, sheet: sheet, edit: edit)
        do {
            _ = try DataFolder(url: fixture.url).normalise()
            return []
        } catch {
            return error.errors.map(\.description)
        }
    }

    /// Next year's export put into waves/ before the catalogue names it: not read, but said.
    @Test func aWaveFileTheCatalogueDoesNotNameIsNoted() throws {
        let fixture = try DataFolderFixture()
        try FileManager.default.copyItem(
            at: fixture.waves.appendingPathComponent("Monitoring 2021 - Welle 5 - final.xlsx"),
            to: fixture.waves.appendingPathComponent("Monitoring 2022 - Welle 6 - final.xlsx"))
        try Data().write(to: fixture.waves.appendingPathComponent("~$Monitoring 2022 - Welle 6 - final.xlsx"))
        let original = try DataFolder(url: TestPaths.data).normalise()
        let data = try DataFolder(url: fixture.url).normalise()
        #expect(data.answers.count == original.answers.count)
        let added = data.notes.map(\.description).filter { !original.notes.map(\.description).contains($0) }
        #expect(
            added == [
                "Fragenkatalog_RUEMSA_Monitoring.xlsx › Wellen: 'Monitoring 2022 - Welle 6 - final.xlsx' in waves/ is named "
                    + "by no row of the catalogue's sheet Wellen, so it is not read; add a row for it (and its column in Fragen) to read it"
            ])
    }

    @Test func aWaveAsCSVGivesTheSameTidyAnswers() throws {
        let original = try DataFolder(url: TestPaths.data).normalise()
        let fixture = try DataFolderFixture()
        try fixture.replaceWaveWithCSV(Self.wave3, sheet: "Antworten")
        try fixture.replaceWaveWithCSV("RÜMSA Monitoring Welle 2 (2018).xlsx", sheet: "Welle 2", separator: ",", bom: false)
        try fixture.replaceWaveWithCSV("welle4_2020_export.xlsx", sheet: "Export")
        let fromCSV = try DataFolder(url: fixture.url).normalise()
        func key(_ a: TidyAnswer) -> String { "\(a.wave)|\(a.regionAGS)|\(a.item)|\(a.value)" }
        #expect(fromCSV.answers.map(key) == original.answers.map(key))
        #expect(fromCSV.answers.first { $0.year == 2019 }?.source.file == "Monitoring_W3_2019.csv")
    }

    @Test func unknownAnswer() throws {
        let errors = try errors { $0[7][2] = "vielleicht" }  // C8: LK Harz, F02
        #expect(
            errors == [
                "Monitoring_W3_2019.csv › Monitoring_W3_2019 › C8 (I.02, Harz): unknown answer \"vielleicht\"; "
                    + "expected ja, j, in Erarbeitung, in Bearbeitung, i. E., nein, n, keine Angabe, k.A., k. A., -; "
                    + "a new spelling goes into the catalogue's sheet Antwortkategorien, column Schreibweisen of its category, separated by \"; \""
            ])
    }

    @Test func duplicateRegion() throws {
        let errors = try errors { grid in grid[13][0] = "Harz" }  // row 14 (Wittenberg) renamed
        #expect(errors.contains("Monitoring_W3_2019.csv › Monitoring_W3_2019 › A14 (Harz): region Harz appears twice in this wave (also A8)"))
    }

    @Test func unknownRegion() throws {
        let errors = try errors { grid in grid[13][0] = "Magdeburg" }
        #expect(
            errors == [
                "Monitoring_W3_2019.csv › Monitoring_W3_2019 › A14: unknown region \"Magdeburg\"; expected an official name, a spelling from the sheet Regionen or an AGS code"
            ])
    }

    @Test func missingHeader() throws {
        let errors = try errors { grid in grid[0][9] = "F05 Plattform" }  // J1 was F05
        #expect(
            errors == [
                "Monitoring_W3_2019.csv › Monitoring_W3_2019 › A1 (I.05): column 'F05' named by the catalogue "
                    + "(Fragen › W3 2019 › row 11) is not in the header row"
            ])
    }

    @Test func duplicatedHeader() throws {
        let errors = try errors { grid in grid[0][3] = "F02" }  // D1 was F03
        #expect(errors.contains("Monitoring_W3_2019.csv › Monitoring_W3_2019 › D1: header 'F02' appears twice (also C1)"))
        // The header that took F03's place is named, at its own cell.
        #expect(
            errors.contains(
                "Monitoring_W3_2019.csv › Monitoring_W3_2019 › D1 (I.03): column 'F03' named by the catalogue "
                    + "(Fragen › W3 2019 › row 4) is not in the header row; the closest unclaimed header is 'F02': "
                    + "if that is the question, write it into the catalogue cell (`monitoring inspect` shows the file's header row and answers)"))
    }

    @Test func headerRowMissing() throws {
        let errors = try errors { grid in grid.insert(Array(repeating: "", count: grid[0].count), at: 0) }
        #expect(
            errors == [
                "Monitoring_W3_2019.csv › Monitoring_W3_2019 › A1: region column 'Landkreis/kreisfreie Stadt' not found in header row 1; it is in row 2 — correct 'Kopfzeile' in the catalogue"
            ])
    }

    @Test func problemsAreCollectedNotThrownOneAtATime() throws {
        let errors = try errors { grid in
            grid[2][1] = "jein"
            grid[3][1] = "vielleicht"
            grid[13][0] = "Atlantis"
        }
        #expect(errors.count == 3)
    }

    @Test func missingWaveFile() throws {
        let fixture = try DataFolderFixture()
        try FileManager.default.removeItem(at: fixture.waves.appendingPathComponent(Self.wave3))
        let problems = #expect(throws: DataProblems.self) { try DataFolder(url: fixture.url).normalise() }
        #expect(
            problems?.errors.map(\.description) == [
                "Fragenkatalog_RUEMSA_Monitoring.xlsx › Wellen: the catalogue names wave file 'Monitoring_W3_2019.xlsx', but it is not in waves/ (as .xlsx or .csv)"
            ])
    }

    @Test func missingRegionIsANote() throws {
        let fixture = try DataFolderFixture()
        try fixture.replaceWaveWithCSV(Self.wave3, sheet: "Antworten") { grid in grid.removeLast() }
        let data = try DataFolder(url: fixture.url).normalise()
        #expect(
            data.notes.map(\.description).contains(
                "Monitoring_W3_2019.csv › Monitoring_W3_2019 (Wittenberg): region Wittenberg has no row in this wave"))
        #expect(data.answers.filter { $0.year == 2019 && $0.item == "I.01" }.count == 12)
    }
}
