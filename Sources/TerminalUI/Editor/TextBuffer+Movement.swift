/// Cursor movement. Horizontal moves go by character (grapheme), vertical moves keep the
/// cell column, so the cursor stays under the same cell across CJK text.
extension TextBuffer {
    /// One character left; from the start of a line to the end of the previous one.
    package mutating func moveLeft() {
        if cursor.column > 0 {
            moveCursor(to: TextPosition(line: cursor.line, column: cursor.column - 1))
        } else if cursor.line > 0 {
            moveCursor(to: TextPosition(line: cursor.line - 1, column: length(ofLine: cursor.line - 1)))
        }
    }

    /// One character right; from the end of a line to the start of the next one.
    package mutating func moveRight() {
        if cursor.column < length(ofLine: cursor.line) {
            moveCursor(to: TextPosition(line: cursor.line, column: cursor.column + 1))
        } else if cursor.line < lines.count - 1 {
            moveCursor(to: TextPosition(line: cursor.line + 1, column: 0))
        }
    }

    package mutating func moveUp() { moveVertically(by: -1) }
    package mutating func moveDown() { moveVertically(by: 1) }

    /// `delta` lines up (negative) or down (a page), stopping at the first or last line, keeping
    /// the cell column as up/down do.
    package mutating func moveVertically(by delta: Int) {
        let goal = goalCell ?? displayColumn(of: cursor)
        let target = max(0, min(cursor.line + delta, lines.count - 1))
        if target == cursor.line {
            // Up on the first line / down on the last: go to its start / end, as most editors.
            let column = delta < 0 ? 0 : length(ofLine: target)
            moveCursor(to: TextPosition(line: target, column: column))
            return
        }
        moveCursor(to: TextPosition(line: target, column: lines[target].characterIndex(atCell: goal)))
        goalCell = goal
    }

    /// Home: to the first non-space character, or to column 0 when already there.
    package mutating func moveToLineStart() {
        let indent = currentLine.indentation
        moveCursor(to: TextPosition(line: cursor.line, column: cursor.column == indent ? 0 : indent))
    }

    /// End: after the last character of the line.
    package mutating func moveToLineEnd() {
        moveCursor(to: TextPosition(line: cursor.line, column: length(ofLine: cursor.line)))
    }

    /// To the start of the text (line 0, column 0) or its end.
    package mutating func moveToDocumentStart() { moveCursor(to: .start) }
    package mutating func moveToDocumentEnd() {
        moveCursor(to: TextPosition(line: lines.count - 1, column: length(ofLine: lines.count - 1)))
    }

    /// To the start of the word before the cursor (crossing line breaks), as Alt-b.
    package mutating func moveWordLeft() {
        var line = cursor.line
        var characters = Array(lines[line])
        var column = cursor.column
        // Skip what is not a word, going up a line at a line start.
        while true {
            while column > 0, !characters[column - 1].isWordCharacter { column -= 1 }
            if column > 0 || line == 0 { break }
            line -= 1
            characters = Array(lines[line])
            column = characters.count
        }
        while column > 0, characters[column - 1].isWordCharacter { column -= 1 }
        moveCursor(to: TextPosition(line: line, column: column))
    }

    /// To the end of the word after the cursor (crossing line breaks), as Alt-f.
    package mutating func moveWordRight() {
        var line = cursor.line
        var characters = Array(lines[line])
        var column = cursor.column
        while true {
            while column < characters.count, !characters[column].isWordCharacter { column += 1 }
            if column < characters.count || line == lines.count - 1 { break }
            line += 1
            characters = Array(lines[line])
            column = 0
        }
        while column < characters.count, characters[column].isWordCharacter { column += 1 }
        moveCursor(to: TextPosition(line: line, column: column))
    }
}
