import Foundation
import SystemInterface

/// The institute's house style for the publication formats: a folder (spec field `style`)
/// holding the pandoc HTML template, the stylesheet shared by screen and print, and the Word
/// reference document. Everything a reader sees of the layout lives there, not in Swift.
package struct PublicationStyle: Sendable {
    /// pandoc HTML template: title block, landmarks, the contents (`$table-of-contents$`).
    package static let htmlTemplateName = "report.html"
    /// One stylesheet for screen and print (`@page`, running footer, contents page numbers).
    package static let stylesheetName = "report.css"
    /// pandoc's `--reference-doc`: fonts, heading and caption styles for Word.
    package static let referenceDocumentName = "reference.docx"

    package let folder: URL
    package let htmlTemplate: URL
    package let stylesheet: String
    package let referenceDocument: URL

    /// The house style shipped with the tool, for a spec without `style:`: in an installed
    /// tree (`share/monitoring/hausstil`) or in the checkout the binary was built in
    /// (`reports/hausstil`, from the binary upwards or where the binary was compiled).
    package static func shippedFolder(executable: URL = SharedFiles.executable, buildCheckout: URL? = SharedFiles.compiledCheckout) -> URL? {
        SharedFiles(executable: executable, buildCheckout: buildCheckout).locate(SharedFiles.houseStyle, marker: htmlTemplateName)
    }

    /// Reads the style folder; a missing or unreadable file is named with what it is for.
    package init(folder: URL) throws(PublishError) {
        self.folder = folder
        htmlTemplate = folder.appendingPathComponent(Self.htmlTemplateName)
        referenceDocument = folder.appendingPathComponent(Self.referenceDocumentName)
        for (url, purpose) in [(htmlTemplate, "the HTML template"), (referenceDocument, "the Word reference document")]
        where !FileManager.default.isReadableFile(atPath: url.path) {
            throw PublishError.style(file: url.path, problem: "missing (\(purpose) of the house style)")
        }
        let css = folder.appendingPathComponent(Self.stylesheetName)
        guard let text = try? String(contentsOf: css, encoding: .utf8) else {
            throw PublishError.style(file: css.path, problem: "missing or not UTF-8 (the stylesheet of the house style)")
        }
        stylesheet = text
    }
}
