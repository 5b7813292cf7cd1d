import XlsxWriter

/// The cell formats of the annex, created once per workbook.
struct AnnexFormats {
    let title: XlsxFormat
    let subtitle: XlsxFormat
    let header: XlsxFormat
    let text: XlsxFormat
    let wrapped: XlsxFormat
    let note: XlsxFormat
    /// A one-line note that may run into the empty cells to its right.
    let inlineNote: XlsxFormat
    let link: XlsxFormat
    let count: XlsxFormat
    let share: XlsxFormat
    let points: XlsxFormat
    /// The same, marked "r" (berichtigt: differs from an earlier publication).
    let countRevised: XlsxFormat
    let shareRevised: XlsxFormat
    let pointsRevised: XlsxFormat
    /// A note's number, at the top of its row beside the text.
    let noteNumber: XlsxFormat
    let notAsked: XlsxFormat
    /// Bold labels on the cover ("Stand", "Kontakt").
    let label: XlsxFormat
    let heading: XlsxFormat
    /// A symbol in the Zeichenerklärung.
    let symbol: XlsxFormat
    /// Years as numbers without a thousands separator.
    let year: XlsxFormat
    /// The data warning on the answers sheet.
    let warning: XlsxFormat

    /// The kinds of number a figure or table cell holds.
    enum Number { case count, share, points }

    /// The format of a number cell, marked "r" when its value is revised.
    func number(_ kind: Number, revised: Bool) -> XlsxFormat {
        switch kind {
        case .count: return revised ? countRevised : count
        case .share: return revised ? shareRevised : share
        case .points: return revised ? pointsRevised : points
        }
    }

    init(_ workbook: XlsxWorkbook) throws(XlsxError) {
        // Titles are not wrapped: in column A they run on into the empty cells to the right,
        // broken into rows that fit the sheet's print width (SheetWriter.head).
        title = try workbook.addFormat().bold().fontSize(13).align(.top)
        subtitle = try workbook.addFormat().fontSize(11).align(.top)
        header = try workbook.addFormat().bold().wrap().background("#DDEBF7").bottomBorder().align(.verticalCentre)
        text = try workbook.addFormat().align(.top)
        wrapped = try workbook.addFormat().wrap().align(.top)
        note = try workbook.addFormat().italic().wrap().fontColour("#595959").align(.top)
        inlineNote = try workbook.addFormat().italic().fontColour("#595959")
        link = try workbook.addFormat().underline().fontColour("#0563C1").align(.top)
        // Numbers stand at the top of their row, as the wrapped labels beside them do.
        // An exact zero shows as "–" (Destatis: nichts vorhanden); the cell keeps the number 0.
        count = try workbook.addFormat().numberFormat("0;-0;\"–\"").align(.top)
        // Excel and LibreOffice show the decimal comma themselves in a German locale; the
        // stored values stay exact (a share 0.923…, a change in points −11.83…).
        share = try workbook.addFormat().numberFormat("0.0 %;-0.0 %;\"–\"").align(.top)
        points = try workbook.addFormat().numberFormat("+0.0\" PP\";\"−\"0.0\" PP\";\"±\"0.0\" PP\"").align(.top)
        countRevised = try workbook.addFormat().numberFormat("0\" r\";-0\" r\";\"– r\"").align(.top)
        shareRevised = try workbook.addFormat().numberFormat("0.0 %\" r\";-0.0 %\" r\";\"– r\"").align(.top)
        pointsRevised = try workbook.addFormat().numberFormat("+0.0\" PP r\";\"−\"0.0\" PP r\";\"±\"0.0\" PP r\"").align(.top)
        noteNumber = try workbook.addFormat().numberFormat("0").align(.top).align(.left)
        notAsked = try workbook.addFormat().fontColour("#595959").align(.right).align(.top)
        label = try workbook.addFormat().bold().align(.top)
        heading = try workbook.addFormat().bold().fontSize(12)
        symbol = try workbook.addFormat().bold().align(.top)
        year = try workbook.addFormat().numberFormat("0").align(.left).align(.top)
        warning = try workbook.addFormat().bold().fontColour("#7A1F00")
    }
}
