import Aggregate
import Formatting
import Foundation
import Ingest
import Normalise
import ReportSpec
import XlsxWriter

/// The Excel annexes. The published one (`audience == .published`): a cover with every
/// symbol and abbreviation explained, contents, numbered notes, one sheet per figure and
/// table with the numbers (Excel tables) and a native chart, the codebook; aggregates
/// only. The internal one (`.internal`), written beside it and at the same time: the
/// answers of every unit and the validation notes, marked on every sheet and page.
package struct AnnexWriter: Sendable {
    package let model: ReportModel
    package let answers: AnswerTable
    package let issues: [ValidationIssue]
    /// Creation time (seconds since 1970) written into the document properties.
    package let created: Int?
    /// The CSV file beside the internal workbook that holds every answer (named on the
    /// answers sheet when they do not fit into it).
    package let answersFile: String
    package let audience: ReportSpec.Audience

    /// The answers sheet's table starts below a title block; Excel's sheets end at row 1,048,576.
    package static let answerRowsPerSheet = 1_048_576 - 20
    // libxlsxwriter's constant-memory mode is not used: it has no Excel tables and needs
    // every sheet written strictly row by row, and the annex is laid out with tables as
    // official statistics publish them. The row limit bounds the memory instead.

    package init(
        model: ReportModel, answers: AnswerTable, issues: [ValidationIssue], created: Int?,
        answersFile: String = "responses.csv", audience: ReportSpec.Audience = .published
    ) {
        self.model = model
        self.answers = answers
        self.issues = issues
        self.created = created
        self.answersFile = answersFile
        self.audience = audience
    }

    /// The internal workbook's file name: the published annex's, marked "_intern".
    package static func internalFile(for annexFile: String) -> String {
        let name = (annexFile as NSString).lastPathComponent
        let stem = name.hasSuffix(".xlsx") ? String(name.dropLast(5)) : name
        return stem + "_intern.xlsx"
    }

    /// Whether the answers sheet lists the answers: all of them, unless they exceed the
    /// spec's `annex_answer_rows` or what one sheet holds; then none, and the sheet says so.
    package var answersFitTheSheet: Bool {
        answers.count <= min(model.spec.annexAnswerRows ?? Self.answerRowsPerSheet, Self.answerRowsPerSheet)
    }

    /// libxlsxwriter writes every part to a temporary file before zipping; a memory-backed
    /// folder (`/dev/shm` on Linux) saves the disk round trip. Falls back to the default.
    package static let temporaryDirectory: String? = {
        if let configured = ProcessInfo.processInfo.environment["MONITORING_TMPDIR"] { return configured }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: "/dev/shm", isDirectory: &isDirectory), isDirectory.boolValue,
            FileManager.default.isWritableFile(atPath: "/dev/shm")
        {
            return "/dev/shm"
        }
        return nil
    }()

    /// Sheet names for figures and tables, decided before writing so links can point ahead.
    struct Plan {
        var cover = ""
        var notes = ""
        var codebook = ""
        var contents = ""
        var figures: [Int: String] = [:]
        var tables: [Int: String] = [:]
        var answers = ""
        var validation = ""
        /// Whether the answers are listed on their sheet, or only pointed to in `answersFile`.
        var answersListed = true
        var answersFile = ""
        /// The published annex's file name, which the internal workbook names.
        var publishedFile = ""
    }

    package func write(to path: String) throws(XlsxError) {
        let workbook = try XlsxWorkbook(path: path, options: .init(temporaryDirectory: Self.temporaryDirectory))
        let spec = model.spec
        let years = GermanFormat.yearRange(model.firstYear, model.lastYear)
        try workbook.setProperties(
            .init(
                title: audience == .internal ? spec.title + " – interner Datenanhang" : spec.title, subject: spec.subtitle,
                author: spec.author, company: spec.institution,
                keywords: [spec.source, years, audience == .internal ? "Antworten; nur für den internen Gebrauch" : "Tabellenanhang"]
                    .joined(separator: "; "),
                comments: spec.dataNote, created: created))
        let formats = try AnnexFormats(workbook)
        var names = SheetNames()
        var plan = Plan()
        plan.cover = names.make("Deckblatt")
        plan.contents = names.make("Inhalt")
        plan.publishedFile = (spec.annexFile as NSString).lastPathComponent
        if audience == .published {
            plan.notes = names.make("Hinweise")
            for figure in model.figures { plan.figures[figure.number] = names.make("Abb" + twoDigits(figure.number)) }
            for table in model.tables { plan.tables[table.number] = names.make("Tab" + twoDigits(table.number)) }
            plan.codebook = names.make("Codebuch")
        } else {
            plan.answers = names.make("Antworten")
            plan.codebook = names.make("Codebuch")
            plan.validation = names.make("Validierung")
            plan.answersListed = answersFitTheSheet
            plan.answersFile = answersFile
        }
        let sheets = SheetWriter(workbook: workbook, formats: formats, model: model, plan: plan, audience: audience)
        if audience == .published {
            // Revised cells are found first: the cover and the notes, which come first, name them.
            let figureCells = Dictionary(
                model.figures.map { figure in
                    (figure.number, sheets.revisedCells(figure, sheet: plan.figures[figure.number] ?? ""))
                }, uniquingKeysWith: { a, _ in a })
            let tableCells = Dictionary(
                model.tables.map { table in
                    (table.number, sheets.revisedCells(table, sheet: plan.tables[table.number] ?? ""))
                }, uniquingKeysWith: { a, _ in a })
            let revised = model.figures.flatMap { figureCells[$0.number] ?? [] } + model.tables.flatMap { tableCells[$0.number] ?? [] }
            try sheets.cover(revisedCells: revised)
            try sheets.contents()
            try sheets.notes(revisedCells: revised)
            for figure in model.figures { try sheets.figure(figure, revised: figureCells[figure.number] ?? []) }
            for table in model.tables { try sheets.table(table, revised: tableCells[table.number] ?? []) }
            try sheets.codebook()
        } else {
            try sheets.cover(revisedCells: [])
            try sheets.contents()
            try sheets.answers(answers)
            try sheets.codebook()
            try sheets.validation(issues)
        }
        try workbook.close()
        try Self.setLanguage(path)
    }

    /// The language of the text, which libxlsxwriter cannot set: German in the document
    /// properties (`dc:language`, read by screen readers and archives) and in every chart
    /// (where it writes en-US). Only these small parts are rewritten.
    static func setLanguage(_ path: String, language: String = "de-DE") throws(XlsxError) {
        do {
            try ZipRewriter.edit(URL(fileURLWithPath: path), only: { $0 == "docProps/core.xml" || $0.hasPrefix("xl/charts/chart") }) { part, text in
                if part == "docProps/core.xml" {
                    return text.contains("<dc:language>")
                        ? text
                        : text.replacingOccurrences(of: "</cp:coreProperties>", with: "<dc:language>\(language)</dc:language></cp:coreProperties>")
                }
                // The chart's own language and that of each text run (titles, labels).
                return text.replacingOccurrences(of: "<c:lang val=\"en-US\"/>", with: "<c:lang val=\"\(language)\"/>")
                    .replacingOccurrences(of: " lang=\"en-US\"", with: " lang=\"\(language)\"")
            }
        } catch {
            throw XlsxError(code: -1, message: String(describing: error), operation: "set the workbook language")
        }
    }

    private func twoDigits(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}
