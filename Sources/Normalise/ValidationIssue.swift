import Ingest

/// A problem found while reading the catalogue or a wave, with where it is.
///
/// Errors stop the run; notes are written to the validation report. Each kind has an
/// English text (CLI, logs) and a German one (the report that readers see).
public struct ValidationIssue: Sendable, Hashable {
    /// An error stops the run; a note is reported and the run goes on.
    public enum Severity: String, Sendable, Hashable, Comparable {
        case error, note
        public static func < (a: Severity, b: Severity) -> Bool { a == .error && b == .note }
    }

    /// What is wrong, with the values the message names.
    public enum Kind: Sendable, Hashable {
        // Data folder
        case catalogueNotFound(folder: String)
        case catalogueAmbiguous([String])
        case waveFileMissing(String)
        case waveFileNotListed(String)
        case unreadable(IngestError)
        // Catalogue structure
        case missingSheet(String)
        case missingColumn(String)
        case emptyField(String)
        case duplicateItemID(String, firstRow: Int)
        case unknownItemType(String)
        case unknownReference(String)
        case invalidParent(String, type: String)
        case invalidWaveField(field: String, value: String)
        case waveColumnWithoutWave(String)
        /// A wave of the sheet Wellen without its column in Fragen: none of its answers could be read.
        case waveWithoutColumn(wave: Int, year: Int)
        case duplicateWave(Int)
        case conflictingRegionSpelling(String, regions: [String])
        case duplicateCategorySpelling(String, categories: [String])
        // Wave layout
        case regionColumnMissing(header: String, row: Int, foundInRow: Int?)
        /// `catalogueCell`: where the catalogue names the header ("Fragen › W6 2022 › row 12");
        /// `closest`: the most similar header the wave has that no item claims.
        case headerNotFound(String, catalogueCell: String? = nil, closest: String? = nil)
        case duplicateHeader(String, other: String)
        case unmappedColumn(String)
        case hiddenColumn(String)
        case hiddenRow
        case mergedCells(String)
        // Wave content
        case unknownRegion(String)
        case emptyRegion
        case duplicateRegion(String, firstCell: String)
        case regionMissing(String)
        case unknownAnswer(String, expected: [String])
        case answerOutsideFilter(String, parent: String, parentAnswer: String)
        case filterParentNotAsked(parent: String)
    }

    public var severity: Severity
    public let location: CellLocation?
    public let item: String?
    public let region: String?
    public let kind: Kind

    public init(
        _ severity: Severity, _ kind: Kind, at location: CellLocation? = nil, item: String? = nil,
        region: String? = nil
    ) {
        self.severity = severity
        self.kind = kind
        self.location = location
        self.item = item
        self.region = region
    }

    /// `Monitoring_W3_2019.xlsx › Antworten › G9 (II.04, Harz): unknown answer "vielleicht"; expected …`
    public var description: String {
        var head = location?.description ?? ""
        let context = [item, region].compactMap { $0 }
        if !context.isEmpty { head += (head.isEmpty ? "" : " ") + "(" + context.joined(separator: ", ") + ")" }
        return (head.isEmpty ? "" : head + ": ") + english
    }

    /// Untrusted text quoted in a message: long texts are cut (a 32 000-character cell
    /// must not become a 32 000-character error line).
    static func shown(_ text: String, english: Bool = true) -> String {
        let limit = 120
        guard text.count > limit else { return text }
        return String(text.prefix(limit)) + "…" + (english ? " (\(text.count) characters)" : " (\(text.count) Zeichen)")
    }

