/// A dropdown: shows the chosen option; Space or Enter opens the list, arrows move in
/// it, Space or Enter choose, Esc closes it unchanged.
public struct SelectField: Hashable, Sendable {
    public var options: [String]
    public private(set) var selected: Int
    public private(set) var isOpen: Bool
    public private(set) var highlighted: Int

    public init(options: [String], selected: Int = 0) {
        self.options = options
        self.selected = max(0, min(selected, options.count - 1))
        self.isOpen = false
        self.highlighted = self.selected
    }

    public var selectedOption: String? {
        options.indices.contains(selected) ? options[selected] : nil
    }

    public mutating func select(_ index: Int) {
        guard options.indices.contains(index) else { return }
        selected = index
        highlighted = index
    }

    public mutating func handle(_ key: Key) -> Bool {
        guard !options.isEmpty else { return false }
        if !isOpen {
            guard key == .character(" ") || key == .enter else { return false }
            isOpen = true
            highlighted = selected
            return true
        }
        switch key {
        case .character(" "), .enter:
            selected = highlighted
            isOpen = false
        case .escape:
            isOpen = false
            highlighted = selected
        default:
            // An open list keeps every key: the form must not act behind it.
            _ = moveHighlight(&highlighted, count: options.count, for: key)
        }
        return true
    }

    /// Draws the closed field in the first row of `rect` (`value ▾`); an open list drops
    /// down below it over whatever is there, as far as the surface allows.
    public func draw(on surface: some Surface, in rect: Rect, focused: Bool) {
        guard rect.width > 2 else { return }
        let style: Style = focused ? .focused : .input
        surface.draw(selectedOption ?? "", at: rect.origin, width: rect.width - 2, style: style)
        surface.draw(" ▾", at: Point(column: rect.maxColumn - 2, row: rect.row), style: style)
        guard isOpen else { return }
        let rows = min(options.count, surface.size.rows - rect.row - 1)
        let first = max(0, min(highlighted - rows + 1, options.count - rows))
        for line in 0..<max(0, rows) {
            let index = first + line
            surface.draw(" " + options[index], at: Point(column: rect.column, row: rect.row + 1 + line),
                         width: rect.width, style: index == highlighted ? .selected : .input)
        }
    }
}
