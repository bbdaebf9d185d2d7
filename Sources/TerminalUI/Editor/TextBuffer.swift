/// The text of the editor as an array of lines, a cursor, and the undo history.
///
/// Lines are kept apart so a keystroke touches one line and drawing reads only the
/// lines on screen: a 10,000-line document edits as fast as a ten-line one. The whole
/// text is joined only when asked for (`text`).
package struct TextBuffer: Sendable {
    /// The lines, without their line breaks; never empty (an empty text is one empty line).
    package private(set) var lines: [String]
    /// Where the next typed character goes; always a valid position.
    package internal(set) var cursor: TextPosition
    /// The cell column up/down and page moves try to keep, set by the first vertical
    /// move and forgotten by any other move or edit, so passing through a short line
    /// does not pull the cursor left for good.
    var goalCell: Int?
    var history = UndoHistory()
    /// Bumped by every change to the lines, so a caller can tell whether a key edited.
    package private(set) var revision = 0
    /// The last change to the lines (edit, undo or redo), for keeping per-line data
    /// such as error markers on the right lines.
    package private(set) var lastChange: LineChange?

    /// `text` split into lines at `\n` (a `\r` before it is dropped).
    package init(text: String = "") {
        lines = Self.splitLines(text)
        cursor = .start
    }

    /// The whole document, lines joined with `\n`. Built on each call: use it when
    /// leaving the editor, not per keystroke.
    package var text: String { lines.joined(separator: "\n") }

    package var lineCount: Int { lines.count }

    /// The line the cursor is on.
    package var currentLine: String { lines[cursor.line] }

    package var canUndo: Bool { history.canUndo }
    package var canRedo: Bool { history.canRedo }

    /// The number of characters in line `index`.
    func length(ofLine index: Int) -> Int { lines[index].count }

    /// `position` moved inside the text: a line that exists, a column within it.
    package func clamped(_ position: TextPosition) -> TextPosition {
        let line = max(0, min(position.line, lines.count - 1))
        return TextPosition(line: line, column: max(0, min(position.column, length(ofLine: line))))
    }

    /// The cell column of `position` in its line, from 0: what the screen shows, with
    /// CJK and most emoji taking two cells.
    package func displayColumn(of position: TextPosition) -> Int {
        lines[position.line].cellWidth(ofPrefix: position.column)
    }

    /// Places the cursor (clamped into the text); ends the current undo group.
    package mutating func moveCursor(to position: TextPosition) {
        cursor = clamped(position)
        goalCell = nil
        history.closeGroup()
    }

    /// Replaces lines `range` with `newLines` and puts the cursor at `cursorAfter`:
    /// the one way lines change, so every change is undoable and reported.
    mutating func replaceLines(_ range: Range<Int>, with newLines: [String], cursorAfter: TextPosition, kind: LineEdit.Kind) {
        let edit = LineEdit(start: range.lowerBound, oldLines: Array(lines[range]), newLines: newLines,
                            cursorBefore: cursor, cursorAfter: cursorAfter, kind: kind)
        apply(edit)
        history.record(edit)
    }

    /// Reverts the last undo step. Returns false when there is nothing to undo.
    @discardableResult
    package mutating func undo() -> Bool {
        guard let edit = history.popUndo() else { return false }
        apply(edit.inverse)
        return true
    }

    /// Applies again the last undone step. Returns false when there is nothing to redo.
    @discardableResult
    package mutating func redo() -> Bool {
        guard let edit = history.popRedo() else { return false }
        apply(edit)
        return true
    }

    private mutating func apply(_ edit: LineEdit) {
        lines.replaceSubrange(edit.start..<(edit.start + edit.oldLines.count), with: edit.newLines)
        if lines.isEmpty { lines = [""] }
        cursor = clamped(edit.cursorAfter)
        goalCell = nil
        revision &+= 1
        lastChange = LineChange(start: edit.start, removed: edit.oldLines.count, inserted: edit.newLines.count)
    }

    /// Splits at line feeds on the UTF-8 bytes (a `\r\n` is one Character in Swift, so
    /// splitting on Characters would miss it) and drops the `\r` of CR LF endings.
    static func splitLines(_ text: String) -> [String] {
        var result: [String] = []
        for piece in text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false) {
            var slice = piece
            if slice.last == 0x0D { slice = slice.dropLast() }
            result.append(String(Substring(slice)))
        }
        return result.isEmpty ? [""] : result
    }
}

/// Which lines a change replaced: `removed` lines from `start` became `inserted` lines.
package struct LineChange: Hashable, Sendable {
    package let start: Int
    package let removed: Int
    package let inserted: Int
}
