/// The selection and scroll position of a table. Movement keeps the selection on screen;
/// `pageSize` is the number of data rows the table shows (its height minus the header).
package struct TableState: Hashable, Sendable {
    package private(set) var selection: Int
    package private(set) var firstVisibleRow: Int

    package init(selection: Int = 0) {
        self.selection = max(0, selection)
        self.firstVisibleRow = 0
    }

    /// Moves with Up/Down, PgUp/PgDn, Home/End. Returns whether the key was one of them.
    package mutating func handle(_ key: Key, rowCount: Int, pageSize: Int) -> Bool {
        switch key {
        case .up: moveSelection(by: -1, rowCount: rowCount, pageSize: pageSize)
        case .down: moveSelection(by: 1, rowCount: rowCount, pageSize: pageSize)
        case .pageUp: moveSelection(by: -max(1, pageSize), rowCount: rowCount, pageSize: pageSize)
        case .pageDown: moveSelection(by: max(1, pageSize), rowCount: rowCount, pageSize: pageSize)
        case .home: select(0, rowCount: rowCount, pageSize: pageSize)
        case .end: select(rowCount - 1, rowCount: rowCount, pageSize: pageSize)
        default: return false
        }
        return true
    }

    package mutating func moveSelection(by delta: Int, rowCount: Int, pageSize: Int) {
        select(selection + delta, rowCount: rowCount, pageSize: pageSize)
    }

    /// Selects `row` (clamped to the rows there are) and scrolls just enough to show it.
    package mutating func select(_ row: Int, rowCount: Int, pageSize: Int) {
        selection = max(0, min(row, rowCount - 1))
        firstVisibleRow = Self.firstVisibleRow(from: firstVisibleRow, selection: selection, rowCount: rowCount, pageSize: pageSize)
    }

    /// The rows on screen for `pageSize` rows: the stored scroll position, moved only as
    /// far as needed to show the selection (after a resize or when rows went away).
    package func visibleRows(rowCount: Int, pageSize: Int) -> Range<Int> {
        let top = Self.firstVisibleRow(from: firstVisibleRow, selection: min(selection, rowCount - 1), rowCount: rowCount, pageSize: pageSize)
        return top..<min(rowCount, top + max(0, pageSize))
    }

    private static func firstVisibleRow(from top: Int, selection: Int, rowCount: Int, pageSize: Int) -> Int {
        guard pageSize > 0, rowCount > 0 else { return 0 }
        var top = min(top, selection)
        top = max(top, selection - pageSize + 1)
        return max(0, min(top, rowCount - pageSize))
    }
}
