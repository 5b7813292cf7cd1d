import Foundation
import TestSupport

/// Copies of an example's data with the catalogue changed as an analyst would change it
/// in Excel (needs python3 with openpyxl).
extension ExampleSurvey {
    /// A copy of an example's data in which `item` is opened by `answer` of its parent
    /// (`Filterantwort`, several separated by " | ").
    package static func data(opening item: String, with answer: String, in source: URL = data) throws -> URL {
        let folder = try DataFolderFixture(copying: source).url
        let script = """
            import glob, sys, openpyxl
            path = glob.glob(sys.argv[1] + "/*.xlsx")[0]
            book = openpyxl.load_workbook(path)
            sheet = book["Fragen"]
            header = [c.value for c in sheet[1]]
            rows = [r for r in range(2, sheet.max_row + 1) if sheet.cell(row=r, column=1).value == sys.argv[2]]
            if not rows: sys.exit("no item " + sys.argv[2])
            for row in rows:
                sheet.cell(row=row, column=header.index("Filterantwort") + 1, value=sys.argv[3])
            book.save(path)
            """
        let result = try ExternalTool.run("python3", ["-c", script, folder.path, item, answer])
        guard result.status == 0 else { throw ExampleSurveyError(message: result.stderr) }
        return folder
    }

    struct ExampleSurveyError: Error, CustomStringConvertible {
        let message: String
        var description: String { message }
    }
}
