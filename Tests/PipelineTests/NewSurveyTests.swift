import Foundation
import Ingest
import Pipeline
import TestSupport
import Testing
import XlsxWriter

/// `monitoring init DIR`: the starting point of a new survey runs at once, carries every
/// sheet and column the catalogue reader expects, is the user's to edit even when the
/// skeleton is a read-only system folder, and fails with a message naming file, sheet and
/// cell when the user's data breaks it.
@Suite struct NewSurveyTests {
    static func initialise() throws -> URL {
        let folder = try TemporaryFolder.make().appendingPathComponent("neue-befragung")
        let result = try ExternalTool.run(try #require(TestPaths.cliBinary), ["init", folder.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("bericht.yaml"), "says where the spec is: \(result.stdout)")
        return folder
    }

    static func report(_ folder: URL) throws -> (status: Int32, stderr: String, out: URL) {
        let out = folder.appendingPathComponent("output")
        let result = try ExternalTool.run(
            try #require(TestPaths.cliBinary), ["report", folder.appendingPathComponent("bericht.yaml").path, "--out", out.path, "--formats", "md"],
            environment: ["SOURCE_DATE_EPOCH": "1700000000"])
        return (result.status, result.stderr, out)
    }

    @Test func theFirstReportRunsAtOnce() throws {
        let folder = try Self.initialise()
        let run = try Self.report(folder)
        #expect(run.status == 0, "\(run.stderr)")
        let text = try String(contentsOf: run.out.appendingPathComponent("Bericht.md"), encoding: .utf8)
        #expect(text.hasPrefix("---") || text.contains("\n# "), "a report with headings")
        #expect(text.contains("Im Jahr 2025 hat die einzige Einrichtung geantwortet."), "one unit answered, in the singular: \(text.prefix(1200))")
        #expect(text.contains("in der einzigen Einrichtung umgesetzt"), "\(text.prefix(1200))")
        #expect(FileManager.default.fileExists(atPath: run.out.appendingPathComponent("abbildungen/abb01.svg").path))
        #expect(FileManager.default.fileExists(atPath: run.out.appendingPathComponent("Anhang_Befragung.xlsx").path))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("data/Fragenkatalog.workbook.yaml").path))
    }

    /// In the new folder `monitoring report` needs no spec: it takes `bericht.yaml` there.
    @Test func inTheNewFolderTheReportNeedsNoSpecArgument() throws {
        let folder = try Self.initialise()
        let binary = try #require(TestPaths.cliBinary)
        let result = try ExternalTool.run("/bin/sh", ["-c", "cd \"$0\" && exec \"$1\" report --formats md", folder.path, binary])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("1 answer,"), "\(result.stdout)")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("output/Bericht.md").path))
    }

    @Test func theCatalogueHasEverySheetAndColumnTheReaderExpects() throws {
        let folder = try Self.initialise()
        let book = try WorkbookReader.open(folder.appendingPathComponent("data/Fragenkatalog.xlsx"))
        #expect(book.sheetNames == ["Fragen", "Wellen", "Regionen", "Antwortkategorien"])
        func headers(_ sheet: String) throws -> [String] {
            try book.readSheet(named: sheet).rows.first?.cells.map(\.value.text) ?? []
        }
        #expect(
            try headers("Fragen").prefix(8) == ["ID", "Themenbereich", "Typ", "Bezug", "Kurztitel", "Wortlaut", "Antwortoptionen", "Filterantwort"])
        #expect(try headers("Wellen").contains("Regionsspalte"))
        #expect(try headers("Regionen") == ["AGS", "Name", "Typ", "Schreibweisen"])
        let regions = try book.readSheet(named: "Regionen").rows
        #expect(regions.count == 2, "the header and one example row")
        #expect(regions.last?.cells.first?.value.text == "00000001", "a key with leading zeros stays text")
    }

    /// The skeleton installed under /usr/share is read-only; the new folder must not be.
    @Test func theNewFolderIsTheUsersToEditWhenTheSkeletonIsReadOnly() throws {
        let manager = FileManager.default
        let skeleton = try TemporaryFolder.make().appendingPathComponent("new-survey")
        try manager.copyItem(at: TestPaths.repository.appendingPathComponent("share/new-survey"), to: skeleton)
        let all = [skeleton.path] + (manager.subpaths(atPath: skeleton.path) ?? []).map { skeleton.appendingPathComponent($0).path }
        for path in all.reversed() {
            var isFolder: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isFolder) else { continue }
            try manager.setAttributes([.posixPermissions: isFolder.boolValue ? 0o555 : 0o444], ofItemAtPath: path)
        }
        defer { for path in all { try? manager.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path) } }

        let destination = try TemporaryFolder.make().appendingPathComponent("befragung")
        let result = try NewSurvey(destination: destination, skeleton: skeleton).make()
        #expect(result.files.contains("data/Fragenkatalog.xlsx") && result.files.contains("bericht.yaml"), "\(result.files)")
        for relative in ["", "data", "data/waves", "bericht.yaml", "bericht.md.mustache", "data/Fragenkatalog.xlsx"] {
            let mode = try #require(
                try manager.attributesOfItem(atPath: destination.appendingPathComponent(relative).path)[.posixPermissions] as? Int)
            #expect(mode & 0o200 != 0, "\(relative.isEmpty ? "the folder" : relative) is writable for its owner (mode \(String(mode, radix: 8)))")
        }
    }

    /// A new survey made from a copy of the shipped skeleton after `edit` changed it.
    static func survey(fromSkeletonEditedBy edit: (URL) throws -> Void) throws -> URL {
        let skeleton = try TemporaryFolder.make().appendingPathComponent("new-survey")
        try FileManager.default.copyItem(at: TestPaths.repository.appendingPathComponent("share/new-survey"), to: skeleton)
        try edit(skeleton)
        let folder = try TemporaryFolder.make().appendingPathComponent("befragung")
        _ = try NewSurvey(destination: folder, skeleton: skeleton).make()
        return folder
    }

    /// Replaces each text in `file` (below `folder`) in turn; each must be there.
    static func replace(_ replacements: [(String, String)], in file: String, below folder: URL) throws {
        let url = folder.appendingPathComponent(file)
        var text = try String(contentsOf: url, encoding: .utf8)
        for (old, new) in replacements {
            #expect(text.contains(old), "\(file) holds \(old)")
            text = text.replacingOccurrences(of: old, with: new)
        }
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    static let catalogueFile = "data/Fragenkatalog.workbook.yaml"
    static let firstWave = "      - [1, 2025, 01.05.2025, 30.06.2025, Befragung_2025.xlsx, Antworten, 1, 2, Einrichtung]"
    static let secondWave = "      - [2, 2026, 01.05.2026, 30.06.2026, Befragung_2026.xlsx, Antworten, 1, 2, Einrichtung]"

    /// Wave 2026 in Wellen and its file in waves/ (a copy of the 2025 example).
    static func addSecondWave(to skeleton: URL) throws {
        try replace([(firstWave, firstWave + "\n" + secondWave)], in: catalogueFile, below: skeleton)
        try FileManager.default.copyItem(
            at: skeleton.appendingPathComponent("data/waves/Befragung_2025.workbook.yaml"),
            to: skeleton.appendingPathComponent("data/waves/Befragung_2026.workbook.yaml"))
    }

    /// A multiple choice whose options were not tied to it (Bezug left empty) is named with
    /// the spec line and what the catalogue needs, instead of failing in the annex writer.
    @Test func aMultipleChoiceWithoutOptionsIsNamedBeforeAnythingIsWritten() throws {
        let folder = try Self.survey { skeleton in
            let row = "      - [A.01, A, Status,"
            try Self.replace(
                [(row, "      - [A.02, A, Mehrfachauswahl, \"\", Wege, \"Welche Wege?\", \"\", \"\", \"\"]\n" + row)],
                in: Self.catalogueFile, below: skeleton)
            let figure = "  - { number: 1, item: A.01, kind: status }"
            try Self.replace([(figure, figure + "\n  - { number: 2, item: A.02, kind: options }")], in: "bericht.yaml", below: skeleton)
        }

        let run = try Self.report(folder)
        #expect(run.status == 2, "\(run.stderr)")
        #expect(
            run.stderr.contains(
                "figure 2: the multiple choice 'A.02' has no options; in the catalogue's sheet Fragen each option is a row with Typ Option and Bezug A.02"
            ),
            "\(run.stderr)")
        #expect(!run.stderr.contains("libxlsxwriter"), "\(run.stderr)")
    }

    /// A second wave added to Wellen and waves/ but not given its column in Fragen would be
    /// read as empty: it is an error at the header cell where the column belongs.
    @Test func aWaveWithoutItsColumnInFragenIsNamed() throws {
        let folder = try Self.survey { skeleton in
            try Self.addSecondWave(to: skeleton)
            try Self.replace([("last_year: 2025", "last_year: 2026")], in: "bericht.yaml", below: skeleton)
        }

        let run = try Self.report(folder)
        #expect(run.status == 1, "\(run.stderr)")
        #expect(
            run.stderr.contains(
                "Fragenkatalog.xlsx › Fragen › J1: the sheet Wellen defines wave 2 (2026), but Fragen has no column 'W2 2026' with its questions' headers"
            ),
            "\(run.stderr)")
    }

    /// Next year's wave added to the data while the spec still ends a year earlier: the report
    /// is written for the spec's year, and stderr says which wave was left out.
    @Test func aWaveAfterLastYearIsLeftOutAndSaidSo() throws {
        let folder = try Self.survey { skeleton in
            try Self.addSecondWave(to: skeleton)
            let column = "      - [\"W1 2025\","
            let row = "\"umgesetzt | teilweise umgesetzt | nicht umgesetzt\", \"\", F1]"
            try Self.replace(
                [(column, "      - [\"W2 2026\", \"Welle 2\"]\n" + column), (row, row.replacingOccurrences(of: "F1]", with: "F1, F1]"))],
                in: Self.catalogueFile, below: skeleton)
        }

        let run = try Self.report(folder)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(
            run.stderr.contains(
                "note: wave 2 (2026) comes after the spec's last_year 2025 and is left out; to report on it, start next year's report"),
            "\(run.stderr)")
    }

    @Test func aFolderThatHoldsFilesIsLeftAlone() throws {
        let folder = try TemporaryFolder.make().appendingPathComponent("befragung")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data("mine".utf8).write(to: folder.appendingPathComponent("notizen.txt"))
        let result = try ExternalTool.run(try #require(TestPaths.cliBinary), ["init", folder.path])
        #expect(result.status == 3, "\(result.stderr)")
        #expect(result.stderr.contains("\(folder.path) exists and is not empty"), "\(result.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["notizen.txt"])
        let siblings = try FileManager.default.contentsOfDirectory(atPath: folder.deletingLastPathComponent().path)
        #expect(siblings == ["befragung"], "no staging folder left behind: \(siblings)")
    }

    /// The user replaces the example wave with an export naming a unit the catalogue does not
    /// list: the report stops with exit 1 and says which file, sheet and cell.
    @Test func dataTheUserFillsInFailsWithFileSheetAndCell() throws {
        let folder = try Self.initialise()
        let wave = folder.appendingPathComponent("data/waves/Befragung_2025.xlsx")
        let book = try XlsxWorkbook(path: wave.path)
        let sheet = try book.addWorksheet(named: "Antworten")
        for (column, text) in ["Einrichtung", "F1"].enumerated() { try sheet.write(text, row: 0, column: column) }
        for (column, text) in ["Beispieleinrichtung", "umgesetzt"].enumerated() { try sheet.write(text, row: 1, column: column) }
        for (column, text) in ["Unbekannte Einrichtung", "umgesetzt"].enumerated() { try sheet.write(text, row: 2, column: column) }
        try book.close()

        let run = try Self.report(folder)
        #expect(run.status == 1, "\(run.stderr)")
        #expect(run.stderr.contains("Befragung_2025.xlsx › Antworten › A3"), "\(run.stderr)")
        #expect(run.stderr.contains("Unbekannte Einrichtung"), "\(run.stderr)")
    }
}
