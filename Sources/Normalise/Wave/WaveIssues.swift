import Ingest

/// The issues of one wave sheet, each at its cell (file › sheet › cell).
struct WaveIssues {
    let fileName: String
    let sheetName: String
    private(set) var all: [ValidationIssue] = []

    init(fileName: String, sheetName: String) {
        self.fileName = fileName
        self.sheetName = sheetName
    }

    func location(_ row: Int, _ column: Int) -> CellLocation {
        CellLocation(file: fileName, sheet: sheetName, reference: CellReference(row: row, column: column))
    }

    mutating func add(
        _ severity: ValidationIssue.Severity, _ kind: ValidationIssue.Kind, _ row: Int, _ column: Int,
        item: String? = nil, region: String? = nil
    ) {
        all.append(.init(severity, kind, at: location(row, column), item: item, region: region))
    }

    /// Another set's issues placed before the issue at `index` (issues found later that
    /// belong to an earlier step).
    mutating func insert(_ other: WaveIssues, at index: Int) {
        all.insert(contentsOf: other.all, at: index)
    }

    /// An issue about the sheet or a range rather than one cell.
    mutating func add(
        _ severity: ValidationIssue.Severity, _ kind: ValidationIssue.Kind, at reference: CellReference?,
        region: String? = nil
    ) {
        all.append(.init(severity, kind, at: CellLocation(file: fileName, sheet: sheetName, reference: reference), region: region))
    }
}
