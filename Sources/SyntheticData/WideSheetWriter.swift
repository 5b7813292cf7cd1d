import XlsxWriter

/// Writes a large single-sheet workbook (rows × columns of survey-like answers) through
/// libxlsxwriter, for the ingest benchmark: a shared-string table, a region column, status
/// answers, ticks and some free text.
package struct WideSheetWriter {
    package let rows: Int
    package let columns: Int
    package let seed: UInt64

    package init(rows: Int, columns: Int, seed: UInt64 = 2021) {
        self.rows = rows
        self.columns = columns
        self.seed = seed
    }

    /// Short texts of the lengths answers have (the ingest benchmark reads them as cells;
    /// their meaning does not matter), gaps, ticks and numbers.
    static let answers = ["eins", "Eins ", "in Bearbeitung", "zwei", "k.A.", "", "x", "1", "0"]

    package func write(to path: String) throws(XlsxError) {
        var random = SeededGenerator(seed: seed)
        let workbook = try XlsxWorkbook(path: path, options: .init(constantMemory: true))
        let sheet = try workbook.addWorksheet(named: "Antworten")
        try sheet.write("Region", row: 0, column: 0)
        for column in 1..<columns { try sheet.write("F\(column)", row: 0, column: column) }
        for row in 1...rows {
            try sheet.write("Region \(row)", row: row, column: 0)
            for column in 1..<columns {
                let answer = Self.answers[Int(random.next() % UInt64(Self.answers.count))]
                if answer == "1" || answer == "0" {
                    try sheet.write(Double(answer) ?? 0, row: row, column: column)
                } else if !answer.isEmpty {
                    try sheet.write(answer, row: row, column: column)
                }
            }
        }
        try workbook.close()
    }
}
