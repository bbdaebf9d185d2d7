/// A key and what it does here, as the footer shows it: `^D delete`.
package struct KeyHint: Hashable, Sendable {
    /// The key as shown (`^D`, `Enter`).
    package var keys: String
    package var description: String

    package init(keys: String, description: String) {
        self.keys = keys
        self.description = description
    }

    /// The cells the hint takes in the footer, with the two-cell gap after it.
    var footerWidth: Int { keys.displayWidth + 1 + description.displayWidth + 2 }
}

/// The footer: `Enter open  c create  ? help`, keys highlighted. A hint that does not fit
/// is left out whole, so the first (most important) ones always show; `trailing` hints
/// (help) keep their room and always come last.
package enum KeyHints {
    package static func draw(_ hints: [KeyHint], trailing: [KeyHint] = [], on surface: some Surface, row: Int, width: Int) {
        surface.draw("", at: Point(column: 0, row: row), width: width)
        let reserved = trailing.reduce(0) { $0 + $1.footerWidth }
        var x = 1
        for hint in hints where x + hint.footerWidth + reserved <= width {
            x = draw(hint, on: surface, at: Point(column: x, row: row))
        }
        // The two-cell gap after the last hint may fall off the edge.
        for hint in trailing where x + hint.footerWidth <= width + 2 {
            x = draw(hint, on: surface, at: Point(column: x, row: row))
        }
    }

    /// Draws one hint; returns the column after it and its gap.
    private static func draw(_ hint: KeyHint, on surface: some Surface, at point: Point) -> Int {
        var x = point.column + surface.draw(hint.keys, at: point, style: .keyHint) + 1
        x += surface.draw(hint.description, at: Point(column: x, row: point.row), style: .normal)
        return x + 2
    }
}
