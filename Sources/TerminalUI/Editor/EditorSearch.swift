/// The find prompt of the editor: open while the user types a query.
package struct EditorSearch: Hashable, Sendable {
    /// The text searched for; kept after the prompt closes so Ctrl-F, Enter repeats it.
    package internal(set) var query = ""
    /// The prompt is open and takes the typed characters.
    package internal(set) var isActive = false
    /// The first character typed replaces the remembered query instead of extending it.
    var replacesQuery = false
    /// Where the cursor was when the prompt opened: typing searches from here, so the
    /// match moves forward as the query grows and back when it shrinks.
    var origin = TextPosition.start
}

/// Keys while the find prompt is open.
extension TextEditor {
    /// Opens the prompt (remembering the previous query) at the cursor.
    mutating func openSearch() {
        search.isActive = true
        search.replacesQuery = !search.query.isEmpty
        search.origin = buffer.cursor
    }

    /// Handles `key` in the prompt, or returns nil after closing the prompt when the
    /// key is not a prompt key (an arrow, Ctrl-U...), to be handled as usual.
    mutating func handleSearchKey(_ key: Key) -> EditorKeyResult? {
        switch key {
        case .character(let character):
            if search.replacesQuery { search.query = "" }
            search.query.append(character)
        case .paste(let text):
            if search.replacesQuery { search.query = "" }
            search.query += text.prefix { $0 != "\n" && $0 != "\r\n" && $0 != "\r" }
        case .backspace:
            if search.replacesQuery { search.query = "" }
            if !search.query.isEmpty { search.query.removeLast() }
        case .enter, .ctrl("f"):
            search.replacesQuery = false
            return findNext()
        case .escape:
            search.isActive = false
            return .consumed
        default:
            search.isActive = false
            return nil
        }
        search.replacesQuery = false
        return findFromOrigin()
    }

    /// Incremental search: the first match at or after where the prompt opened.
    private mutating func findFromOrigin() -> EditorKeyResult {
        guard !search.query.isEmpty else {
            buffer.moveCursor(to: search.origin)
            return .consumed
        }
        guard let match = buffer.find(search.query, from: search.origin) else {
            return .notice(.notFound(search.query))
        }
        buffer.moveCursor(to: match.position)
        return match.wrapped ? .notice(.searchWrapped) : .consumed
    }

    /// The match after the cursor, wrapping to the top.
    mutating func findNext() -> EditorKeyResult {
        guard !search.query.isEmpty else { return .consumed }
        guard let match = buffer.findNext(search.query) else {
            return .notice(.notFound(search.query))
        }
        buffer.moveCursor(to: match.position)
        return match.wrapped ? .notice(.searchWrapped) : .consumed
    }
}
