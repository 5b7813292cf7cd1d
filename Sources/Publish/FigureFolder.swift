import Foundation
import ReportSpec
import SystemInterface

/// The report's figures as files in a private temporary folder (`abbildungen/<stem>.svg`),
/// for pandoc to embed in the DOCX. The publication does not read the figures the run
/// writes to its output folder, so it can be written at the same time as they are.
struct FigureFolder {
    let svgs: [String: String]
    let root = FileManager.default.temporaryDirectory
        .appendingPathComponent("monitoring-figures-\(getpid())-\(UUID().uuidString)", isDirectory: true)

    /// Writes the figures; returns the folder to give pandoc as its resource path.
    func create() throws(PublishError) -> URL {
        let folder = root.appendingPathComponent(OutputLayout.figuresFolder, isDirectory: true)
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw .write(file: folder.path, reason: "cannot create the temporary folder for the DOCX figures")
        }
        for (stem, svg) in svgs.sorted(by: { $0.key < $1.key }) {
            let path = folder.appendingPathComponent("\(stem).svg").path
            if let failure = FileDescriptorWriter.write(Data(svg.utf8), toFile: path) {
                throw .write(file: path, reason: String(cString: strerror(failure)))
            }
        }
        return root
    }

    func remove() {
        try? FileManager.default.removeItem(at: root)
    }
}
