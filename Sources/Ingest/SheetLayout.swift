/// What a worksheet says about its layout besides the cells: hidden columns and rows and
/// merged ranges. In an xlsx part the columns come before the rows and the merged ranges
/// after them, so a reader that streams rows knows the hidden columns from the first row on.
package struct SheetLayout: Sendable, Hashable {
    package var hiddenColumns: Set<Int> = []
    package var hiddenRows: Set<Int> = []
    package var mergedRanges: [CellRange] = []

    package init(hiddenColumns: Set<Int> = [], hiddenRows: Set<Int> = [], mergedRanges: [CellRange] = []) {
        self.hiddenColumns = hiddenColumns
        self.hiddenRows = hiddenRows
        self.mergedRanges = mergedRanges
    }
}
