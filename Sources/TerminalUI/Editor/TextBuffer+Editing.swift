/// Inserting and deleting. Each function is one change to the lines (one call to
/// `replaceLines`), so a paste of any size is a single operation and a single undo step.
extension TextBuffer {
    /// Types `text` at the cursor; consecutive typing on one line is one undo step.
    package mutating func type(_ text: String) {
        insert(text, kind: .typing)
    }

    /// Inserts `text` (a paste) at the cursor as one undo step. Line breaks in `text`
    /// (`\n`, `\r\n`) split the line; the cursor ends after the inserted text.
    package mutating func paste(_ text: String) {
        insert(text, kind: .other)
    }

    /// Breaks the line at the cursor and indents the new line as `language` suggests
    /// (the current line's indentation, more after a YAML `key:` or a JSON `{`).
    /// Spaces right after the cursor are dropped so the new line starts at the indent,
    /// unless the cursor is inside the indentation (then the text keeps its place).
    package mutating func insertNewline(autoIndentFor language: EditorLanguage) {
        let line = currentLine
        let split = line.index(line.startIndex, offsetBy: cursor.column)
        let head = line[..<split]
        let insideIndentation = head.allSatisfy { $0 == " " }
        let tail = insideIndentation ? line[split...] : line[split...].drop { $0 == " " }
        let indent = language.indentation(after: head)
        let newLine = String(repeating: " ", count: indent) + tail
        replaceLines(cursor.line..<(cursor.line + 1), with: [String(head), newLine],
                     cursorAfter: TextPosition(line: cursor.line + 1, column: indent), kind: .other)
    }

    /// Backspace: deletes the character before the cursor, or joins the line to the
    /// previous one at column 0.
    package mutating func deleteBackward() {
        if cursor.column > 0 {
            var line = currentLine
            let index = line.index(line.startIndex, offsetBy: cursor.column - 1)
            line.remove(at: index)
            replaceLines(cursor.line..<(cursor.line + 1), with: [line],
                         cursorAfter: TextPosition(line: cursor.line, column: cursor.column - 1), kind: .deletingBackward)
        } else if cursor.line > 0 {
            joinLine(cursor.line - 1)
        }
    }

    /// Delete: deletes the character under the cursor, or joins the next line to this
    /// one at the end of the line.
    package mutating func deleteForward() {
        if cursor.column < length(ofLine: cursor.line) {
            var line = currentLine
            line.remove(at: line.index(line.startIndex, offsetBy: cursor.column))
            replaceLines(cursor.line..<(cursor.line + 1), with: [line], cursorAfter: cursor, kind: .deletingForward)
        } else if cursor.line < lines.count - 1 {
            joinLine(cursor.line)
        }
    }

    /// Joins line `index + 1` to the end of line `index`, cursor at the seam.
    package mutating func joinLine(_ index: Int) {
        guard index >= 0, index + 1 < lines.count else { return }
        let seam = TextPosition(line: index, column: length(ofLine: index))
        replaceLines(index..<(index + 2), with: [lines[index] + lines[index + 1]], cursorAfter: seam, kind: .other)
    }

    /// Replaces the whole text (a YAML <-> JSON conversion) as one undo step; the
    /// cursor stays on the same line number when the new text has it.
    package mutating func replaceAll(with text: String) {
        let newLines = Self.splitLines(text)
        let line = min(cursor.line, newLines.count - 1)
        replaceLines(0..<lines.count, with: newLines,
                     cursorAfter: TextPosition(line: line, column: newLines[line].indentation), kind: .other)
    }

    private mutating func insert(_ text: String, kind: LineEdit.Kind) {
        guard !text.isEmpty else { return }
        let pieces = Self.splitLines(text)
        let line = currentLine
        let split = line.index(line.startIndex, offsetBy: cursor.column)
        let head = line[..<split]
        let tail = line[split...]
        var newLines = pieces
        newLines[0] = head + pieces[0]
        let last = newLines.count - 1
        // Characters are counted on the joined line: a pasted combining mark can merge
        // with the character before it.
        let column = pieces.count == 1 ? newLines[last].count : pieces[last].count
        newLines[last] += tail
        let kind: LineEdit.Kind = pieces.count == 1 ? kind : .other
        replaceLines(cursor.line..<(cursor.line + 1), with: newLines,
                     cursorAfter: TextPosition(line: cursor.line + last, column: column), kind: kind)
    }
}
