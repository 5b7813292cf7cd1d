import Concurrency
import Foundation
import Ingest

/// Everything the normalise stage produces.
package struct NormalisedData: Sendable {
    package let catalogue: Catalogue
    /// Sorted by wave, region (catalogue order), item (catalogue order).
    package let answers: AnswerTable
    /// Notes and errors, errors first, in file order.
    package let issues: [ValidationIssue]
    package let waves: [WaveSummary]
    /// Waves the catalogue defines after the report's last year: not read.
    package var wavesLeftOut: [WaveDefinition] = []

    package init(catalogue: Catalogue, answers: AnswerTable, issues: [ValidationIssue] = [], waves: [WaveSummary] = []) {
        self.catalogue = catalogue
        self.answers = answers
        self.issues = issues
        self.waves = waves
    }

    package init(catalogue: Catalogue, answers: [TidyAnswer], issues: [ValidationIssue] = [], waves: [WaveSummary] = []) {
        self.init(catalogue: catalogue, answers: AnswerTable(answers), issues: issues, waves: waves)
    }

    package var errors: [ValidationIssue] { issues.filter { $0.severity == .error } }
    package var notes: [ValidationIssue] { issues.filter { $0.severity == .note } }
}

/// A data folder: the catalogue workbook at its top level and the wave files it names
/// under `waves/`.
package struct DataFolder: Sendable {
    package let url: URL
    package let limits: IngestLimits

    package init(url: URL, limits: IngestLimits = .default) {
        self.url = url
        self.limits = limits
    }

    /// Reads the catalogue and every wave up to `lastYear` (all when nil); throws all errors
    /// at once. Later waves are not opened, so their problems cannot stop an earlier report.
    package func normalise(lastYear: Int? = nil) throws(DataProblems) -> NormalisedData {
        var issues: [ValidationIssue] = []
        guard let catalogueURL = locateCatalogue(&issues) else { throw DataProblems(issues) }
        let catalogueBook: any Workbook
        do {
            catalogueBook = try WorkbookReader.open(catalogueURL, limits: limits)
        } catch {
            throw DataProblems(issues + [.init(.error, .unreadable(error))])
        }
        let (maybeCatalogue, catalogueIssues) = CatalogueReader().read(catalogueBook)
        issues += catalogueIssues
        guard let read = maybeCatalogue else { throw DataProblems(issues) }
        issues += unlistedWaveFiles(read)
        let catalogue = lastYear.map { read.withWaves(through: $0) } ?? read

        // Waves are independent: read and normalise them in parallel, then join in wave order.
        // Each wave's answers are sorted in its own task (all of a wave's answers share its
        // number); the waves' tables are then joined in wave order.
        let waves = catalogue.waves.sorted { $0.number < $1.number }
        var results = ParallelMap.map(waves) { wave in
            var result = self.normalise(wave: wave, catalogue: catalogue)
            result.answers = Self.sorted(result.answers, catalogue: catalogue)
            return result
        }
        var summaries: [WaveSummary] = []
        var tables: [AnswerTable] = []
        for index in results.indices {
            issues += results[index].issues
            if let summary = results[index].summary { summaries.append(summary) }
            tables.append(results[index].answers)
            results[index].answers = AnswerTable()
        }
        let answers = AnswerTable.joining(&tables)
        let ordered = issues.enumerated().sorted { a, b in
            a.element.severity != b.element.severity ? a.element.severity < b.element.severity : a.offset < b.offset
        }.map(\.element)
        if ordered.contains(where: { $0.severity == .error }) { throw DataProblems(ordered) }
        var data = NormalisedData(
            catalogue: catalogue, answers: answers,
            issues: ordered, waves: summaries)
        data.wavesLeftOut = read.waves.filter { wave in !catalogue.waves.contains { $0.number == wave.number } }
        return data
    }

    private func normalise(wave: WaveDefinition, catalogue: Catalogue) -> WaveNormaliser.Result {
        guard let waveURL = locateWave(wave.fileName) else {
            var result = WaveNormaliser.Result()
            result.issues.append(
                .init(
                    .error, .waveFileMissing(wave.fileName),
                    at: CellLocation(
                        file: catalogue.fileName, sheet: CatalogueReader.SheetName.waves,
                        reference: nil)))
            return result
        }
        do {
            let book = try WorkbookReader.open(waveURL, limits: limits)
            // A CSV has one sheet, whatever the catalogue calls it.
            let sheetName = book is CSVWorkbook ? (book.sheetNames.first ?? wave.sheetName) : wave.sheetName
            return try WaveNormaliser(catalogue: catalogue, wave: wave, fileName: book.fileName)
                .normalise(streaming: book, sheet: sheetName)
        } catch {
            var result = WaveNormaliser.Result()
            result.issues.append(.init(.error, .unreadable(error)))
            return result
        }
    }

    /// Wave, then region and item in catalogue order; stable. Sorts packed integer keys
    /// (wave, region rank, item rank) made from the codes' ranks, looked up once per code.
    static func sorted(_ answers: AnswerTable, catalogue: Catalogue) -> AnswerTable {
        let unknown = (1 << 24) - 1
        let regionOrder = Dictionary(catalogue.regions.enumerated().map { ($1.ags, $0) }, uniquingKeysWith: { a, _ in a })
        let itemOrder = Dictionary(catalogue.items.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        let regionRank = answers.regions.map { min(regionOrder[$0.ags] ?? unknown, unknown) }
        let itemRank = answers.items.map { min(itemOrder[$0] ?? unknown, unknown) }
        let waveRank = answers.waves.map { min(max($0.number, 0), (1 << 15) - 1) }
        // (wave, region, item, position) packed into one integer when the ranks fit, so a
        // plain sort of integers is a stable sort by the three keys.
        func bits(_ values: [Int]) -> Int { Int.bitWidth - (values.max() ?? 0).leadingZeroBitCount }
        let widths = (bits(waveRank), bits(regionRank), bits(itemRank), bits([answers.count]))
        guard widths.0 + widths.1 + widths.2 + widths.3 <= 63 else {
            let keys = answers.indices.map {
                (waveRank[Int(answers.waveCodes[$0])], regionRank[Int(answers.regionCodes[$0])], itemRank[Int(answers.itemCodes[$0])], $0)
            }
            return answers.reordered(keys.sorted { $0 < $1 }.map(\.3))
        }
        var keys = answers.indices.map { index in
            ((waveRank[Int(answers.waveCodes[index])] << widths.1 | regionRank[Int(answers.regionCodes[index])]) << widths.2
                | itemRank[Int(answers.itemCodes[index])]) << widths.3 | index
        }
        keys.sort()
        let mask = (1 << widths.3) - 1
        return answers.reordered(keys.map { $0 & mask })
    }

    private var wavesFolder: URL { url.appendingPathComponent("waves", isDirectory: true) }

    private func locateCatalogue(_ issues: inout [ValidationIssue]) -> URL? {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? [])
            .filter { $0.lowercased().hasSuffix(".xlsx") && !$0.hasPrefix("~$") && !$0.hasPrefix(".") }
            .sorted()
        switch names.count {
        case 1: return url.appendingPathComponent(names[0])
        case 0: issues.append(.init(.error, .catalogueNotFound(folder: url.path)))
        default: issues.append(.init(.error, .catalogueAmbiguous(names)))
        }
        return nil
    }

    /// Spreadsheets in waves/ that no wave of the catalogue names (as .xlsx or, for its
    /// stem, .csv): a new export put there before the catalogue knows it is not silently
    /// skipped. Office lock files (`~$…`) and hidden files are not exports.
    private func unlistedWaveFiles(_ catalogue: Catalogue) -> [ValidationIssue] {
        let present = ((try? FileManager.default.contentsOfDirectory(atPath: wavesFolder.path)) ?? []).sorted()
        let named = Set(
            catalogue.waves.flatMap { wave -> [String] in
                let name = wave.fileName.precomposedStringWithCanonicalMapping
                return [name, (name as NSString).deletingPathExtension + ".csv"]
            })
        return present.filter { file in
            let lower = file.lowercased()
            return (lower.hasSuffix(".xlsx") || lower.hasSuffix(".csv")) && !file.hasPrefix("~$") && !file.hasPrefix(".")
                && !named.contains(file.precomposedStringWithCanonicalMapping)
        }.map { file in
            ValidationIssue(
                .note, .waveFileNotListed(file),
                at: CellLocation(file: catalogue.fileName, sheet: CatalogueReader.SheetName.waves, reference: nil))
        }
    }

    /// Finds a wave file by name, tolerant of Unicode normalisation (NFC/NFD file systems);
    /// a CSV with the same stem stands in for a missing xlsx.
    private func locateWave(_ fileName: String) -> URL? {
        let present = (try? FileManager.default.contentsOfDirectory(atPath: wavesFolder.path)) ?? []
        let wanted = fileName.precomposedStringWithCanonicalMapping
        let stem = (wanted as NSString).deletingPathExtension
        if let exact = present.first(where: { $0.precomposedStringWithCanonicalMapping == wanted }) {
            return wavesFolder.appendingPathComponent(exact)
        }
        if let csv = present.first(where: { $0.precomposedStringWithCanonicalMapping == stem + ".csv" }) {
            return wavesFolder.appendingPathComponent(csv)
        }
        return nil
    }
}
