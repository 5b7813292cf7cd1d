import Aggregate
import Concurrency
import Foundation
import Normalise
import RenderExcel
import RenderReport
import RenderSVG
import ReportSpec
import XlsxWriter

/// One page per region: SVG and Markdown rendered on all cores (the result does not depend
/// on scheduling), the profiles workbook written meanwhile as a child task.
struct ProfilesOutput: OutputWriter {
    let model: ReportModel
    let data: NormalisedData
    let created: Int?
    let serial: Bool

    static let folder = InternalOutputs.folder + "/regionalprofile"
    static let workbookFile = folder + "/Regionalprofile.xlsx"
    var name: String { "regional profiles" }

    func write(into folder: AtomicOutputDirectory) async throws -> WrittenOutput {
        let set = ProfileSet(data: data, scales: model.spec.scales)
        let workbookPath = try folder.url(for: Self.workbookFile).path
        let workbook = ProfilesWorkbook(set: set, sourceLine: model.sourceLine, created: created)
        async let workbookWritten: Void = Self.write(workbook, to: workbookPath)
        if serial { try await workbookWritten }
        let themes = Dictionary(model.spec.themes.map { ($0.code, $0.title) }, uniquingKeysWith: { a, _ in a })
        // Each page is written as soon as it is rendered, on the core that rendered it: at
        // 10,800 units, holding every page until the end took 380 MB.
        let renderAndWrite: @Sendable (RegionProfile) -> OutputError? = { profile in
            let rendered = page(profile, set: set, themes: themes)
            do throws(OutputError) {
                try folder.write(rendered.svg, to: "\(Self.folder)/\(profile.fileStem).svg")
                try folder.write(rendered.markdown, to: "\(Self.folder)/\(profile.fileStem).md")
                return nil
            } catch {
                return error
            }
        }
        let failures = serial ? set.profiles.map(renderAndWrite) : ParallelMap.map(set.profiles, renderAndWrite)
        if let failure = failures.lazy.compactMap({ $0 }).first { throw failure }
        let files = set.profiles.flatMap { ["\(Self.folder)/\($0.fileStem).svg", "\(Self.folder)/\($0.fileStem).md"] }
        try await workbookWritten
        return WrittenOutput(files: files + [Self.workbookFile])
    }

    private static func write(_ workbook: ProfilesWorkbook, to path: String) async throws {
        do { try workbook.write(to: path) } catch { throw OutputError(.writeFile, path: workbookFile, reason: error.description) }
    }

    private func page(_ profile: RegionProfile, set: ProfileSet, themes: [String: String]) -> (svg: String, markdown: String) {
        let spec = model.spec
        let svg = ProfileChart().svg(
            profile, set: set, unitPlural: spec.unitPlural, sourceLine: model.sourceLine,
            themeTitles: themes, scales: spec.scales, missingCategory: model.catalogue.missingCategory)
        let alt = "Regionalprofil \(profile.name): Antworten je Erhebungsjahr und Anteil \(set.positiveLabel) aller \(spec.unitPlural)."
        let markdown = ProfileMarkdown.render(
            profile, set: set, unitPlural: spec.unitPlural, sourceLine: model.sourceLine,
            dataNote: spec.dataNote, altText: alt)
        return (svg, markdown)
    }
}
