/// A surface kept in memory, for tests and for rendering screens to text.
package final class MemorySurface: Surface {
    package var grid: CellGrid
    package var cursor: Point?

    package init(columns: Int = 80, rows: Int = 24) {
        grid = CellGrid(size: TerminalSize(columns: columns, rows: rows))
    }

    /// The screen as lines, trailing spaces trimmed; trailing empty lines kept so the row
    /// count is always the surface's.
    package var text: String {
        (0..<size.rows).map(grid.line).joined(separator: "\n")
    }

    /// The screen as an array of lines, trailing spaces trimmed.
    package var lines: [String] {
        (0..<size.rows).map(grid.line)
    }

    /// The semantic style of the cell at a position.
    package func style(atColumn column: Int, row: Int) -> Style {
        grid[column, row].style
    }

    /// How the cell at a position looks under `theme` (is it reverse video? bold?).
    package func appearance(atColumn column: Int, row: Int, theme: Theme) -> Appearance {
        theme.appearance(for: grid[column, row].style)
    }
}
