import Foundation
import Ingest
import IngestFixtures
import Normalise
import Pipeline
import SyntheticData
import TestSupport
import Testing

/// Synthetic surveys and regional profiles: the scale feature, tested small.
@Suite(.serialized) struct ScaleTests {
    static let catalogue: Catalogue? = {
        if let data = try? DataFolder(url: TestPaths.data).normalise() { return data.catalogue }
        return nil
    }()

    static func generate(regions: Int, waves: Int, seed: UInt64) throws -> URL {
        let folder = try TemporaryFolder.make().appendingPathComponent("synth")
        try SyntheticSurvey(regions: regions, waves: waves, seed: seed, template: try #require(catalogue)).write(to: folder)
        return folder
    }

    static func answers(_ folder: URL) throws -> NormalisedData {
        let data = try DataFolder(url: folder).normalise()
        return data
    }

    @Test func generatedSurveysAreDeterministicAndCarryTheQuirks() async throws {
        let first = try Self.answers(try Self.generate(regions: 30, waves: 4, seed: 7))
        let again = try Self.answers(try Self.generate(regions: 30, waves: 4, seed: 7))
        let other = try Self.answers(try Self.generate(regions: 30, waves: 4, seed: 8))
        func key(_ a: TidyAnswer) -> String { "\(a.wave)|\(a.regionAGS)|\(a.item)|\(a.value)" }
        #expect(first.answers.map(key) == again.answers.map(key))
        #expect(first.answers.map(key) != other.answers.map(key))
        #expect(first.waves.count == 4)
        #expect(first.waves.allSatisfy { $0.regionCount == 30 })
        // Title rows, aliases, AGS numbers, synonyms and gaps were all read.
        let notes = first.notes.map(\.description)
        #expect(notes.contains { $0.contains("column 'Bemerkung' is not in the catalogue") })
        #expect(notes.contains { $0.contains("is hidden in the workbook") })
        let values = Set(first.answers.filter { !$0.isFreeText }.map(\.value))
        #expect(values.isSuperset(of: ["ja", "in Erarbeitung", "nein", "keine Angabe", "ausgewählt", "nicht ausgewählt"]))
    }

    @Test func profilesRenderTheSameInParallelAndSerially() async throws {
        let data = try Self.generate(regions: 24, waves: 3, seed: 11)
        let root = try TemporaryFolder.make()
        for (name, serial) in [("parallel", false), ("serial", true)] {
            _ = try await ReportPipeline(
                options: .init(
                    specFile: TestPaths.finalReportSpec, dataFolder: data,
                    outputFolder: root.appendingPathComponent(name), profiles: true,
                    serial: serial, formats: [.md])
            ).run()
        }
        let files = try FileManager.default.subpathsOfDirectory(atPath: root.appendingPathComponent("serial").path).sorted()
        #expect(files.filter { $0.hasPrefix("intern/regionalprofile/profil-") }.count == 48)
        for file in files where !file.hasSuffix(".xlsx") {
            let a = root.appendingPathComponent("parallel/\(file)")
            let b = root.appendingPathComponent("serial/\(file)")
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: b.path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            #expect(try Data(contentsOf: a) == Data(contentsOf: b), "\(file) differs")
        }
        for workbook in files where workbook.hasSuffix(".xlsx") {
            let a = try ZipEntries.read(root.appendingPathComponent("parallel/\(workbook)"))
            let b = try ZipEntries.read(root.appendingPathComponent("serial/\(workbook)"))
            #expect(a == b, "\(workbook) differs")
        }
        let profiles = try WorkbookReader.open(root.appendingPathComponent("serial/intern/regionalprofile/Regionalprofile.xlsx"))
        #expect(profiles.sheetNames.count == 24)
        #expect(profiles.sheetNames.first == "10001 Region 001")
    }

    @Test(.enabled(if: ExternalTool.checkSVG != nil && ExternalTool.exists("chromium"), "needs chromium and check-svg"))
    func twentyProfilesPassCheckSVG() async throws {
        let data = try Self.generate(regions: 20, waves: 10, seed: 3)
        let out = try TemporaryFolder.make().appendingPathComponent("out")
        _ = try await ReportPipeline(
            options: .init(
                specFile: TestPaths.finalReportSpec, dataFolder: data,
                outputFolder: out, profiles: true, formats: [.md])
        ).run()
        let folder = out.appendingPathComponent("intern/regionalprofile")
        let svgs = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".svg") }
        #expect(svgs.count == 20)
        let result = try ExternalTool.run("python3", [try #require(ExternalTool.checkSVG).path, folder.path])
        #expect(result.status == 0, "\(result.stdout)")
        #expect(result.stdout.contains("20 passed, 0 failed"))
    }
}
