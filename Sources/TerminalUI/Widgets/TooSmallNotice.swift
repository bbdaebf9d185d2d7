/// What the app shows instead of a screen's body when the terminal is below the size
/// every screen is designed for.
public enum TooSmallNotice {
    /// Every screen is usable from this size up.
    public static let minimumSize = TerminalSize(columns: 60, rows: 16)

    public static func applies(to size: TerminalSize) -> Bool {
        size.columns < minimumSize.columns || size.rows < minimumSize.rows
    }

    /// Draws the notice centred in `rect` (the whole surface by default). The texts come
    /// from the app's catalog; the English defaults say what is needed.
    public static func draw(on surface: some Surface, in rect: Rect? = nil,
                            title: String = "Terminal too small", detail: String? = nil) {
        let area = rect ?? surface.bounds
        let size = surface.size
        let detailText = detail ?? "\(size.columns)x\(size.rows), need at least \(minimumSize.columns)x\(minimumSize.rows)"
        let lines = [title] + detailText.wrapped(toWidth: area.width)
        let top = area.row + max(0, (area.height - lines.count) / 2)
        for (offset, line) in lines.enumerated() where top + offset < area.maxRow {
            surface.draw(line, at: Point(column: area.column, row: top + offset), width: area.width,
                         style: offset == 0 ? .warning : .normal, alignment: .center)
        }
    }
}
