import Aggregate
import Formatting
import XlsxWriter

/// A workbook with one sheet per region: its answers per wave and, per item, the share of
/// all regions whose answer has the scale role "positive".
package struct ProfilesWorkbook: Sendable {
    package let set: ProfileSet
    package let sourceLine: String
    package let created: Int?

    package init(set: ProfileSet, sourceLine: String, created: Int?) {
        self.set = set
        self.sourceLine = sourceLine
        self.created = created
    }

    package func write(to path: String) throws(XlsxError) {
        let workbook = try XlsxWorkbook(
            path: path,
            options: .init(
                constantMemory: true,
                temporaryDirectory: AnnexWriter.temporaryDirectory))
        try workbook.setProperties(
            .init(
                title: "Regionalprofile", subject: "Antworten je Region und Welle",
                keywords: "Monitoring; Regionalprofil", created: created))
        let bold = try workbook.addFormat().bold().fontSize(12)
        let header = try workbook.addFormat().bold().background("#DDEBF7").bottomBorder()
        let share = try workbook.addFormat().numberFormat("0%")
        let note = try workbook.addFormat().italic().fontColour("#595959")
        var names = SheetNames()
        for profile in set.profiles {
            let sheet = try workbook.addWorksheet(named: names.make("\(profile.ags) \(profile.name)"))
            try sheet.setColumns(0...0, width: 10)
            try sheet.setColumns(1...1, width: 48)
            try sheet.setColumns(2...(2 + set.years.count), width: 13)
            try sheet.write("Regionalprofil \(profile.name) (AGS \(profile.ags))", row: 0, column: 0, format: bold)
            let headers = ["Frage", "Kurztitel"] + set.years.map(String.init) + ["Anteil \(set.positiveLabel) (alle)"]
            for (c, title) in headers.enumerated() { try sheet.write(title, row: 2, column: c, format: header) }
            for (r, row) in profile.rows.enumerated() {
                try sheet.write(row.itemID, row: 3 + r, column: 0)
                try sheet.write(row.title, row: 3 + r, column: 1)
                for (k, answer) in row.answers.enumerated() {
                    // Three cases kept apart: an answer (also "keine Angabe"), a wave the region
                    // sat out, a question not asked.
                    let tookPart = k < profile.participated.count ? profile.participated[k] : true
                    try sheet.write(
                        answer ?? (tookPart ? "nicht erhoben" : "nicht teilgenommen"), row: 3 + r, column: 2 + k,
                        format: answer == nil ? note : nil)
                }
                let total = row.distribution.reduce(0, +)
                if total > 0 {
                    try sheet.write(
                        Double(row.positive) / Double(total), row: 3 + r,
                        column: 2 + set.years.count, format: share)
                }
            }
            try sheet.write(sourceLine, row: 4 + profile.rows.count, column: 0, format: note)
            try sheet.freezePanes(row: 3)
            try sheet.setPage(.init(landscape: true, fitWidth: 1, fitHeight: 1, repeatRows: 2...2, footer: sourceLine))
        }
        try workbook.close()
    }
}
