/// The YAML/JSON editor pane: a `TextBuffer` plus what showing it needs (scroll
/// position, language, find prompt, error markers).
///
/// State changes only in `handle(_:)` and the mutating calls below; `draw(on:in:)` only
/// reads, scrolling further if the rectangle it is given needs it to show the cursor.
package struct TextEditor: Sendable {
    package internal(set) var buffer: TextBuffer
    /// Decides colouring, auto-indent and Tab.
    package var language: EditorLanguage
    /// Error messages by line number (from 1, as in the gutter and in parser errors).
    package internal(set) var markers: [Int: String] = [:]
    package internal(set) var search = EditorSearch()
    /// The first line shown (index from 0) and the first cell column shown.
    package internal(set) var firstVisibleLine = 0
    package internal(set) var firstVisibleCell = 0
    /// The size of the text area (without gutter and prompt) at the last `layout(in:)`;
    /// PgUp/PgDn move by its height (a guess of 74x20 until the first `layout(in:)`).
    package internal(set) var textAreaSize = TerminalSize(columns: 74, rows: 20)

    package init(text: String = "", language: EditorLanguage = .yaml) {
        self.buffer = TextBuffer(text: text)
        self.language = language
    }

    /// The whole document, joined on demand (when leaving the editor or saving).
    package var text: String { buffer.text }

    /// The cursor for the status line: line number and column number, both from 1,
    /// the column counting characters.
    package var cursorLineNumber: Int { buffer.cursor.line + 1 }
    package var cursorColumnNumber: Int { buffer.cursor.column + 1 }

    /// Handles an editing, moving or find key. Keys the pane does not use (F2, F3,
    /// Ctrl-T, Ctrl-E, Ctrl-S, Esc outside the find prompt, Ctrl-C...) are `notConsumed`.
    /// Every printable character is consumed: it is text here.
    package mutating func handle(_ key: Key) -> EditorKeyResult {
        let revision = buffer.revision
        let result = search.isActive ? handleSearchKey(key) ?? handleEditingKey(key) : handleEditingKey(key)
        if buffer.revision != revision, let change = buffer.lastChange { shiftMarkers(for: change) }
        if result.isConsumed { scrollToCursor() }
        return result
    }

    private mutating func handleEditingKey(_ key: Key) -> EditorKeyResult {
        switch key {
        case .character(let character): buffer.type(String(character))
        case .paste(let text): buffer.paste(text)
        case .enter: buffer.insertNewline(autoIndentFor: language)
        case .tab:
            guard language == .json else { return .notice(.tabRefusedInYAML) }
            let width = EditorLanguage.indentWidth
            buffer.type(String(repeating: " ", count: width - buffer.displayColumn(of: buffer.cursor) % width))
        case .backspace: buffer.deleteBackward()
        case .delete: buffer.deleteForward()
        case .left: buffer.moveLeft()
        case .right: buffer.moveRight()
        case .up: buffer.moveUp()
        case .down: buffer.moveDown()
        case .home: buffer.moveToLineStart()
        case .end: buffer.moveToLineEnd()
        case .pageUp: page(by: -1)
        case .pageDown: page(by: 1)
        case .alt("b"): buffer.moveWordLeft()
        case .alt("f"): buffer.moveWordRight()
        case .alt("<"): buffer.moveToDocumentStart()
        case .alt(">"): buffer.moveToDocumentEnd()
        case .ctrl("u"): return buffer.undo() ? .consumed : .notice(.nothingToUndo)
        case .ctrl("r"): return buffer.redo() ? .consumed : .notice(.nothingToRedo)
        case .ctrl("f"): openSearch()
        default: return .notConsumed
        }
        return .consumed
    }

    /// Moves the view and the cursor by a page, so the cursor keeps its row on screen.
    private mutating func page(by direction: Int) {
        let height = max(1, textAreaSize.rows)
        let maxTop = max(0, buffer.lineCount - height)
        firstVisibleLine = max(0, min(firstVisibleLine + direction * height, maxTop))
        buffer.moveVertically(by: direction * height)
    }

    /// Replaces the whole text, as switching YAML <-> JSON does; undoable as one step.
    /// Markers are cleared (their lines mean nothing in the new text).
    package mutating func replaceText(_ text: String, language: EditorLanguage) {
        buffer.replaceAll(with: text)
        self.language = language
        markers = [:]
        search.isActive = false
        firstVisibleCell = 0
        scrollToCursor()
    }

    /// Puts the cursor at a parser's location (line and scalar column from 1), e.g.
    /// the first error when leaving the editor fails.
    package mutating func moveCursor(to location: ScalarLocation) {
        buffer.moveCursor(to: buffer.position(of: location))
        scrollToCursor()
    }

    /// Puts the cursor at `position` (clamped into the text).
    package mutating func moveCursor(to position: TextPosition) {
        buffer.moveCursor(to: position)
        scrollToCursor()
    }
}