    public var english: String {
        switch kind {
        case .catalogueNotFound(let folder):
            return "no catalogue workbook (.xlsx) at the top of the data folder '\(folder)'"
        case .catalogueAmbiguous(let files):
            return "more than one workbook at the top of the data folder (\(files.joined(separator: ", "))); expected exactly one catalogue"
        case .waveFileMissing(let file):
            return "the catalogue names wave file '\(file)', but it is not in waves/ (as .xlsx or .csv)"
        case .waveFileNotListed(let file):
            return "'\(file)' in waves/ is named by no row of the catalogue's sheet Wellen, so it is not read; "
                + "add a row for it (and its column in Fragen) to read it"
        case .unreadable(let error): return error.description
        case .missingSheet(let name): return "the catalogue has no sheet '\(name)'"
        case .missingColumn(let name): return "no column '\(name)' in the header row"
        case .emptyField(let name): return "'\(name)' is empty; expected a value"
        case .duplicateItemID(let id, let row): return "item ID '\(id)' is defined twice (first in row \(row))"
        case .unknownItemType(let type):
            return "unknown Typ '\(type)'; expected " + ItemType.allCases.map(\.rawValue).joined(separator: ", ")
        case .unknownReference(let id): return "Bezug '\(id)' names no item of the catalogue"
        case .invalidParent(let id, let type): return "Bezug '\(id)' is of type \(type); an Option must refer to a Mehrfachauswahl"
        case .invalidWaveField(let field, let value): return "'\(field)' is '\(value)'; expected a whole number"
        case .waveColumnWithoutWave(let header): return "column '\(header)' names a wave that the sheet Wellen does not define"
        case .waveWithoutColumn(let wave, let year):
            return "the sheet Wellen defines wave \(wave) (\(year)), but Fragen has no column 'W\(wave) \(year)' with its questions' headers"
        case .duplicateWave(let number): return "wave \(number) is defined twice"
        case .conflictingRegionSpelling(let spelling, let regions):
            return "spelling '\(spelling)' is given for several regions (\(regions.joined(separator: ", ")))"
        case .duplicateCategorySpelling(let spelling, let categories):
            return "spelling '\(spelling)' is given for several categories (\(categories.joined(separator: ", ")))"
        case .regionColumnMissing(let header, let row, let found):
            let hint = found.map { "; it is in row \($0) — correct 'Kopfzeile' in the catalogue" } ?? ""
            return "region column '\(header)' not found in header row \(row)\(hint)"
        case .headerNotFound(let header, let cell, let closest):
            return "column '\(header)' named by the catalogue" + (cell.map { " (\($0))" } ?? "") + " is not in the header row"
                + (closest.map {
                    "; the closest unclaimed header is '\($0)': if that is the question, write it into the catalogue cell "
                        + "(`monitoring inspect` shows the file's header row and answers)"
                } ?? "")
        case .duplicateHeader(let header, let other): return "header '\(header)' appears twice (also \(other))"
        case .unmappedColumn(let header): return "column '\(header)' is not in the catalogue; ignored"
        case .hiddenColumn(let header): return "column '\(header)' is hidden in the workbook; read as usual"
        case .hiddenRow: return "row is hidden in the workbook; read as usual"
        case .mergedCells(let range): return "merged cells \(range) in the data area; only the top-left cell holds a value"
        case .unknownRegion(let text):
            return "unknown region \"\(Self.shown(text))\"; expected an official name, a spelling from the sheet Regionen or an AGS code"
        case .emptyRegion: return "row has answers but no region"
        case .duplicateRegion(let region, let first): return "region \(region) appears twice in this wave (also \(first))"
        case .regionMissing(let region): return "region \(region) has no row in this wave"
        case .unknownAnswer(let text, let expected):
            return "unknown answer \"\(Self.shown(text))\"; expected " + expected.joined(separator: ", ")
                + "; a new spelling goes into the catalogue's sheet Antwortkategorien, column Schreibweisen of its category, separated by \"; \""
        case .answerOutsideFilter(let text, let parent, let parentAnswer):
            return "answer \"\(Self.shown(text))\" given although \(parent) was answered \"\(parentAnswer)\" (filter); not counted"
        case .filterParentNotAsked(let parent): return "\(parent), on which this item depends, was not asked in this wave; filter not applied"
        }
    }

