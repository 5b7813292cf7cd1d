/// A worksheet read completely into memory.
package struct Sheet: Sendable {
    package let name: String
    /// Rows in ascending order; rows without any cell are absent.
    package let rows: [Row]
    package let hiddenColumns: Set<Int>
    package let hiddenRows: Set<Int>
    package let mergedRanges: [CellRange]
    private let rowPositions: [Int: Int]

    package init(
        name: String, rows: [Row], hiddenColumns: Set<Int> = [], hiddenRows: Set<Int> = [],
        mergedRanges: [CellRange] = []
    ) {
        self.name = name
        self.rows = rows.sorted { $0.index < $1.index }
        self.hiddenColumns = hiddenColumns
        self.hiddenRows = hiddenRows
        self.mergedRanges = mergedRanges
        var positions: [Int: Int] = [:]
        for (position, row) in self.rows.enumerated() { positions[row.index] = position }
        self.rowPositions = positions
    }

    package var layout: SheetLayout {
        SheetLayout(hiddenColumns: hiddenColumns, hiddenRows: hiddenRows, mergedRanges: mergedRanges)
    }

    package func row(_ index: Int) -> Row? {
        rowPositions[index].map { rows[$0] }
    }

    package func cell(_ reference: CellReference) -> Cell? {
        row(reference.row)?.cell(column: reference.column)
    }

    package func value(_ reference: CellReference) -> CellValue {
        cell(reference)?.value ?? .empty
    }

    /// The last row index that has a cell, 0 for an empty sheet.
    package var lastRowIndex: Int { rows.last?.index ?? 0 }
}
