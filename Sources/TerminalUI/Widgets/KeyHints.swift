/// A key and what it does here, as the footer and the help screen show it.
public struct KeyHint: Hashable, Sendable {
    /// The key names as shown (`^D`, `Up/Down, k/j`).
    public var keys: String
    public var description: String

    public init(keys: String, description: String) {
        self.keys = keys
        self.description = description
    }

    /// Several keys for one action, shown as `F2/^E`.
    public init(keys: [Key], description: String) {
        self.init(keys: keys.map(\.displayName).joined(separator: "/"), description: description)
    }
}

/// The footer: `Enter open  c create  ? help`, keys highlighted. Hints that do not fit
/// are left out whole, from the end, so the first (most important) ones always show.
public enum KeyHints {
    public static func draw(_ hints: [KeyHint], on surface: some Surface, in rect: Rect) {
        guard !rect.isEmpty else { return }
        var x = rect.column + 1
        for hint in hints {
            let keyWidth = hint.keys.displayWidth
            let width = keyWidth + 1 + hint.description.displayWidth
            guard x + width <= rect.maxColumn else { break }
            surface.draw(hint.keys, at: Point(column: x, row: rect.row), style: .keyHint)
            surface.draw(hint.description, at: Point(column: x + keyWidth + 1, row: rect.row))
            x += width + 2
        }
    }
}
