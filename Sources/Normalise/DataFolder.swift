import Foundation
import Concurrency
import Ingest

/// Everything the normalise stage produces.
package struct NormalisedData: Sendable {
    package let catalogue: Catalogue
    /// Sorted by wave, region (catalogue order), item (catalogue order).
    package let answers: [TidyAnswer]
    /// Notes and errors, errors first, in file order.
    package let issues: [ValidationIssue]
    package let waves: [WaveSummary]

    package init(catalogue: Catalogue, answers: [TidyAnswer], issues: [ValidationIssue] = [], waves: [WaveSummary] = []) {
        self.catalogue = catalogue
        self.answers = answers
        self.issues = issues
        self.waves = waves
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

    /// Reads the catalogue and every wave; throws all errors at once.
    package func normalise() throws(DataProblems) -> NormalisedData {
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
        guard let catalogue = maybeCatalogue else { throw DataProblems(issues) }

        // Waves are independent: read and normalise them in parallel, then join in wave order.
        // Each wave's answers are sorted in its own task (all of a wave's answers share its
        // number); the waves are then joined in wave order, each released once copied, so
        // the answers are held at most twice, not three times.
        let waves = catalogue.waves.sorted { $0.number < $1.number }
        var results = ParallelMap.map(waves) { wave in
            var result = self.normalise(wave: wave, catalogue: catalogue)
            result.answers = Self.sorted(result.answers, catalogue: catalogue)
            return result
        }
        var answers: [TidyAnswer] = []
        answers.reserveCapacity(results.reduce(0) { $0 + $1.answers.count })
        var summaries: [WaveSummary] = []
        for index in results.indices {
            answers += results[index].answers
            results[index].answers = []
            issues += results[index].issues
            if let summary = results[index].summary { summaries.append(summary) }
        }
        let ordered = issues.enumerated().sorted { a, b in
            a.element.severity != b.element.severity ? a.element.severity < b.element.severity : a.offset < b.offset
        }.map(\.element)
        if ordered.contains(where: { $0.severity == .error }) { throw DataProblems(ordered) }
        return NormalisedData(catalogue: catalogue, answers: answers,
                              issues: ordered, waves: summaries)
    }

    private func normalise(wave: WaveDefinition, catalogue: Catalogue) -> WaveNormaliser.Result {
        guard let waveURL = locateWave(wave.fileName) else {
            var result = WaveNormaliser.Result()
            result.issues.append(.init(.error, .waveFileMissing(wave.fileName),
                                       at: CellLocation(file: catalogue.fileName, sheet: CatalogueReader.SheetName.waves,
                                                        reference: nil)))
            return result
        }
        do {
            let book = try WorkbookReader.open(waveURL, limits: limits)
            // A CSV has one sheet, whatever the catalogue calls it.
            let sheetName = book is CSVWorkbook ? (book.sheetNames.first ?? wave.sheetName) : wave.sheetName
            let sheet = try book.readSheet(named: sheetName)
            return WaveNormaliser(catalogue: catalogue, wave: wave, fileName: book.fileName).normalise(sheet)
        } catch {
            var result = WaveNormaliser.Result()
            result.issues.append(.init(.error, .unreadable(error)))
            return result
        }
    }

    /// Wave, then region and item in catalogue order; stable. Sorts packed integer keys
    /// (wave, region rank, item rank), not the answers with dictionary lookups per comparison.
    static func sorted(_ answers: [TidyAnswer], catalogue: Catalogue) -> [TidyAnswer] {
        let unknown = (1 << 24) - 1
        let regionOrder = Dictionary(catalogue.regions.enumerated().map { ($1.ags, $0) }, uniquingKeysWith: { a, _ in a })
        let itemOrder = Dictionary(catalogue.items.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        let keys = answers.enumerated().map { index, answer in
            let key = min(answer.wave, (1 << 15) - 1) << 48 | min(regionOrder[answer.regionAGS] ?? unknown, unknown) << 24
                | min(itemOrder[answer.item] ?? unknown, unknown)
            return (key: key, index: index)
        }
        return keys.sorted { $0.key != $1.key ? $0.key < $1.key : $0.index < $1.index }.map { answers[$0.index] }
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
