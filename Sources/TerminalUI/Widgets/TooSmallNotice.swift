/// What the app shows instead of a screen when the terminal is below the size every
/// screen is designed for.
package enum TooSmallNotice {
    /// Every screen is usable from this size up.
    package static let minimumSize = TerminalSize(columns: 60, rows: 16)

    package static func applies(to size: TerminalSize) -> Bool {
        size.columns < minimumSize.columns || size.rows < minimumSize.rows
    }

    /// Draws `lines` (the app's words: what is wrong, then what to do) centred on the
    /// surface, the first as a warning.
    package static func draw(_ lines: [String], on surface: some Surface) {
        let size = surface.size
        let top = max(0, size.rows / 2 - 1)
        for (offset, line) in lines.enumerated() where top + offset < size.rows {
            surface.draw(line, at: Point(column: 0, row: top + offset), width: size.columns,
                         style: offset == 0 ? .warning : .normal, alignment: .center)
        }
    }
}
