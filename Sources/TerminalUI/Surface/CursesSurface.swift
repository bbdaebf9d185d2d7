import CNCurses

/// The surface the terminal shows. Widgets draw a whole frame into `grid`; `flush`
/// then hands ncurses only the cells that differ from the last frame, and ncurses sends
/// only what differs from the screen. An unchanged frame writes nothing.
package final class CursesSurface: Surface {
    package var grid: CellGrid
    package var cursor: Point?
    /// What ncurses was last given; nil when everything must be written again.
    private var shown: CellGrid?
    private var cursorVisible: Bool?

    init(size: TerminalSize) {
        grid = CellGrid(size: size)
    }

    /// Starts over at a new size; the next flush writes every cell.
    func resize(to size: TerminalSize) {
        grid = CellGrid(size: size)
        shown = nil
    }

    /// Forgets what the screen holds, after it was wiped (Ctrl-L, resume).
    func invalidate() {
        shown = nil
        cursorVisible = nil
    }

    @MainActor
    func flush(palette: CursesPalette) {
        let window = svcwiz_stdscr()
        for row in 0..<grid.size.rows {
            for column in 0..<grid.size.columns where needsWrite(column: column, row: row) {
                write(grid[column, row], column: column, row: row, window: window, palette: palette)
            }
        }
        shown = grid
        placeCursor(window: window)
        wnoutrefresh(window)
        doupdate()
    }

    private func needsWrite(column: Int, row: Int) -> Bool {
        let cell = grid[column, row]
        if cell.isContinuation { return false }
        guard let shown else { return true }
        if shown[column, row] != cell { return true }
        // A wide character whose right half was overwritten on screen must be redrawn.
        return cell.width == 2 && shown[column + 1, row] != grid[column + 1, row]
    }

    @MainActor
    private func write(_ cell: Cell, column: Int, row: Int, window: UnsafeMutablePointer<WINDOW>?, palette: CursesPalette) {
        let look = palette.look(for: cell.style)
        var characters = cell.text.unicodeScalars.map { wchar_t(bitPattern: $0.value) }
        characters.append(0)
        // The bottom-right cell reports ERR because the cursor cannot move past it; the
        // cell is written all the same.
        _ = svcwiz_put_cell(window, Int32(row), Int32(column), characters, look.attributes, look.pair)
    }

    @MainActor
    private func placeCursor(window: UnsafeMutablePointer<WINDOW>?) {
        let visible = cursor.map { grid.contains(column: $0.column, row: $0.row) } ?? false
        if visible != cursorVisible {
            curs_set(visible ? 1 : 0)
            // A hidden cursor may stay wherever the last write left it: ncurses then skips
            // the move back to the window's cursor after every update (bytes per key).
            leaveok(window, !visible)
            cursorVisible = visible
        }
        if let cursor, visible {
            wmove(window, Int32(cursor.row), Int32(cursor.column))
        }
    }
}
