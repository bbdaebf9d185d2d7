/// One choice out of a few, all visible: `(•) VirtualIP   ( ) Headless`.
/// Arrows move the highlight, Space or Enter choose it.
public struct RadioGroup: Hashable, Sendable {
    public var options: [String]
    public var selected: Int
    public private(set) var highlighted: Int

    public init(options: [String], selected: Int = 0) {
        self.options = options
        self.selected = selected
        self.highlighted = selected
    }

    public mutating func handle(_ key: Key) -> Bool {
        guard !options.isEmpty else { return false }
        switch key {
        case .character(" "), .enter:
            selected = highlighted
            return true
        default:
            return moveHighlight(&highlighted, count: options.count, for: key)
        }
    }

    /// Draws the options on one row, three cells apart.
    public func draw(on surface: some Surface, in rect: Rect, focused: Bool) {
        var x = rect.column
        for (index, option) in options.enumerated() where x < rect.maxColumn {
            let mark = index == selected ? "(•) " : "( ) "
            let style: Style = focused && index == highlighted ? .focused : .normal
            x += surface.draw(mark + option, at: Point(column: x, row: rect.row), maxWidth: rect.maxColumn - x, style: style)
            x += 3
        }
    }
}
