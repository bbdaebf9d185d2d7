/// The line above the footer: one message from the first cell, marked ` ! ` when it needs
/// attention so it reads the same without colour, and optional context on the right.
package enum StatusLine {
    /// Clears the line and draws `text` in `style`; `flagged` adds the ` ! ` mark.
    package static func draw(_ text: String, flagged: Bool, style: Style, on surface: some Surface, row: Int, width: Int) {
        surface.draw("", at: Point(column: 0, row: row), width: width)
        surface.draw((flagged ? " ! " : " ") + text, at: Point(column: 0, row: row), width: width, style: style)
    }

    /// Context right-aligned at the end of the line (`3 of 12 match`), muted.
    package static func drawTrailing(_ text: String, on surface: some Surface, row: Int, width: Int) {
        let cells = text.displayWidth
        surface.draw(text, at: Point(column: max(0, width - cells), row: row), width: min(width, cells), style: .muted)
    }
}
