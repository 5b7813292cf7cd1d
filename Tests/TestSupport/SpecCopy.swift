import Foundation

/// The shipped final report's spec, written into another folder with its relative paths
/// (data, published figures, free-text coding, template, house style) made absolute, so a test can change a
/// line or put its own template beside it.
package enum SpecCopy {
    /// Writes `bericht.yaml` into `folder`; `keepTemplate: false` leaves `template:` relative
    /// (the test writes its own), `edit` changes the text before it is written.
    package static func finalReport(
        in folder: URL, keepTemplate: Bool = true,
        edit: (String) -> String = { $0 }
    ) throws -> URL {
        let shipped = TestPaths.finalReportSpec.deletingLastPathComponent()
        func absolute(_ key: String, _ relative: String, _ text: String) -> String {
            text.replacingOccurrences(
                of: "\(key): \"\(relative)\"",
                with: "\(key): \"\(shipped.appendingPathComponent(relative).standardizedFileURL.path)\"")
        }
        var text = try String(contentsOf: TestPaths.finalReportSpec, encoding: .utf8)
            .replacingOccurrences(of: "data: \"../../data\"", with: "data: \"\(TestPaths.data.path)\"")
        text = absolute("table", "veroeffentlichte-werte.csv", text)
        text = absolute("coding", "kodierung.csv", text)
        text = absolute("style", "../hausstil", text)
        if keepTemplate { text = absolute("template", "bericht.md.mustache", text) }
        let url = folder.appendingPathComponent("bericht.yaml")
        try edit(text).write(to: url, atomically: true, encoding: .utf8)
        return url
    }
}
