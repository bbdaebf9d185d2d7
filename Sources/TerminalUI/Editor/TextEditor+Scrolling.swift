/// Where the parts of the pane go in a rectangle: the gutter (marker column, line
/// numbers, a space), the text, and the find prompt on the last row while it is open.
struct EditorGeometry {
    let gutter: Rect
    let numberWidth: Int
    let text: Rect
    let prompt: Rect?

    init(rect: Rect, lineCount: Int, searching: Bool) {
        numberWidth = max(3, String(lineCount).count)
        let gutterWidth = min(rect.width, 1 + numberWidth + 1)
        let textHeight = searching ? max(0, rect.height - 1) : rect.height
        gutter = Rect(column: rect.column, row: rect.row, width: gutterWidth, height: textHeight)
        text = Rect(column: rect.column + gutterWidth, row: rect.row, width: rect.width - gutterWidth, height: textHeight)
        prompt = searching && rect.height > 0 ? rect.row(rect.height - 1) : nil
    }
}

/// Scrolling: just enough to show the cursor's cell, vertically and horizontally.
extension TextEditor {
    /// Records the size the pane is drawn at (for PgUp/PgDn) and scrolls to the cursor.
    /// Call it with the rectangle given to `draw(on:in:)` when the layout changes.
    package mutating func layout(in rect: Rect) {
        let geometry = EditorGeometry(rect: rect, lineCount: buffer.lineCount, searching: search.isActive)
        textAreaSize = TerminalSize(columns: geometry.text.width, rows: geometry.text.height)
        scrollToCursor()
    }

    mutating func scrollToCursor() {
        (firstVisibleLine, firstVisibleCell) = scrollOrigin(rows: textAreaSize.rows, columns: textAreaSize.columns)
    }

    /// The first line and first cell to show in a text area of this size: the stored
    /// ones, moved as little as possible so the cursor's cell (both halves of a wide
    /// character) is in view.
    func scrollOrigin(rows: Int, columns: Int) -> (line: Int, cell: Int) {
        let cursor = buffer.cursor
        var top = firstVisibleLine
        if rows > 0 {
            top = min(top, cursor.line)
            top = max(top, cursor.line - rows + 1)
            top = max(0, min(top, buffer.lineCount - rows))
        }
        var left = firstVisibleCell
        if columns > 0 {
            let cell = buffer.displayColumn(of: cursor)
            let line = buffer.lines[cursor.line]
            let width = cursor.column < line.count
                ? line[line.index(line.startIndex, offsetBy: cursor.column)].cellWidth : 1
            left = min(left, cell)
            left = max(left, cell + width - columns)
            left = max(0, left)
        }
        return (top, left)
    }
}
