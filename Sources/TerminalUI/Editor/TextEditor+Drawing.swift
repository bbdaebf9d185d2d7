/// Drawing the pane. Only the lines on screen are lexed and drawn.
extension TextEditor {
    /// Draws the gutter, the visible text with syntax colours and the find prompt into
    /// `rect`, and places `surface.cursor` on the cursor (or at the end of the prompt).
    package func draw(on surface: some Surface, in rect: Rect) {
        guard !rect.isEmpty else { return }
        surface.fill(rect)
        let geometry = EditorGeometry(rect: rect, lineCount: buffer.lineCount, searching: search.isActive)
        let origin = scrollOrigin(rows: geometry.text.height, columns: geometry.text.width)
        let visible = origin.line..<min(buffer.lineCount, origin.line + geometry.text.height)
        let tokens = SyntaxHighlighter.tokens(forLines: visible, of: buffer.lines, language: language)
        for (offset, index) in visible.enumerated() {
            let row = geometry.text.row + offset
            drawGutter(line: index, row: row, geometry: geometry, on: surface)
            drawText(line: index, tokens: tokens[offset], row: row, firstCell: origin.cell, area: geometry.text, on: surface)
        }
        if let prompt = geometry.prompt {
            drawPrompt(in: prompt, on: surface)
        } else if !geometry.text.isEmpty {
            let cell = buffer.displayColumn(of: buffer.cursor) - origin.cell
            surface.cursor = Point(column: geometry.text.column + cell, row: geometry.text.row + buffer.cursor.line - origin.line)
        }
    }

    /// `!` in the first column on lines with an error, then the line number.
    private func drawGutter(line index: Int, row: Int, geometry: EditorGeometry, on surface: some Surface) {
        let gutter = geometry.gutter
        guard gutter.width > 1 else { return }
        let hasError = markers[index + 1] != nil
        if hasError {
            surface.draw("!", at: Point(column: gutter.column, row: row), style: .error)
        }
        let style: Style = hasError ? .error : (index == buffer.cursor.line ? .normal : .muted)
        surface.draw(String(index + 1), at: Point(column: gutter.column + 1, row: row),
                     width: min(geometry.numberWidth, gutter.width - 1), style: style, alignment: .trailing, ellipsis: false)
    }

    /// The line from cell `firstCell` on, each character in its token's style (found
    /// matches reverse while the find prompt is open). A wide character cut by the left
    /// edge shows as a space.
    private func drawText(line index: Int, tokens: [SyntaxToken], row: Int, firstCell: Int, area: Rect, on surface: some Surface) {
        let characters = Array(buffer.lines[index])
        var styles = [Style](repeating: .normal, count: characters.count)
        for token in tokens {
            for column in token.range.clamped(to: 0..<characters.count) { styles[column] = token.style }
        }
        if search.isActive, !search.query.isEmpty {
            let length = search.query.count
            for start in buffer.matchColumns(of: search.query, inLine: index) {
                for column in start..<min(start + length, characters.count) { styles[column] = .selected }
            }
        }
        var cell = 0
        for (column, character) in characters.enumerated() {
            let width = character.cellWidth
            defer { cell += width }
            let shown = cell - firstCell
            if shown >= area.width { break }
            if cell + width <= firstCell { continue }
            let point = Point(column: area.column + max(0, shown), row: row)
            if shown < 0 {
                surface.draw(String(repeating: " ", count: cell + width - firstCell), at: point, style: styles[column])
            } else {
                surface.draw(String(character), at: point, maxWidth: area.width - shown, style: styles[column])
            }
        }
    }

    /// `Find: query` on the prompt row, the query's end kept in view, cursor after it.
    private func drawPrompt(in row: Rect, on surface: some Surface) {
        let label = "Find: "
        let labelWidth = surface.draw(label, at: row.origin, maxWidth: row.width, style: .keyHint)
        let room = row.width - labelWidth
        guard room > 0 else { return }
        surface.fill(Rect(column: row.column + labelWidth, row: row.row, width: room, height: 1), style: .focused)
        var shown = search.query
        while shown.displayWidth >= room, !shown.isEmpty { shown.removeFirst() }
        let used = surface.draw(shown, at: Point(column: row.column + labelWidth, row: row.row), maxWidth: room, style: .focused)
        surface.cursor = Point(column: row.column + labelWidth + min(used, room - 1), row: row.row)
    }
}
