import Foundation
import Pipeline

/// Writes the report of `spec` into `folder` as Markdown and HTML; returns the CLI's exit code.
func writeReport(spec: URL, to folder: URL) async -> Int32 {
    let pipeline = ReportPipeline(options: .init(specFile: spec, outputFolder: folder, formats: [.md, .html]))
    do {
        let summary = try await pipeline.run()
        print("\(summary.files.count) files in \(summary.outputFolder.path), \(summary.notes.count) note(s)")
        return 0
    } catch let error as any UserFacingError {
        print(error.userMessage)  // file › sheet › cell and what was expected
        return error.exitStatus.rawValue  // the CLI's exit code for it
    } catch {
        print(error)
        return 1
    }
}
