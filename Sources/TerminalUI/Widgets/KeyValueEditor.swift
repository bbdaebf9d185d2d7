/// Rows of `key = value` text fields (selector, labels, annotations).
///
/// Tab and Shift-Tab walk the fields row by row, Up and Down change rows, Ctrl-A adds a
/// row below, Ctrl-K removes the current one. Tab past the last field and Shift-Tab
/// before the first are not consumed, so the form moves the focus on.
public struct KeyValueEditor: Hashable, Sendable {
    public struct Row: Hashable, Sendable {
        public var key: TextField
        public var value: TextField

        public init(key: String = "", value: String = "") {
            self.key = TextField(key)
            self.value = TextField(value)
        }
    }

    public private(set) var rows: [Row]
    public private(set) var focusedRow: Int
    /// True when the value field of the focused row has the focus, false for its key.
    public private(set) var valueFocused: Bool
    /// Cells given to the key fields; values take the rest.
    public var keyWidth: Int

    public init(pairs: [(key: String, value: String)] = [], keyWidth: Int = 16) {
        rows = pairs.isEmpty ? [Row()] : pairs.map { Row(key: $0.key, value: $0.value) }
        focusedRow = 0
        valueFocused = false
        self.keyWidth = keyWidth
    }

    /// The rows' contents, empty rows left out.
    public var pairs: [(key: String, value: String)] {
        rows.map { ($0.key.text, $0.value.text) }.filter { !$0.0.isEmpty || !$0.1.isEmpty }
    }

    /// Rows needed to draw: one per row plus the add hint.
    public var height: Int { rows.count + 1 }

    public mutating func handle(_ key: Key) -> Bool {
        switch key {
        case .tab:
            if !valueFocused { valueFocused = true; return true }
            guard focusedRow + 1 < rows.count else { return false }
            focusedRow += 1
            valueFocused = false
        case .backTab:
            if valueFocused { valueFocused = false; return true }
            guard focusedRow > 0 else { return false }
            focusedRow -= 1
            valueFocused = true
        case .up:
            guard focusedRow > 0 else { return false }
            focusedRow -= 1
        case .down:
            guard focusedRow + 1 < rows.count else { return false }
            focusedRow += 1
        case .ctrl("a"):
            rows.insert(Row(), at: focusedRow + 1)
            focusedRow += 1
            valueFocused = false
        case .ctrl("k"):
            removeFocusedRow()
        default:
            if valueFocused {
                return rows[focusedRow].value.handle(key)
            }
            return rows[focusedRow].key.handle(key)
        }
        return true
    }

    /// The last row is emptied rather than removed, so there is always one to type in.
    private mutating func removeFocusedRow() {
        if rows.count == 1 {
            rows[0] = Row()
        } else {
            rows.remove(at: focusedRow)
            focusedRow = min(focusedRow, rows.count - 1)
        }
        valueFocused = false
    }

    /// Draws a row per pair and, below them, `addHint` (the app's words for Ctrl-A).
    public func draw(on surface: some Surface, in rect: Rect, focused: Bool, addHint: String = "[^A add row]") {
        let keyWidth = min(self.keyWidth, max(1, (rect.width - 3) / 2))
        let valueWidth = rect.width - keyWidth - 3
        for (index, row) in rows.enumerated() where index < rect.height {
            let y = rect.row + index
            let isFocusedRow = focused && index == focusedRow
            row.key.draw(on: surface, in: Rect(column: rect.column, row: y, width: keyWidth, height: 1),
                         focused: isFocusedRow && !valueFocused)
            surface.draw(" = ", at: Point(column: rect.column + keyWidth, row: y))
            row.value.draw(on: surface, in: Rect(column: rect.column + keyWidth + 3, row: y, width: valueWidth, height: 1),
                           focused: isFocusedRow && valueFocused)
        }
        if rows.count < rect.height {
            surface.draw(addHint, at: Point(column: rect.column, row: rect.row + rows.count), maxWidth: rect.width, style: .muted)
        }
    }
}
