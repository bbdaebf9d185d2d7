/// A screen's worth of cells, keeping wide characters whole: writing over either half of
/// one blanks the other half, and a wide character never starts in the last column.
package struct CellGrid: Hashable, Sendable {
    package private(set) var size: TerminalSize
    private var cells: [Cell]

    package init(size: TerminalSize) {
        self.size = TerminalSize(columns: max(0, size.columns), rows: max(0, size.rows))
        self.cells = Array(repeating: .blank, count: self.size.columns * self.size.rows)
    }

    /// The cell at a position; a blank cell outside the grid.
    package subscript(column: Int, row: Int) -> Cell {
        guard contains(column: column, row: row) else { return .blank }
        return cells[row * size.columns + column]
    }

    func contains(column: Int, row: Int) -> Bool {
        column >= 0 && row >= 0 && column < size.columns && row < size.rows
    }

    /// The row as text, wide characters once, trailing spaces trimmed.
    package func line(_ row: Int) -> String {
        var text = ""
        for column in 0..<size.columns {
            text += self[column, row].text
        }
        while text.last == " " { text.removeLast() }
        return text
    }

    mutating func clear() {
        for index in cells.indices { cells[index] = .blank }
    }

    /// Writes `cluster` at a position; outside the grid nothing happens. A wide cluster
    /// that would not fit before the right edge is written as a space.
    mutating func put(_ cluster: DisplayCluster, column: Int, row: Int, style: Style) {
        guard contains(column: column, row: row) else { return }
        let fits = cluster.width == 1 || column + 1 < size.columns
        let shown = fits ? cluster : .space
        breakWideCharacter(at: column, row: row)
        if shown.width == 2 { breakWideCharacter(at: column + 1, row: row) }
        cells[row * size.columns + column] = Cell(shown, style: style)
        if shown.width == 2 {
            cells[row * size.columns + column + 1] = Cell(continuationWith: style)
        }
    }

    /// Blanks the other half of a wide character that overlaps `column`, before the cell
    /// is overwritten.
    private mutating func breakWideCharacter(at column: Int, row: Int) {
        let cell = self[column, row]
        if cell.isContinuation, column > 0 {
            cells[row * size.columns + column - 1] = Cell(.space, style: self[column - 1, row].style)
        } else if cell.width == 2, column + 1 < size.columns {
            cells[row * size.columns + column + 1] = Cell(.space, style: cell.style)
        }
    }
}
