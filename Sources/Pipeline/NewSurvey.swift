import Diagnostics
import Foundation
import SystemInterface
import XlsxWriter
import Yams

/// A new survey's starting point (`monitoring init DIR`): the shipped skeleton folder copied
/// to `DIR` — a spec with every field and a comment, a template that uses the main
/// placeholders — with each `*.workbook.yaml` in it written as the workbook it describes
/// (the catalogue with every sheet and column the reader expects, one example wave), so the
/// first `monitoring report DIR/bericht.yaml` runs at once. The words of the skeleton live in
/// its files, not here. The folder is made beside `DIR` and moved into place when complete.
public struct NewSurvey: Sendable {
    public let destination: URL
    /// The skeleton folder; nil: the one shipped beside the binary (`share/new-survey`).
    public let skeleton: URL?

    /// What was made: the folder, its spec and the files written.
    public struct Result: Sendable {
        public let folder: URL
        public let spec: URL
        public let files: [String]
    }

    public struct Failure: UserFacingError {
        public let message: String
        public var userMessage: String { message }
        public var description: String { message }
        public var exitStatus: ExitStatus { .outputFailed }
    }

    /// A workbook as the skeleton describes it: sheets with commented headers and rows.
    struct WorkbookDescription: Decodable {
        struct Sheet: Decodable {
            let name: String
            /// `[header, comment]` pairs.
            var columns: [[String]] = []
            var rows: [[String]] = []

            enum CodingKeys: CodingKey { case name, columns, rows }

            init(from decoder: any Decoder) throws {
                let container = try decoder.container(keyedBy: CodingKeys.self)
                name = try container.decode(String.self, forKey: .name)
                columns = try container.decodeIfPresent([[String]].self, forKey: .columns) ?? []
                rows = try container.decodeIfPresent([[String]].self, forKey: .rows) ?? []
            }
        }
        let sheets: [Sheet]
    }

    static let workbookSuffix = ".workbook.yaml"

    public init(destination: URL, skeleton: URL? = nil) {
        self.destination = destination.standardizedFileURL
        self.skeleton = skeleton?.standardizedFileURL
    }

    public func make() throws(Failure) -> Result {
        let manager = FileManager.default
        guard let source = skeleton ?? SharedFiles().locate(SharedFiles.newSurvey, marker: "bericht.yaml") else {
            throw Failure(message: "the new-survey skeleton is not installed beside the binary (share/monitoring/new-survey); reinstall the package")
        }
        if manager.fileExists(atPath: destination.path) {
            let entries = (try? manager.contentsOfDirectory(atPath: destination.path)) ?? ["?"]
            guard entries.isEmpty else { throw Failure(message: "\(destination.path) exists and is not empty; choose a new folder") }
        }
        let parent = destination.deletingLastPathComponent()
        let staging = parent.appendingPathComponent(".\(destination.lastPathComponent).new-\(ProcessInfo.processInfo.processIdentifier)")
        var files: [String] = []
        do {
            try manager.createDirectory(at: parent, withIntermediateDirectories: true)
            try? manager.removeItem(at: staging)
            try Self.copy(source, to: staging)
            for relative in Self.files(under: staging) where relative.hasSuffix(Self.workbookSuffix) {
                let description = staging.appendingPathComponent(relative)
                let workbook = String(relative.dropLast(Self.workbookSuffix.count)) + ".xlsx"
                try Self.writeWorkbook(described: description, to: staging.appendingPathComponent(workbook), name: relative)
                try manager.removeItem(at: description)
            }
            files = Self.files(under: staging)
            if manager.fileExists(atPath: destination.path) { try manager.removeItem(at: destination) }
            try manager.moveItem(at: staging, to: destination)
        } catch let failure as Failure {
            try? manager.removeItem(at: staging)
            throw failure
        } catch {
            try? manager.removeItem(at: staging)
            throw Failure(message: "\(destination.path): cannot write the new survey folder (\(error.localizedDescription))")
        }
        return Result(folder: destination, spec: destination.appendingPathComponent("bericht.yaml"), files: files)
    }

    /// Copies the skeleton file by file: the folders and files are made anew, so they belong
    /// to the user and are writable even when the skeleton is a read-only system folder
    /// (`copyItem` would carry over `/usr/share`'s modes).
    static func copy(_ source: URL, to target: URL) throws {
        let manager = FileManager.default
        try manager.createDirectory(at: target, withIntermediateDirectories: true)
        for relative in files(under: source) {
            let file = target.appendingPathComponent(relative)
            try manager.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(contentsOf: source.appendingPathComponent(relative)).write(to: file)
        }
    }

    /// Every file below `folder`, relative, sorted.
    static func files(under folder: URL) -> [String] {
        let base = folder.resolvingSymlinksInPath().path + "/"
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])
        var result: [String] = []
        while let url = enumerator?.nextObject() as? URL {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            let path = url.resolvingSymlinksInPath().path
            result.append(path.hasPrefix(base) ? String(path.dropFirst(base.count)) : url.lastPathComponent)
        }
        return result.sorted()
    }

    /// Writes the workbook a `*.workbook.yaml` describes: bold headers carrying their comment
    /// as a cell note, the rows below; a whole number without a leading zero is a number,
    /// everything else a string (never a formula).
    static func writeWorkbook(described description: URL, to output: URL, name: String) throws {
        let parsed: WorkbookDescription
        do {
            parsed = try YAMLDecoder().decode(WorkbookDescription.self, from: String(contentsOf: description, encoding: .utf8))
        } catch {
            throw Failure(message: "\(name): not a workbook description (\(error))")
        }
        let book = try XlsxWorkbook(path: output.path)
        let bold = try book.addFormat().bold()
        for sheet in parsed.sheets {
            let worksheet = try book.addWorksheet(named: sheet.name)
            var widths: [Int] = []
            for (column, pair) in sheet.columns.enumerated() {
                guard let header = pair.first else { continue }
                try worksheet.write(header, row: 0, column: column, format: bold)
                if pair.count > 1 { try worksheet.writeComment(pair[1], row: 0, column: column) }
                widths.append(header.count)
            }
            let first = sheet.columns.isEmpty ? 0 : 1
            for (offset, row) in sheet.rows.enumerated() {
                for (column, text) in row.enumerated() where !text.isEmpty {
                    if let number = Int(text), !text.hasPrefix("0"), !text.hasPrefix("+") {
                        try worksheet.write(Double(number), row: first + offset, column: column)
                    } else {
                        try worksheet.write(text, row: first + offset, column: column)
                    }
                    if column < widths.count { widths[column] = max(widths[column], text.count) } else { widths.append(text.count) }
                }
            }
            if !sheet.columns.isEmpty { try worksheet.freezePanes(row: 1) }
            // Keys with leading zeros are text on purpose; Excel should not flag them.
            try worksheet.ignoreNumbersStoredAsText(in: "A1:XFD1048576")
            for (column, width) in widths.enumerated() {
                try worksheet.setColumns(column...column, width: Double(min(max(width, 8), 60)) + 2)
            }
        }
        try book.close()
    }
}
