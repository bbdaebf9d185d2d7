/// A single-line text input. Editing works on whole characters, so CJK and emoji move
/// and delete as one; the cursor lands on the right cell however wide the text before it.
/// When the text is wider than the field, the view scrolls to keep the cursor in sight.
package struct TextField: Hashable, Sendable {
    private var characters: [Character]
    /// The insertion point, in characters from the start.
    package private(set) var cursor: Int
    /// Shown (muted) while the field is empty.
    package var placeholder: String

    package init(_ text: String = "", placeholder: String = "") {
        characters = Array(Self.singleLine(text))
        cursor = characters.count
        self.placeholder = placeholder
    }

    package var text: String {
        get { String(characters) }
        set {
            characters = Array(Self.singleLine(newValue))
            cursor = characters.count
        }
    }

    /// Editing keys (characters, paste, Backspace, Delete, Left, Right, Home, End).
    /// Returns false for keys the field does not use, so the form can act on them.
    package mutating func handle(_ key: Key) -> Bool {
        switch key {
        case .character(let character): insert(String(character))
        case .paste(let pasted): insert(pasted)
        case .backspace:
            if cursor > 0 {
                characters.remove(at: cursor - 1)
                cursor -= 1
            }
        case .delete:
            if cursor < characters.count { characters.remove(at: cursor) }
        case .left: cursor = max(0, cursor - 1)
        case .right: cursor = min(characters.count, cursor + 1)
        case .home: cursor = 0
        case .end: cursor = characters.count
        default: return false
        }
        return true
    }

    /// Inserts text at the cursor, made single-line first (see `singleLine`).
    package mutating func insert(_ text: String) {
        let inserted = Array(Self.singleLine(text))
        characters.insert(contentsOf: inserted, at: cursor)
        cursor += inserted.count
    }

    /// Pasted text can hold newlines, tabs and escape sequences: line breaks and tabs
    /// become spaces, other unprintable characters are dropped, so the field stays one
    /// line and nothing reaches the terminal.
    package static func singleLine(_ text: String) -> String {
        var result = ""
        for character in text {
            if character == "\n" || character == "\r\n" || character == "\r" || character == "\t" {
                result.append(" ")
            } else if DisplayCluster.printable(character) != nil {
                result.append(character)
            }
        }
        return result
    }

    /// The cell (from the field's left edge) the cursor is on in a field `width` cells
    /// wide, and how many cells of text are scrolled out on the left.
    ///
    /// The view scrolls only as far as needed to keep the cursor on screen, the cursor
    /// staying at the right edge while typing at the end of long text.
    package func cursorPlacement(width: Int) -> (column: Int, scrolled: Int) {
        let before = characters[..<cursor].reduce(0) { $0 + Self.width(of: $1) }
        let scrolled = max(0, before - max(0, width - 1))
        return (before - scrolled, scrolled)
    }

    /// Draws the field in the first row of `rect`; when `focused`, also puts the surface's
    /// cursor on the insertion point.
    package func draw(on surface: some Surface, in rect: Rect, focused: Bool) {
        guard !rect.isEmpty else { return }
        let style: Style = focused ? .focused : .input
        surface.fill(rect.row(0), style: style)
        let placement = cursorPlacement(width: rect.width)
        if characters.isEmpty, !placeholder.isEmpty {
            surface.draw(placeholder, at: rect.origin, maxWidth: rect.width, style: .muted)
        } else {
            drawVisibleText(on: surface, in: rect, skipping: placement.scrolled, style: style)
        }
        if focused {
            surface.cursor = Point(column: rect.column + placement.column, row: rect.row)
        }
    }

    /// Draws the text scrolled left by `skipping` cells; a wide character cut by either
    /// edge shows as a blank.
    private func drawVisibleText(on surface: some Surface, in rect: Rect, skipping: Int, style: Style) {
        var x = -skipping
        for character in characters {
            let width = Self.width(of: character)
            defer { x += width }
            if x + width <= 0 { continue }
            if x >= rect.width { break }
            let point = Point(column: rect.column + max(0, x), row: rect.row)
            if x < 0 || x + width > rect.width {
                surface.draw(" ", at: point, style: style)
            } else {
                surface.draw(String(character), at: point, style: style)
            }
        }
    }

    private static func width(of character: Character) -> Int {
        DisplayCluster.printable(character)?.width ?? 1
    }
}