    /// The German text for the validation report.
    public var german: String {
        switch kind {
        case .catalogueNotFound(let folder): return "Kein Fragenkatalog (.xlsx) im Datenordner „\(folder)“."
        case .catalogueAmbiguous(let files):
            return "Mehr als eine Arbeitsmappe im Datenordner (\(files.joined(separator: ", "))); erwartet wird genau ein Fragenkatalog."
        case .waveFileMissing(let file): return "Die Wellendatei „\(file)“ fehlt im Ordner waves/."
        case .waveFileNotListed(let file):
            return "Die Datei „\(file)“ im Ordner waves/ ist im Fragenkatalog (Tabellenblatt Wellen) nicht eingetragen und wurde nicht gelesen."
        case .unreadable(let error): return "Datei nicht lesbar: \(error.description)"
        case .missingSheet(let name): return "Dem Fragenkatalog fehlt das Tabellenblatt „\(name)“."
        case .missingColumn(let name): return "Spalte „\(name)“ fehlt in der Kopfzeile."
        case .emptyField(let name): return "„\(name)“ ist leer."
        case .duplicateItemID(let id, let row): return "Die ID „\(id)“ ist doppelt vergeben (zuerst in Zeile \(row))."
        case .unknownItemType(let type): return "Unbekannter Typ „\(type)“."
        case .unknownReference(let id): return "Der Bezug „\(id)“ verweist auf keine Frage."
        case .invalidParent(let id, let type):
            return "Der Bezug „\(id)“ hat den Typ \(type); eine Option muss sich auf eine Mehrfachauswahl beziehen."
        case .invalidWaveField(let field, let value): return "„\(field)“ ist „\(value)“; erwartet wird eine ganze Zahl."
        case .waveColumnWithoutWave(let header): return "Die Spalte „\(header)“ nennt eine Welle, die im Blatt Wellen fehlt."
        case .waveWithoutColumn(let wave, let year):
            return
                "Welle \(wave) (\(year)) steht im Blatt Wellen, aber im Blatt Fragen fehlt die Spalte „W\(wave) \(year)“ mit den Spaltenüberschriften ihrer Fragen."
        case .duplicateWave(let number): return "Welle \(number) ist doppelt definiert."
        case .conflictingRegionSpelling(let spelling, let regions):
            return "Die Schreibweise „\(spelling)“ steht für mehrere Regionen (\(regions.joined(separator: ", ")))."
        case .duplicateCategorySpelling(let spelling, let categories):
            return "Die Schreibweise „\(spelling)“ steht für mehrere Kategorien (\(categories.joined(separator: ", ")))."
        case .regionColumnMissing(let header, let row, let found):
            return "Die Regionsspalte „\(header)“ fehlt in Kopfzeile \(row)" + (found.map { " (sie steht in Zeile \($0))" } ?? "") + "."
        case .headerNotFound(let header, let cell, let closest):
            return "Die Spalte „\(header)“ laut Fragenkatalog" + (cell.map { " (\($0))" } ?? "") + " fehlt in der Datei."
                + (closest.map { " Am ähnlichsten ist die nicht zugeordnete Spalte „\($0)“." } ?? "")
        case .duplicateHeader(let header, let other): return "Die Spaltenüberschrift „\(header)“ kommt doppelt vor (auch \(other))."
        case .unmappedColumn(let header): return "Die Spalte „\(header)“ steht nicht im Fragenkatalog und wird nicht ausgewertet."
        case .hiddenColumn(let header): return "Die Spalte „\(header)“ ist ausgeblendet; sie wird normal ausgewertet."
        case .hiddenRow: return "Die Zeile ist ausgeblendet; sie wird normal ausgewertet."
        case .mergedCells(let range): return "Verbundene Zellen \(range) im Datenbereich; nur die erste Zelle trägt einen Wert."
        case .unknownRegion(let text): return "Unbekannte Region „\(Self.shown(text, english: false))“."
        case .emptyRegion: return "Die Zeile enthält Antworten, aber keine Region."
        case .duplicateRegion(let region, let first): return "Die Region \(region) kommt in dieser Welle doppelt vor (auch \(first))."
        case .regionMissing(let region): return "Für die Region \(region) fehlt in dieser Welle eine Zeile."
        case .unknownAnswer(let text, let expected):
            return "Unbekannte Antwort „\(Self.shown(text, english: false))“; erwartet: " + expected.joined(separator: ", ") + "."
        case .answerOutsideFilter(let text, let parent, let parentAnswer):
            return
                "Antwort „\(Self.shown(text, english: false))“, obwohl \(parent) mit „\(parentAnswer)“ beantwortet wurde (Filterführung); nicht gezählt."
        case .filterParentNotAsked(let parent):
            return "\(parent), von der diese Frage abhängt, wurde in dieser Welle nicht gestellt; Filter nicht angewandt."
        }
    }
}
